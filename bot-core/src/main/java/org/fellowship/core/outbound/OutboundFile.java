package org.fellowship.core.outbound;

import java.util.Arrays;
import java.util.Objects;

/**
 * A file the core wants sent with a message (for example a meeting calendar as {@code meetings.ics}). Immutable: the
 * bytes are copied in and out.
 *
 * @param fileName    name shown to members, 1-100 characters without path separators or control characters
 * @param mediaType   MIME type, for example {@code text/calendar}
 * @param bytes       the content (copied)
 * @param fallbackUrl where the same content can be fetched when a chat cannot receive files, or {@code null}
 */
public record OutboundFile(String fileName, String mediaType, byte[] bytes, String fallbackUrl) {
    public OutboundFile {
        Objects.requireNonNull(fileName, "fileName");
        if (fileName.isBlank() || fileName.length() > 100 || fileName.matches(".*[/\\\\\\p{Cntrl}].*")) {
            throw new IllegalArgumentException("file name must be 1-100 characters without / \\ or control characters");
        }
        Objects.requireNonNull(mediaType, "mediaType");
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
        fallbackUrl = fallbackUrl == null || fallbackUrl.isBlank() ? null : fallbackUrl;
    }

    public OutboundFile(String fileName, String mediaType, byte[] bytes) {
        this(fileName, mediaType, bytes, null);
    }

    /** A copy of the content. */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** What a chat that cannot take this file is told instead: the name and, when there is one, the link. */
    public String fallbackText() {
        return fallbackUrl != null ? fileName + ": " + fallbackUrl
                : "(" + fileName + " could not be attached here.)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboundFile f && fileName.equals(f.fileName) && mediaType.equals(f.mediaType)
                && Arrays.equals(bytes, f.bytes) && Objects.equals(fallbackUrl, f.fallbackUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(bytes), fallbackUrl);
    }

    /** Name length and size only, never the content. */
    @Override
    public String toString() {
        return "OutboundFile[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
