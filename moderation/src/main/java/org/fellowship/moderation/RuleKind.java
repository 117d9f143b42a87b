package org.fellowship.moderation;

import java.util.Locale;

/** What a rule looks at. */
public enum RuleKind {
    /** A word with optional wildcards: {@code word}, {@code word*}, {@code *word}, {@code *word*}. */
    KEYWORD(true),
    /** Several words in a row, matched after normalisation. */
    PHRASE(true),
    /** An RE2/J regular expression (linear time) over the raw text, case-insensitive. */
    REGEX(true),
    /** A link to a domain that is not on the community's allow-list. */
    LINK(true),
    /** An invite to another Discord server or Telegram group. */
    INVITE(true),
    /** More than {@code limit} messages from one member within {@code window}. */
    FLOOD(false),
    /** At least {@code limit} mentions in one message. */
    MENTIONS(true),
    /** The same text more than {@code limit} times within {@code window}. */
    REPEAT(false);

    private final boolean content;

    RuleKind(boolean content) {
        this.content = content;
    }

    /** {@code true} when one message alone decides (so {@code /filter test} can show it). */
    public boolean content() {
        return content;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a typed kind; {@code null} when unknown. */
    public static RuleKind parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (RuleKind k : values()) {
            if (k.word().equals(t)) {
                return k;
            }
        }
        return t.equals("word") ? KEYWORD : t.equals("invites") ? INVITE : t.equals("links") ? LINK
                : t.equals("mention") ? MENTIONS : null;
    }
}
