package org.fellowship.core.mentor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fellowship.core.schedule.MalformedPayload;
import org.fellowship.core.testkit.DuePayloads;
import org.junit.jupiter.api.Test;

/** Alert timers decode from the text already queued in a running store, older shorter forms included. */
class AlertTimerPayloadsTest {

    @Test
    void anEscalationNamesTheAlertTierRoundAndStamp() {
        EscalationTimer.Step step = DuePayloads.roundTrip(EscalationTimer.KIND, "A-7|2|1|1772960400000");

        assertThat(step).isEqualTo(new EscalationTimer.Step("A-7", 2, 1, 1772960400000L));
        assertThat(EscalationTimer.KIND.name()).isEqualTo("crisis.escalate");
    }

    @Test
    void anEscalationQueuedBeforeRoundsAndStampsStillReads() {
        assertThat(EscalationTimer.KIND.codec().decode("A-7|2")).isEqualTo(new EscalationTimer.Step("A-7", 2, 0, null));
        assertThat(DuePayloads.roundTrip(EscalationTimer.KIND, "A-7|2|3"))
                .isEqualTo(new EscalationTimer.Step("A-7", 2, 3, null));
    }

    @Test
    void aReminderNamesTheAlertStepAndStamp() {
        ReminderTimer.Step step = DuePayloads.roundTrip(ReminderTimer.KIND, "A-7|0|1772960400000");

        assertThat(step).isEqualTo(new ReminderTimer.Step("A-7", 0, 1772960400000L));
        assertThat(DuePayloads.roundTrip(ReminderTimer.KIND, "A-7|4")).isEqualTo(new ReminderTimer.Step("A-7", 4,
                null));
        assertThat(ReminderTimer.KIND.name()).isEqualTo("crisis.renotify");
    }

    @Test
    void aTimerWithoutNumbersIsMalformed() {
        assertThatThrownBy(() -> EscalationTimer.KIND.codec().decode("A-7")).isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> EscalationTimer.KIND.codec().decode("A-7|two")).isInstanceOf(
                MalformedPayload.class);
        assertThatThrownBy(() -> ReminderTimer.KIND.codec().decode("A-7|1|then")).isInstanceOf(
                MalformedPayload.class);
    }
}
