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

    /**
     * A slug made unique for one source entry: {@code slug} cut to leave room for '-' and a short hash of
     * {@code source}, so the same entry gets the same slug on every import.
     */
    public static String withSuffix(String slug, String source) {
        String hash = String.format("%08x", source.hashCode()).substring(0, 6);
        String base = slug.length() > 57 ? slug.substring(0, 57).replaceAll("-+$", "") : slug;
        return (base.isEmpty() ? "meeting" : base) + "-" + hash;
    }
}
