package org.fellowship.core.outbound;

/** Order in which rate-limited adapters drain their queues: crisis support first. */
public enum Priority {
    /** Crisis resources and escalation alerts. */
    URGENT,
    /** Replies to what a member just did. */
    NORMAL,
    /** Scheduled waves (prompts, reminders, announcements). */
    BULK
}
