package org.fellowship.core.schedule;

import java.time.Instant;
import java.util.Objects;

/**
 * One kind of scheduled work: the name its items are stored under and the codec of its payload. Scheduling code builds
 * items only through {@link #item}, so the payload text is written in one place per kind, and {@link DueWorker} reads
 * it through the same codec before the kind's {@link DueHandler} runs.
 *
 * @param name  the stored kind: non-blank, free of {@code |}, never renamed once items of it may be queued
 * @param codec writes and reads the payload
 * @param <P>   the payload
 */
public record DueKind<P>(String name, PayloadCodec<P> codec) {

    public DueKind {
        DueItem.checkKind(Objects.requireNonNull(name, "name"));
        Objects.requireNonNull(codec, "codec");
        if (name.equals(DueItem.UNREADABLE_KIND)) {
            throw new IllegalArgumentException("'" + name + "' is reserved for unreadable records");
        }
    }

    /** A kind whose items carry no payload (stored as the empty text). */
    public static DueKind<NoPayload> withoutPayload(String name) {
        return new DueKind<>(name, NoPayload.CODEC);
    }

    /** An item of this kind on the default lane, about nobody in particular, its payload encoded by the codec. */
    public DueItem item(String id, Instant dueAt, P payload) {
        return new DueItem(id, name, dueAt, codec.encode(payload));
    }
}
