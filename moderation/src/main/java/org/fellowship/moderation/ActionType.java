package org.fellowship.moderation;

import java.util.Locale;

/** What happens to a message or member, ordered from mildest to strongest. */
public enum ActionType {
    /** Only tell the moderators. */
    ALERT,
    /** Delete the message. */
    DELETE,
    /** Delete the message and add a warning (points, may climb the ladder). */
    WARN,
    /** Delete the message and stop the member writing for a while (Telegram restrict, Discord timeout). */
    MUTE,
    /** Delete the message and remove the member (they may rejoin). */
    KICK,
    /** Delete the message and remove the member for good. */
    BAN;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a typed action ({@code timeout} is {@code mute}, {@code remove} is {@code kick}); {@code null} when unknown. */
    public static ActionType parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "alert" -> ALERT;
            case "delete" -> DELETE;
            case "warn" -> WARN;
            case "mute", "timeout" -> MUTE;
            case "kick", "remove" -> KICK;
            case "ban" -> BAN;
            default -> null;
        };
    }

    /** {@code true} when the action removes the message. */
    public boolean deletes() {
        return this != ALERT;
    }
}
