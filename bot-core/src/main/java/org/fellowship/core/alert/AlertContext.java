package org.fellowship.core.alert;

/**
 * The minimum context a crisis alert carries to the mentor it pages: a short excerpt of the message that
 * was flagged and a link to it. Taken only after the member says yes to a mentor, and told to them in the offer; kept
 * with the alert and expiring with it, never logged.
 *
 * @param excerpt at most {@link #MAX_EXCERPT} characters of the member's message around the strongest evidence the
 *                detector found, control and invisible characters removed, {@code null} when there is no text
 * @param link    a link to the message that mentors in the group can open, or {@code null} (direct chats, platforms
 *                without message links)
 */
public record AlertContext(String excerpt, String link) {
    public static final int MAX_EXCERPT = 160;

    public AlertContext {
        excerpt = excerpt == null || excerpt.isBlank() ? null : excerpt;
        link = link == null || link.isBlank() ? null : link;
    }

    /** No excerpt and no link (the member asked directly). */
    public static final AlertContext NONE = new AlertContext(null, null);
}
