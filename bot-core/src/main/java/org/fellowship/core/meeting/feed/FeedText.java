package org.fellowship.core.meeting.feed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the feed parser reads one text field of a feed entry: trimmed of Unicode white space (no-break and zero-width
 * spaces included, which real feeds carry), HTML entities decoded, clipped to a limit. Stateless.
 */
final class FeedText {
    /** Leading/trailing Unicode white space, including no-break and zero-width spaces that strip() leaves. */
    private static final Pattern EDGE_SPACE = Pattern.compile(
            "^[\\s\\p{Z}\\u200B\\uFEFF]+|[\\s\\p{Z}\\u200B\\uFEFF]+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENTITY = Pattern.compile("&(?:#(\\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,6}));");
    private static final Map<String, String> NAMED_ENTITIES = Map.of("amp", "&", "lt", "<", "gt", ">",
            "quot", "\"", "apos", "'", "nbsp", " ", "ndash", "\u2013", "mdash", "\u2014", "rsquo", "\u2019");

    private FeedText() {
    }

    /** A string or number field, trimmed; {@code null} when absent, not text, or only white space. */
    static String text(Object value) {
        if (value instanceof String s) {
            return trimmed(s);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return null;
    }

    /** Decodes the HTML entities feeds exported from web pages carry ("Hope &amp; Serenity"); unknown ones stay. */
    static String decoded(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        return trimmed(ENTITY.matcher(s).replaceAll(e -> {
            String decoded = null;
            if (e.group(3) != null) {
                decoded = NAMED_ENTITIES.get(e.group(3).toLowerCase(Locale.ROOT));
            } else {
                int code = e.group(1) != null ? Integer.parseInt(e.group(1)) : Integer.parseInt(e.group(2), 16);
                if (Character.isValidCodePoint(code) && code != 0 && !Character.isSurrogate((char) code)) {
                    decoded = Character.toString(code);
                }
            }
            return Matcher.quoteReplacement(decoded != null ? decoded : e.group());
        }));
    }

    /** The first of those fields that holds text, or {@code null}. */
    static String firstText(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            String t = text(m.get(k));
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The fields that hold text, joined with ", "; {@code null} when none does. */
    static String joined(Map<?, ?> m, String... keys) {
        List<String> parts = new ArrayList<>();
        for (String k : keys) {
            String t = text(m.get(k));
            if (t != null) {
                parts.add(t);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** "District 12, 123 Main St, Springfield": the place name and the address, the place once when equal. */
    static String placeAndAddress(String place, String address) {
        if (place == null || address == null) {
            return place == null ? address : place;
        }
        String p = place.toLowerCase(Locale.ROOT);
        String a = address.toLowerCase(Locale.ROOT);
        return p.startsWith(a) ? place : a.startsWith(p) ? address : place + ", " + address;
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 3) + "...";
    }

    private static String trimmed(String s) {
        String stripped = EDGE_SPACE.matcher(s).replaceAll("");
        return stripped.isEmpty() ? null : stripped;
    }
}
