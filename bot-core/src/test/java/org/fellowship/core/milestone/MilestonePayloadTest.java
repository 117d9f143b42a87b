package org.fellowship.core.milestone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.MalformedPayload;
import org.fellowship.core.testkit.DuePayloads;
import org.junit.jupiter.api.Test;

/** A queued milestone decodes from the text already stored in a running store, and is written back the same. */
class MilestonePayloadTest {

    @Test
    void aMilestoneNamesTheMemberLabelCleanDateAndMilestone() {
        MilestoneScheduler.Target target = DuePayloads.roundTrip(MilestoneScheduler.KIND,
                "dc|99|gambling|2025-12-01|6m");

        assertThat(target).isEqualTo(new MilestoneScheduler.Target(new ChatUserId(Platform.DISCORD, "99"),
                "gambling", LocalDate.of(2025, 12, 1), Milestone.parse("6m")));
        assertThat(MilestoneScheduler.KIND.name()).isEqualTo("milestone");
    }

    @Test
    void anEmptyLabelIsAField() {
        assertThat(DuePayloads.roundTrip(MilestoneScheduler.KIND, "tg|42||2026-02-08|30d").label()).isEmpty();
    }

    @Test
    void aMilestoneWithAnUnknownPlatformOrMilestoneIsMalformed() {
        assertThatThrownBy(() -> MilestoneScheduler.KIND.codec().decode("xx|42|main|2026-02-08|30d"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> MilestoneScheduler.KIND.codec().decode("tg|42|main|2026-02-08|soon"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> MilestoneScheduler.KIND.codec().decode("tg|42|a|b|2026-02-08|30d"))
                .isInstanceOf(MalformedPayload.class);
    }
}
