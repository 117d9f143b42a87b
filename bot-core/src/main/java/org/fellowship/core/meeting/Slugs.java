package org.fellowship.core.meeting;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Turns names and feed ids into meeting slugs ({@code [a-z0-9_-]{1,64}}, the form {@link Meeting#slug()} requires).
 * Public for the feed parser, which names the meetings it reads the same way {@code /meetings add} does.
 */
public final class Slugs {
    private Slugs() {
    }

    /** The slug of a name or feed id: accents dropped, lower case, other characters runs of '-'; never empty. */
    public static String of(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 64) {
            slug = slug.substring(0, 64).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "meeting-" + Integer.toHexString(text.hashCode()) : slug;
    }
}
