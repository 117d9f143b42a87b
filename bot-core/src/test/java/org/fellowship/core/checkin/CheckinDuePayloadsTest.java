package org.fellowship.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.MalformedPayload;
import org.fellowship.core.schedule.NoPayload;
import org.fellowship.core.testkit.DuePayloads;
import org.junit.jupiter.api.Test;

/** Check-in's due items decode from the text already queued in a running store, and are written back the same. */
class CheckinDuePayloadsTest {

    @Test
    void aWaveCarriesNothing() {
        assertThat(DuePayloads.roundTrip(CheckinSchedule.WAVE, "")).isEqualTo(NoPayload.NONE);
        assertThat(CheckinSchedule.WAVE.name()).isEqualTo("checkin.wave");
    }

    @Test
    void aSummaryNamesItsCommunityAndDay() {
        GroupSummary.Day day = DuePayloads.roundTrip(GroupSummary.KIND, "TELEGRAM|-100123|2026-03-08");

        assertThat(day).isEqualTo(new GroupSummary.Day(new CommunityId(Platform.TELEGRAM, "-100123"),
                LocalDate.of(2026, 3, 8)));
        assertThat(GroupSummary.KIND.name()).isEqualTo("checkin.summary");
    }

    @Test
    void aSummaryWithMissingOrUnreadableFieldsIsMalformed() {
        assertThatThrownBy(() -> GroupSummary.KIND.codec().decode("TELEGRAM|-100123")).isInstanceOf(
                MalformedPayload.class);
        assertThatThrownBy(() -> GroupSummary.KIND.codec().decode("FAX|-100123|2026-03-08")).isInstanceOf(
                MalformedPayload.class);
        assertThatThrownBy(() -> GroupSummary.KIND.codec().decode("TELEGRAM|-100123|yesterday")).isInstanceOf(
                MalformedPayload.class);
    }
}
