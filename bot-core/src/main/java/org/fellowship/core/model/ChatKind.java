package org.fellowship.core.model;

/** Whether a conversation is a one-to-one chat with the bot or a shared group space. */
public enum ChatKind {
    /** A private chat between one member and the bot. */
    DIRECT,
    /** A group, supergroup, forum topic, guild channel or thread. */
    GROUP
}
