package org.fellowship.telegram;

import org.fellowship.core.outbound.TextStyle;

/**
 * Renders the core's plain text as Telegram HTML ({@code parse_mode=HTML}). Every character of the text is escaped,
 * so member-supplied text can never inject markup, links or mentions. Pure and thread-safe.
 */
final class TelegramHtml {
    /** The Bot API parse mode this renderer targets. */
    static final String PARSE_MODE = "HTML";

    private TelegramHtml() {
    }

    /** Escapes {@code &}, {@code <} and {@code >}, the three characters Telegram's HTML parser requires escaped. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The HTML for a text in a style: escaped prose, or an escaped {@code <pre>} block for monospace. */
    static String render(String text, TextStyle style) {
        String escaped = escape(text);
        return style == TextStyle.MONOSPACE ? "<pre>" + escaped + "</pre>" : escaped;
    }
}
