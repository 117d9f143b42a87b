package org.fellowship.core.command;

/**
 * The member's input cannot be used. The message is shown to them as-is, followed by the command's usage, so it
 * must be a short, friendly sentence saying what was wrong and (where possible) what to write instead.
 */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message, null, false, false);
    }
}
