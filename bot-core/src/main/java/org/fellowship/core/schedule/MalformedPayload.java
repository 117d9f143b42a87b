package org.fellowship.core.schedule;

/**
 * A due item's payload text is not a payload of its kind ({@link PayloadCodec#decode}). The message says what is
 * wrong (which field, what was expected) and never quotes the text, which may name members or hold what they wrote.
 */
public final class MalformedPayload extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPayload(String whatIsWrong) {
        super(whatIsWrong);
    }
}
