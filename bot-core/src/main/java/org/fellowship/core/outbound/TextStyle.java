package org.fellowship.core.outbound;

/**
 * How an adapter should render a message's text. The text itself is always plain: adapters escape it for
 * their markup, so user-supplied text can never inject formatting or mentions.
 */
public enum TextStyle {
    /** Ordinary prose. */
    PLAIN,
    /** Fixed-width block, for compact tables such as a 14-day trend. */
    MONOSPACE
}
