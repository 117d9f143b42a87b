package org.fellowship.core.schedule;

import java.util.Objects;
import java.util.function.Function;

/**
 * Writes one due-queue kind's typed payload as the text stored with its items, and reads it back. Each kind has one
 * codec ({@link DueKind}); scheduling code encodes through it and {@link DueWorker} decodes through it, once, before
 * the kind's handler runs.
 *
 * <p><b>Contract:</b> {@code decode(encode(p))} equals {@code p}. {@link #decode} is pure and thread-safe and throws
 * {@link MalformedPayload} for text it cannot read (the worker then dead-letters the item, since reading it again
 * cannot succeed); {@link #encode} never throws for a payload its kind's scheduling code builds. Items already queued
 * in a running store must keep decoding: a codec changes its text only in ways that still read the old text.
 *
 * @param <P> the kind's payload, usually a record
 */
public interface PayloadCodec<P> {

    /** The text stored with an item (at most {@link DueItem#MAX_PAYLOAD} characters). */
    String encode(P payload);

    /**
     * The payload {@code text} stands for.
     *
     * @throws MalformedPayload if the text is not a payload of this kind
     */
    P decode(String text);

    /**
     * A codec made of two functions. Whatever {@code decode} throws for text it cannot read (a parser's exception, a
     * record's check) reaches the caller as {@link MalformedPayload}.
     */
    static <P> PayloadCodec<P> of(Function<P, String> encode, Function<String, P> decode) {
        Objects.requireNonNull(encode, "encode");
        Objects.requireNonNull(decode, "decode");
        return new PayloadCodec<>() {
            @Override
            public String encode(P payload) {
                return encode.apply(payload);
            }

            @Override
            public P decode(String text) {
                try {
                    return decode.apply(text);
                } catch (MalformedPayload e) {
                    throw e;
                } catch (RuntimeException e) { // a field's own parser or a record's check refused it
                    throw new MalformedPayload("not a payload of this kind (" + e.getClass().getSimpleName() + ")");
                }
            }
        };
    }
}
