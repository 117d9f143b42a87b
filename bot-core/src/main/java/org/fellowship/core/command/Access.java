package org.fellowship.core.command;

/** Who may run a command. Moderator status comes from the platform's own admin lists, never self-claimed. */
public enum Access {
    EVERYONE,
    MODERATOR
}
