package org.fellowship.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fellowship.discord.DiscordWorld.CHANNEL;
import static org.fellowship.discord.DiscordWorld.THREAD;
import static org.fellowship.discord.DiscordWorld.conversation;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.testkit.MutableClock;
import org.javacord.api.exception.MissingPermissionsException;
import org.junit.jupiter.api.Test;

/** {@code /slowmode} on Discord: the channel's slowmode through Javacord, within Discord's 6 hours. */
class DiscordSlowmodeTest {
    private final DiscordWorld world = new DiscordWorld();
    private final DiscordGateway gateway = new DiscordGateway(List.of(world.api), world.settings(), false,
            new RecordingTransport(), MutableClock.at("2026-03-08T09:00:00Z"), mock(ScheduledExecutorService.class));
    private final ConversationId general = conversation(CHANNEL);

    @Test
    void setsAndClearsTheChannelsSlowmodeInSeconds() {
        when(world.channel.updateSlowmodeDelayInSeconds(anyInt())).thenReturn(CompletableFuture.completedFuture(null));
        gateway.slowmode(general, Duration.ofSeconds(30));
        gateway.slowmode(general, Duration.ofHours(6));
        gateway.slowmode(general, Duration.ZERO);
        verify(world.channel).updateSlowmodeDelayInSeconds(30);
        verify(world.channel).updateSlowmodeDelayInSeconds(21_600);
        verify(world.channel).updateSlowmodeDelayInSeconds(0);
    }

    @Test
    void longerThanSixHoursIsInvalidWithoutACall() {
        assertThatThrownBy(() -> gateway.slowmode(general, Duration.ofHours(6).plusSeconds(1)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage()).contains("6 hours");
                });
        verify(world.channel, org.mockito.Mockito.never()).updateSlowmodeDelayInSeconds(anyInt());
    }

    @Test
    void aThreadIsUnsupportedAndMissingPermissionsAreForbidden() {
        assertThatThrownBy(() -> gateway.slowmode(conversation(THREAD), Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.UNSUPPORTED));
        var refused = new MissingPermissionsException(null, "Missing Permissions", DiscordWorld.request(),
                DiscordWorld.response(403));
        when(world.channel.updateSlowmodeDelayInSeconds(anyInt())).thenReturn(CompletableFuture.failedFuture(refused));
        assertThatThrownBy(() -> gateway.slowmode(general, Duration.ofSeconds(10)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.FORBIDDEN));
        verify(world.channel).updateSlowmodeDelayInSeconds(10);
        verifyNoMoreInteractions(world.thread);
    }
}
