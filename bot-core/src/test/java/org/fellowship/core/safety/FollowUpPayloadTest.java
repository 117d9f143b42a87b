package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.MalformedPayload;
import org.fellowship.core.testkit.DuePayloads;
import org.junit.jupiter.api.Test;

/** A queued crisis follow-up decodes from the text already stored in a running store, and is written back the same. */
class FollowUpPayloadTest {

    @Test
    void aFollowUpNamesTheMemberOfferStepAndAlert() {
        FollowUps.FollowUp followUp = DuePayloads.roundTrip(FollowUps.KIND, "telegram|42|1772960400000|2|A-7");

        assertThat(followUp).isEqualTo(new FollowUps.FollowUp(new ChatUserId(Platform.TELEGRAM, "42"),
                "1772960400000", 2, "A-7"));
        assertThat(FollowUps.KIND.name()).isEqualTo("crisis.followup");
    }

    @Test
    void aFollowUpWithoutAnOpenAlertEndsInAnEmptyField() {
        assertThat(DuePayloads.roundTrip(FollowUps.KIND, "discord|99|1772960400000|1|").alert()).isEmpty();
    }

    @Test
    void aFollowUpWithAMissingFieldOrUnknownPlatformIsMalformed() {
        assertThatThrownBy(() -> FollowUps.KIND.codec().decode("telegram|42|1772960400000|1"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> FollowUps.KIND.codec().decode("pager|42|1772960400000|1|"))
                .isInstanceOf(MalformedPayload.class);
    }
}
