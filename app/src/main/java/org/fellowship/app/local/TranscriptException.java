package org.fellowship.app.local;

/** A transcript line that cannot be used; the message names the line number and the problem. */
final class TranscriptException extends RuntimeException {
    TranscriptException(int line, String problem) {
        super("line " + line + ": " + problem, null, false, false);
    }
}
