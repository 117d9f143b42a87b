package org.fellowship.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.fellowship.core.schedule.DueKind;

/** Checks a kind's codec against payload text in the stored format, as items already queued in Redis hold it. */
public final class DuePayloads {
    private DuePayloads() {
    }

    /**
     * Decodes {@code stored} with the kind's codec, checks that encoding the result gives back exactly the same text,
     * and returns the payload for its fields to be checked.
     */
    public static <P> P roundTrip(DueKind<P> kind, String stored) {
        P payload = kind.codec().decode(stored);
        assertThat(kind.codec().encode(payload)).as("%s payload written back", kind.name()).isEqualTo(stored);
        return payload;
    }
}
