package org.fellowship.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.junit.jupiter.api.Test;

class ReconnectsTest {

    @Test
    void theWaitDoublesUpToFiveMinutesAndStartsOverAfterAReset() {
        List<Duration> waits = new ArrayList<>();
        try (Reconnects reconnects = new Reconnects("test", Duration.ofSeconds(5))) {
            for (int i = 0; i < 9; i++) {
                waits.add(reconnects.later(() -> { }));
            }
            reconnects.reset();
            waits.add(reconnects.later(() -> { }));
        }
        assertThat(waits).extracting(Duration::toSeconds)
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 300L, 300L, 300L, 5L);
    }

    @Test
    void onlyAnOutageOrARateLimitIsWorthRetrying() {
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.UNAVAILABLE, "down"))).isTrue();
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.RATE_LIMITED, "slow down"))).isTrue();
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.FORBIDDEN, "bad token"))).isFalse();
        assertThat(Reconnects.worthRetrying(new GatewayException(Reason.NOT_FOUND, "no such bot"))).isFalse();
    }

    @Test
    void aZeroFirstWaitIsRefused() {
        assertThatThrownBy(() -> new Reconnects("test", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
