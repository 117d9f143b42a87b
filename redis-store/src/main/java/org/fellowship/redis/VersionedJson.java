package org.fellowship.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.fellowship.core.model.Platform;

/**
 * The one place stored records are turned into JSON and back: every record carries a version field {@code v}, and
 * a record of a version this build does not know is refused with a message that says so (never silently misread).
 * The codecs map domain records to their versioned DTOs explicitly and use this for the JSON itself. Thread-safe.
 */
final class VersionedJson {
    /** The version every DTO of this build writes and reads. */
    static final int VERSION = 1;

    private final ObjectMapper mapper = new ObjectMapper()
            // newer builds may add fields; older readers skip them instead of failing
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    ObjectMapper mapper() {
        return mapper;
    }

    String write(Object value, String what) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode " + what, e);
        }
    }

    <T> T read(String json, Class<T> type, String what) {
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + what + " record is not valid JSON", e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalStateException("stored " + what + " record is not a JSON object");
        }
        JsonNode v = tree.get("v");
        if (v == null || !v.canConvertToInt()) {
            throw new IllegalStateException("stored " + what + " record has no version field 'v'");
        }
        if (v.asInt() != VERSION) {
            throw new IllegalStateException("stored " + what + " record has unsupported version " + v.asInt()
                    + " (this build reads version " + VERSION + "); upgrade the application");
        }
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + what + " record does not match version " + VERSION, e);
        }
    }

    /** The platform of a stored two-letter code. */
    static Platform platform(String code) {
        for (Platform p : Platform.values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform code");
    }
}
