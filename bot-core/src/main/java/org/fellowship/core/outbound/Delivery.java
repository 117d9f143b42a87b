package org.fellowship.core.outbound;

/** Who may see a message. */
public enum Delivery {
    /** Everyone in the target conversation. */
    PUBLIC,
    /**
     * Only the recipient: a direct chat, or an ephemeral reply where the platform has them. Never posted to a group
     * where others could read it; the core falls back to a content-free pointer when neither is possible.
     */
    PRIVATE
}
