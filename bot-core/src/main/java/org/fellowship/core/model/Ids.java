package org.fellowship.core.model;

/** Validation shared by the identity records: ids end up inside storage keys, so keep them tame. */
final class Ids {
    private static final int MAX_ID_LENGTH = 128;

    private Ids() {
    }

    static void requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '{' || c == '}' || c == 0x7f) {
                throw new IllegalArgumentException(what + " contains a space, brace or control character");
            }
        }
    }
}
