package org.fellowship.core.model;

/** Who may run a command. Moderator status comes from the platform's own admin lists, never self-claimed. */
public enum Access {
    EVERYONE,
    MODERATOR
}
