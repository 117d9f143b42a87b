package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.fellowship.core.engine.RecoveryDisclosure;
import org.junit.jupiter.api.Test;

/** What moderation learns before it punishes: relapse shares, relapse danger and cravings, and nothing in spam. */
class RecoveryReadingTest {
    private final CrisisDetector detector = CrisisDetector.simple();
    private final RecoveryReading reading = new RecoveryReading();

    private RecoveryDisclosure read(String text) {
        return reading.of(text, detector.detect(text)).orElse(null);
    }

    @Test
    void relapseSharesCravingsAndDangerAreRead() {
        assertThat(read("I relapsed last night at the casino. Day 1 again. I feel so ashamed."))
                .isEqualTo(RecoveryDisclosure.RELAPSE_SHARE);
        assertThat(read("back to day one, I drank again")).isEqualTo(RecoveryDisclosure.RELAPSE_SHARE);
        assertThat(read("the cravings are so strong today")).isEqualTo(RecoveryDisclosure.CRAVING);
        assertThat(read("I'm about to drink, on my way to the bar")).isEqualTo(RecoveryDisclosure.RELAPSE_DANGER);
    }

    @Test
    void spamIsNone() {
        assertThat(read("Best online casino bonus: 200 free spins, sign up at my link")).isNull();
        assertThat(read("free crypto giveaway, DM me")).isNull();
    }
}
