package org.fellowship.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fellowship.discord.DiscordWorld.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Interaction -> mapper -> real engine -> Discord gateway -> the interaction's deferred response. */
class DiscordSlashCommandRoundTripTest {
    private final DiscordWorld world = new DiscordWorld();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final RecordingTransport transport = new RecordingTransport();
    private final DiscordGateway gateway = new DiscordGateway(List.of(world.api), world.settings(), true, transport,
            clock, mock(ScheduledExecutorService.class));
    private final BotCore core = BotCore.builder()
            .clock(clock)
            .gateways(new Gateways().register((org.fellowship.core.port.ChatGateway) gateway)
                    .register((org.fellowship.core.port.GroupAdminGateway) gateway))
            .deduplicator(new InMemoryStores.Deduplicator(clock))
            .buttons(new InMemoryStores.Buttons(clock))
            .profiles(new InMemoryStores.Profiles())
            .dueQueue(new InMemoryDueQueue())
            .aliases(new org.fellowship.core.testkit.InMemoryCommunityAliases())
            .executor(Runnable::run, 100)
            .build();
    private final DiscordConnection connection = new DiscordConnection(List.of(world.api), gateway,
            new DiscordMapper(world.settings(), DiscordSlashCommands.declaredOptions(core.commands().menu())),
            core.engine(), clock, true);

    @AfterEach
    void close() {
        when(world.api.disconnect()).thenReturn(CompletableFuture.completedFuture(null));
        connection.close();
    }

    @Test
    void slashHelpInAGuildIsAnsweredPrivatelyAndTheDeferredResponseOnlyPointsThere() {
        SlashCommandInteraction help = world.slash(SAM, world.channel, "help");
        connection.onSlashCommand(help);

        verify(help).respondLater();
        verify(updater(help)).delete(); // the public "thinking" goes away
        verify(help.createFollowupMessageBuilder()).setContent(DiscordRenderer.plain(DiscordInteractions.DM_NOTE));
        assertThat(transport.sends()).as("the help list itself goes by DM, never to the channel").singleElement()
                .satisfies(c -> assertThat(c.channelId()).isEqualTo(1000 + SAM));
    }

    @Test
    void listenersAreRegisteredAndCloseDisconnects() {
        verify(world.api).addMessageCreateListener(any());
        verify(world.api).addMessageEditListener(any());
        verify(world.api).addServerMemberJoinListener(any());
        verify(world.api).addServerMemberLeaveListener(any());
        verify(world.api).addSlashCommandCreateListener(any());
        verify(world.api).addButtonClickListener(any());
        when(world.api.disconnect()).thenReturn(CompletableFuture.completedFuture(null));
        connection.close();
        verify(world.api).disconnect();
    }

    @Test
    void expiredButtonIsAcknowledgedWithAnEphemeralNotice() {
        ButtonInteraction press = world.button(SAM, world.channel, "gone");
        connection.onButton(press);
        verify(press.createImmediateResponder()).setContent(DiscordRenderer.plain("This button has expired."));
        verify(press.createImmediateResponder()).setFlags(MessageFlag.EPHEMERAL);
        verify(press.createImmediateResponder()).respond();
    }

    @Test
    void typedTextCommandsStillWork() {
        connection.deliverForTest(world.message(SAM, world.channel, "/help"));
        assertThat(transport.sends()).singleElement()
                .satisfies(c -> assertThat(c.message().content()).contains("help"));
    }

    @Test
    void afterIntakeStopsNoEventReachesTheCoreButRepliesStillGoOut() {
        connection.stopReceiving();
        connection.deliverForTest(world.message(SAM, world.channel, "/help"));
        assertThat(transport.sends()).as("no event handled after intake stopped").isEmpty();

        gateway.send(org.fellowship.core.outbound.OutboundMessage.text(conversation(CHANNEL),
                "a reply the core still owes"));
        assertThat(transport.sends()).as("the gateway still sends while the engine drains").hasSize(1);
        verify(world.api, org.mockito.Mockito.never()).disconnect();
    }

    @Test
    void everyCoreCommandBecomesASlashCommand() {
        when(world.api.bulkOverwriteGlobalApplicationCommands(anySet()))
                .thenReturn(CompletableFuture.completedFuture(Set.of()));
        int n = new DiscordSlashCommands(world.api, world.settings()).register(core.commands().menu());
        assertThat(n).isEqualTo(core.commands().menu().size());
        verify(world.api).bulkOverwriteGlobalApplicationCommands(anySet());
        assertThat(DiscordSlashCommands.declaredOptions(core.commands().menu()))
                .containsEntry("help", List.of(DiscordSlashCommands.ARGUMENTS_OPTION))
                .containsEntry("start", List.of());
    }

    @Test
    void guildRegistrationWhenConfigured() {
        when(world.api.bulkOverwriteServerApplicationCommands(any(Long.class), anySet()))
                .thenReturn(CompletableFuture.completedFuture(Set.of()));
        new DiscordSlashCommands(world.api, world.settings().withCommandGuild(GUILD)).register(core.commands().menu());
        verify(world.api).bulkOverwriteServerApplicationCommands(any(Long.class), anySet());
    }
}
