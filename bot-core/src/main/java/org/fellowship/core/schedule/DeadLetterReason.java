package org.fellowship.core.schedule;

import java.util.Locale;

/** Why {@link DueWorker} took an item off the queue without running it to success (see {@link DueMetrics}). */
public enum DeadLetterReason {
    /** The store holds a record for the id that it can no longer read (see {@link DueItem#unreadable}). */
    UNREADABLE_RECORD,
    /** No handler is registered for the item's kind (a kind this version no longer has). */
    UNKNOWN_KIND,
    /** The kind's codec cannot read the item's payload ({@link MalformedPayload}). */
    MALFORMED_PAYLOAD,
    /** The handler failed on every one of {@link DueWorker#MAX_ATTEMPTS} attempts. */
    ATTEMPTS_EXHAUSTED;

    /** Lower-case name for logs and metrics ({@code malformed-payload}, ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
