package org.fellowship.core.schedule;

/** The payload of a kind whose items carry nothing but their id and due time; stored as the empty text. */
public enum NoPayload {
    NONE;

    /** Encodes {@link #NONE} as {@code ""} and reads only {@code ""} back. */
    public static final PayloadCodec<NoPayload> CODEC = PayloadCodec.of(none -> "", text -> {
        if (!text.isEmpty()) {
            throw new MalformedPayload("expected no payload");
        }
        return NONE;
    });
}
