package org.fellowship.core.schedule;

/**
 * A lane of scheduled work. Each lane is claimed separately and, in the app, runs on a thread of its own
 * ({@link DueRunner}), so a slow or large job on one lane never delays an item on another. A {@link DueHandler}
 * declares the lane of its kind; items of a kind are queued on that lane.
 */
public enum DueLane {
    /** Crisis timers (escalations, re-notifications, follow-ups): never behind anything else. */
    CRISIS(false),
    /** Small items about one member or group (milestones, reminders, announcements, gate deadlines, summaries). */
    DEFAULT(false),
    /** Large jobs: a check-in wave may send thousands of messages at the platform's rate. */
    BULK(true),
    /** Jobs that wait on the outside world (a meeting feed fetched over HTTP). */
    FETCH(true);

    private final boolean oneAtATime;

    DueLane(boolean oneAtATime) {
        this.oneAtATime = oneAtATime;
    }

    /**
     * Whether the lane claims one item at a time: its jobs may run for minutes, so the next one stays claimable by
     * another instance instead of waiting, leased, behind the first.
     */
    public boolean oneAtATime() {
        return oneAtATime;
    }

    /** Lower-case name for logs, metrics and keys ({@code crisis}, {@code default}, ...). */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
