package org.fellowship.core.model;

import java.util.Objects;

/**
 * A file that came with an inbound message (a Telegram document, a Discord attachment), described without its
 * bytes. The bytes are fetched on demand through {@link org.fellowship.core.port.ChatGateway#download}.
 *
 * <p>The file name is what the member chose and may say something personal: {@link #toString()} leaves it out, so
 * logging an attachment never logs it.
 *
 * @param fileName        the name the platform reports ({@code "file"} when it has none)
 * @param mediaType       the MIME type the platform reports, or {@code null} when unknown
 * @param sizeBytes       the size the platform reports, or {@link #UNKNOWN_SIZE}
 * @param platformFileRef the adapter's own opaque reference for fetching it (a Telegram {@code file_id}, a Discord
 *                        {@code channel/message/attachment} id triple); meaningless to the core
 */
public record Attachment(String fileName, String mediaType, long sizeBytes, String platformFileRef) {
    /** The platform did not say how large the file is. */
    public static final long UNKNOWN_SIZE = -1;

    public Attachment {
        fileName = fileName == null || fileName.isBlank() ? "file" : fileName;
        Objects.requireNonNull(platformFileRef, "platformFileRef");
        if (platformFileRef.isBlank()) {
            throw new IllegalArgumentException("platformFileRef must not be blank");
        }
        if (sizeBytes < UNKNOWN_SIZE) {
            throw new IllegalArgumentException("sizeBytes must be at least -1 (unknown)");
        }
        mediaType = mediaType == null || mediaType.isBlank() ? null : mediaType;
    }

    /** Whether the platform's size is known and above {@code limit}. */
    public boolean knownLargerThan(long limit) {
        return sizeBytes != UNKNOWN_SIZE && sizeBytes > limit;
    }

    /** Whether the name or type says JSON. */
    public boolean looksLikeJson() {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json") || (mediaType != null && mediaType.toLowerCase(java.util.Locale.ROOT)
                .contains("json"));
    }

    /** Ids and size only: no file name. */
    @Override
    public String toString() {
        return "Attachment[ref=" + platformFileRef + ", size=" + sizeBytes + "]";
    }
}
