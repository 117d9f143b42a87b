package org.fellowship.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.fellowship.discord.DiscordWorld.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.model.Access;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.CommandMenuEntry;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.testkit.MutableClock;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.user.User;
import org.javacord.api.exception.MissingPermissionsException;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class DiscordGatewayTest {
    private final DiscordWorld world = new DiscordWorld();
    private final RecordingTransport transport = new RecordingTransport();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final ScheduledExecutorService scheduler = mock(ScheduledExecutorService.class);
    private final DiscordGateway gateway = new DiscordGateway(List.of(world.api), world.settings(), false, transport,
            clock, scheduler);
    private final DiscordMapper mapper = new DiscordMapper(world.settings());
    private final ConversationId general = conversation(CHANNEL);

    @Test
    void capabilitiesFollowTheMessageContentIntent() {
        assertThat(gateway.capabilities().readAllGroupMessages()).isFalse();
        assertThat(gateway.capabilities().maxTextLength()).isEqualTo(2000);
        gateway.messageContentIntentGranted(true);
        assertThat(gateway.capabilities().readAllGroupMessages()).isTrue();
        assertThat(gateway.startLink("x")).isEmpty();
    }

    @Test
    void messageLinksPointIntoTheServerButNotIntoDirectMessages() {
        MessageRef ref = new MessageRef(general, "555");
        Conversation channel = new Conversation(general, ChatKind.GROUP,
                new CommunityId(Platform.DISCORD, Long.toString(GUILD)), "general");
        assertThat(gateway.messageLink(channel, ref))
                .contains("https://discord.com/channels/" + GUILD + "/" + CHANNEL + "/555");
        Conversation dm = Conversation.direct(new ChatUserId(Platform.DISCORD, Long.toString(SAM)));
        assertThat(gateway.messageLink(dm, new MessageRef(dm.id(), "556"))).isEmpty();
    }

    @Test
    void publicMessageGoesToTheChannel() {
        MessageRef ref = gateway.send(OutboundMessage.text(general, "Meeting at 7"));
        assertThat(transport.sends()).singleElement().satisfies(c -> {
            assertThat(c.channelId()).isEqualTo(CHANNEL);
            assertThat(c.message().content()).isEqualTo("Meeting at 7");
            assertThat(ref.messageId()).isEqualTo(Long.toString(c.messageId()));
        });
    }

    @Test
    void privateMessageAddressedToAGuildWithoutInteractionGoesByDm() {
        MessageRef ref = gateway.send(privately(general, SAM, "your clean time"));
        assertThat(transport.sends()).singleElement().satisfies(c -> assertThat(c.channelId()).isEqualTo(1000 + SAM));
        assertThat(ref.conversation()).isEqualTo(conversation(1000 + SAM));
    }

    @Test
    void closedDmsAreReportedAndRememberedForOpenDirect() {
        transport.refusing.add(1000 + SAM);
        assertThatThrownBy(() -> gateway.send(privately(general, SAM, "hi")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DIRECT_MESSAGES_CLOSED));
        assertThatThrownBy(() -> gateway.openDirect(chatUser(SAM)))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DIRECT_MESSAGES_CLOSED));
    }

    @Test
    void slashCommandIsDeferredAndTheReplyFillsIt() {
        SlashCommandInteraction i = world.slash(SAM, world.channel, "help");
        gateway.beginCommand(i, command(i));
        verify(i).respondLater();
        var updater = updater(i);

        MessageRef ref = gateway.send(reply(general, SAM, "Here is what I can do"));
        verify(updater).setContent("Here is what I can do");
        verify(updater).update();
        assertThat(ref.conversation()).isEqualTo(general);
        assertThat(transport.sends()).isEmpty();

        gateway.send(reply(general, SAM, "second part"));
        verify(i.createFollowupMessageBuilder()).setContent("second part");
        verify(i.createFollowupMessageBuilder()).send();
    }

    @Test
    void privateReplyToASlashCommandIsEphemeral() {
        SlashCommandInteraction i = world.slash(SAM, world.channel, "cleantime");
        gateway.beginCommand(i, command(i));
        gateway.send(privately(general, SAM, "412 days"));
        verify(updater(i)).delete();
        verify(i.createFollowupMessageBuilder()).setContent("412 days");
        verify(i.createFollowupMessageBuilder()).setFlags(MessageFlag.EPHEMERAL);
        assertThat(transport.sends()).isEmpty();
    }

    @Test
    void answeringAGuildSlashCommandByDmLeavesAnEphemeralPointer() {
        SlashCommandInteraction i = world.slash(SAM, world.channel, "checkin");
        gateway.beginCommand(i, command(i));
        gateway.send(reply(conversation(1000 + SAM), SAM, "How are you today?"));
        assertThat(transport.sends()).singleElement().satisfies(c -> assertThat(c.channelId()).isEqualTo(1000 + SAM));
        verify(updater(i)).delete();
        verify(i.createFollowupMessageBuilder()).setContent(DiscordRenderer.plain(DiscordInteractions.DM_NOTE));
        verify(i.createFollowupMessageBuilder()).setFlags(MessageFlag.EPHEMERAL);
    }

    @Test
    void afterTheInteractionWindowRepliesArePlainChannelMessages() {
        SlashCommandInteraction i = world.slash(SAM, world.channel, "help");
        gateway.beginCommand(i, command(i));
        clock.advance(Duration.ofMinutes(3));
        gateway.send(reply(general, SAM, "late"));
        assertThat(transport.sends()).hasSize(1);
        verify(updater(i), never()).update();
    }

    @Test
    void buttonPressIsAcknowledgedByTheCoreOrAutomatically() {
        ButtonInteraction i = world.button(SAM, world.channel, "tok");
        ButtonPressed press = mapper.buttonPressed(i, NOW).orElseThrow();
        gateway.beginButton(i, press);
        ArgumentCaptor<Runnable> auto = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(auto.capture(), eq(DiscordInteractions.AUTO_ACKNOWLEDGE_AFTER.toMillis()),
                eq(TimeUnit.MILLISECONDS));

        gateway.acknowledge(press, null);
        verify(i).acknowledge();
        auto.getValue().run();
        verify(i, times(1)).acknowledge();
    }

    @Test
    void lateNoticeAfterAutomaticAcknowledgementIsAnEphemeralFollowUp() {
        ButtonInteraction i = world.button(SAM, world.channel, "tok");
        ButtonPressed press = mapper.buttonPressed(i, NOW).orElseThrow();
        gateway.beginButton(i, press);
        ArgumentCaptor<Runnable> auto = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(auto.capture(), anyLong(), any());
        auto.getValue().run();
        gateway.acknowledge(press, "This button has expired.");
        verify(i).acknowledge();
        verify(i.createFollowupMessageBuilder()).setFlags(MessageFlag.EPHEMERAL);
    }

    @Test
    void theAutomaticAcknowledgementNeverWaitsBehindASlowCall() throws Exception {
        ButtonInteraction i = world.button(SAM, world.channel, "tok");
        ButtonPressed press = mapper.buttonPressed(i, NOW).orElseThrow();
        gateway.beginButton(i, press);
        ArgumentCaptor<Runnable> auto = ArgumentCaptor.forClass(Runnable.class);
        verify(scheduler).schedule(auto.capture(), anyLong(), any());
        java.util.concurrent.CompletableFuture<org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater>
                slow = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CountDownLatch calling = new java.util.concurrent.CountDownLatch(1);
        when(i.createImmediateResponder().respond()).thenAnswer(inv -> {
            calling.countDown();
            return slow;
        });
        Thread core = new Thread(() -> gateway.acknowledge(press, "This button is for someone else."));
        core.start();
        assertThat(calling.await(30, TimeUnit.SECONDS)).isTrue(); // the core is now inside the network call
        auto.getValue().run(); // must not wait for it
        assertThat(core.isAlive()).as("the automatic acknowledgement ran while the slow call was in flight").isTrue();
        verify(i, never()).acknowledge(); // and did not answer the interaction a second time
        slow.complete(null);
        core.join(30_000);
        assertThat(core.isAlive()).isFalse();
    }

    @Test
    void noticeOnFirstAcknowledgementIsAnEphemeralResponse() {
        ButtonInteraction i = world.button(SAM, world.channel, "tok");
        ButtonPressed press = mapper.buttonPressed(i, NOW).orElseThrow();
        gateway.beginButton(i, press);
        gateway.acknowledge(press, "This button is for someone else.");
        verify(i.createImmediateResponder()).setFlags(MessageFlag.EPHEMERAL);
        verify(i.createImmediateResponder()).respond();
        verify(i, never()).acknowledge();
    }

    @Test
    void unknownButtonInteractionIsNotFound() {
        ButtonPressed press = mapper.buttonPressed(world.button(SAM, world.channel, "tok"), NOW).orElseThrow();
        assertThatThrownBy(() -> gateway.acknowledge(press, null))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void timeoutUpToTwentyEightDays() {
        when(world.server.timeoutUser(any(User.class), any(Instant.class), anyString()))
                .thenReturn(CompletableFuture.completedFuture(null));
        Instant until = clock.instant().plus(Duration.ofDays(28));
        gateway.mute(general, chatUser(SAM), until);
        verify(world.server).timeoutUser(world.user(SAM), until, DiscordGroupAdmin.AUDIT_REASON);
        when(world.server.removeUserTimeout(any(User.class), anyString()))
                .thenReturn(CompletableFuture.completedFuture(null));
        gateway.unmute(general, chatUser(SAM));
        verify(world.server).removeUserTimeout(world.user(SAM), DiscordGroupAdmin.AUDIT_REASON);

        assertThatThrownBy(() -> gateway.mute(general, chatUser(SAM), until.plusSeconds(1)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.INVALID);
                    assertThat(e.getMessage()).contains("28 days");
                });
        assertThatThrownBy(() -> gateway.mute(general, chatUser(SAM), clock.instant().minusSeconds(1)))
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void missingPermissionIsForbiddenWithAnActionableMessage() {
        var refused = new MissingPermissionsException(null, "Missing Permissions", request(), response(403));
        when(world.server.kickUser(any(User.class), anyString())).thenReturn(CompletableFuture.failedFuture(refused));
        assertThatThrownBy(() -> gateway.kick(general, chatUser(MO)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.FORBIDDEN);
                    assertThat(e.getMessage()).contains("Kick Members").contains("role above");
                });
    }

    @Test
    void unknownMemberIsNotFound() {
        assertThatThrownBy(() -> gateway.kick(general, chatUser(77)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void banAndUnbanWorkByIdAndDeleteGoesThroughTheTransport() {
        when(world.server.banUser(anyString(), anyLong(), any(TimeUnit.class), anyString()))
                .thenReturn(CompletableFuture.completedFuture(null));
        when(world.server.unbanUser(anyLong(), anyString())).thenReturn(CompletableFuture.completedFuture(null));
        gateway.ban(general, chatUser(77));
        gateway.unban(general, chatUser(77));
        verify(world.server).banUser("77", 0, TimeUnit.SECONDS, DiscordGroupAdmin.AUDIT_REASON);
        verify(world.server).unbanUser(77L, DiscordGroupAdmin.AUDIT_REASON);

        gateway.delete(new MessageRef(general, "555"));
        assertThat(transport.calls).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("delete");
            assertThat(c.messageId()).isEqualTo(555L);
        });
    }

    @Test
    void editReplacesTextAndButtons() {
        gateway.edit(new MessageRef(general, "556"), OutboundMessage.text(general, "updated"));
        assertThat(transport.calls).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("edit");
            assertThat(c.message().content()).isEqualTo("updated");
        });
    }

    @Test
    void moderatorsAreRecognisedByPermissionsAndRoles() {
        assertThat(gateway.moderators(general)).containsExactlyInAnyOrder(chatUser(MO), chatUser(ADA), chatUser(RAE));
    }

    @Test
    void aMembersNameIsTheirServerDisplayNameAndEmptyWhenTheyAreNotThere() {
        assertThat(gateway.memberName(general, chatUser(SAM))).contains("Sam");
        assertThat(gateway.memberName(general, chatUser(999))).isEmpty();
        assertThat(gateway.memberName(general, new ChatUserId(Platform.TELEGRAM, "x"))).isEmpty();
    }

    @Test
    void unknownChannelIsNotFound() {
        assertThatThrownBy(() -> gateway.send(OutboundMessage.text(conversation(999), "x")))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void aFileGoesOutAsAnAttachmentWithTheCaption() {
        byte[] ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        OutboundFile file = new OutboundFile("meetings.ics", "text/calendar", ics);
        gateway.send(reply(general, SAM, "Calendar file").withFile(file));
        gateway.send(reply(general, SAM, "").withFile(file));
        assertThat(transport.sends()).hasSize(2).allSatisfy(c -> {
            assertThat(c.message().file()).isEqualTo(file);
            assertThat(c.message().file().bytes()).isEqualTo(ics);
        });
        assertThat(transport.sends().get(0).message().content()).isEqualTo("Calendar file");
        assertThat(transport.sends().get(1).message().content()).as("a file alone needs no text").isEmpty();
    }

    @Test
    void aSlashCommandAnsweredWithAFileAttachesItToTheResponse() {
        SlashCommandInteraction i = world.slash(SAM, world.channel, "meetings", "what", "ics");
        gateway.beginCommand(i, command(i));
        var updater = updater(i);
        byte[] ics = "BEGIN:VCALENDAR\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        gateway.send(reply(general, SAM, "Calendar file").withFile(new OutboundFile("meetings.ics", "text/calendar",
                ics)));
        verify(updater).addAttachment(ics, "meetings.ics");
        verify(updater).update();
    }

    @Test
    void aMemberAttachmentIsDownloadedThroughJavacordWithinTheCap() {
        org.javacord.api.entity.message.Message upload = world.message(MO, world.channel, "/meetings import");
        byte[] feed = "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var file = world.attach(upload, "feed.json", feed);
        transport.messages.put(upload.getId(), upload);
        Attachment ref = DiscordMapper.attachments(upload).get(0);
        assertThat(gateway.download(ref, 5_000_000)).isEqualTo(feed);

        var big = world.attach(upload, "big.json", new byte[2_000]);
        Attachment bigRef = DiscordMapper.attachments(upload).get(1);
        assertThatThrownBy(() -> gateway.download(bigRef, 1_000)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        Attachment understated = new Attachment("big.json", null, Attachment.UNKNOWN_SIZE, bigRef.platformFileRef());
        assertThatThrownBy(() -> gateway.download(understated, 1_000)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        verify(big, never()).asByteArray();
        verify(file).asByteArray();

        Attachment gone = new Attachment("x.json", null, 2, CHANNEL + "/424242/1");
        assertThatThrownBy(() -> gateway.download(gone, 1_000)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThatThrownBy(() -> gateway.download(new Attachment("x", null, 2, "https://evil.example/x"), 1_000))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID));
    }

    @Test
    void aFileSentWithASlashCommandIsHandedOverAndDownloadedFromItsInteractionOnly() {
        SlashCommandInteraction i = world.slash(MO, world.channel, "meetings", "arguments", "import");
        byte[] feed = "[]".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.javacord.api.entity.Attachment file = mock(org.javacord.api.entity.Attachment.class);
        when(file.getId()).thenReturn(777L);
        when(file.getFileName()).thenReturn("feed.json");
        when(file.getSize()).thenReturn(feed.length);
        when(file.asByteArray()).thenReturn(CompletableFuture.completedFuture(feed));
        org.javacord.api.interaction.SlashCommandInteractionOption fileOption =
                mock(org.javacord.api.interaction.SlashCommandInteractionOption.class);
        when(fileOption.getName()).thenReturn(DiscordSlashCommands.FILE_OPTION);
        when(fileOption.getAttachmentValue()).thenReturn(java.util.Optional.of(file));
        when(fileOption.getStringRepresentationValue()).thenReturn(java.util.Optional.of("777"));
        List<org.javacord.api.interaction.SlashCommandInteractionOption> options = new java.util.ArrayList<>(i.getOptions());
        options.add(fileOption);
        when(i.getOptions()).thenReturn(options);

        CommandInvoked event = command(i);
        assertThat(event.arguments()).isEqualTo("import"); // the file is not an argument
        assertThat(event.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("feed.json");
            assertThat(a.looksLikeJson()).isTrue();
        });
        Attachment ref = event.attachments().get(0);
        assertThatThrownBy(() -> gateway.download(ref, 1_000)).as("before the interaction is known")
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
        gateway.beginCommand(i, event);
        assertThat(gateway.download(ref, 1_000)).isEqualTo(feed);
        assertThatThrownBy(() -> gateway.download(ref, 1)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        Attachment forged = new Attachment("x", null, 2, "slash/" + event.eventId() + "/778");
        assertThatThrownBy(() -> gateway.download(forged, 1_000)).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void onlyCommandsThatReadAFileOfferTheFileOption() {
        var importing = new CommandMenuEntry("meetings", "[today]", "Meetings", Access.EVERYONE, true);
        var plain = new CommandMenuEntry("cleantime", "", "Clean time", Access.EVERYONE, false);
        assertThat(DiscordSlashCommands.options(importing)).extracting(o -> o.getName())
                .containsExactly(DiscordSlashCommands.ARGUMENTS_OPTION, DiscordSlashCommands.FILE_OPTION);
        assertThat(DiscordSlashCommands.options(importing).get(1).getType())
                .isEqualTo(org.javacord.api.interaction.SlashCommandOptionType.ATTACHMENT);
        assertThat(DiscordSlashCommands.options(plain)).isEmpty();
    }

    private CommandInvoked command(SlashCommandInteraction i) {
        return mapper.slashCommand(i, NOW).orElseThrow();
    }

    private static OutboundMessage reply(ConversationId to, long user, String text) {
        return new OutboundMessage(to, text, TextStyle.PLAIN, List.of(), null, Delivery.PUBLIC, chatUser(user),
                Priority.NORMAL);
    }

    private static OutboundMessage privately(ConversationId to, long user, String text) {
        return new OutboundMessage(to, text, TextStyle.PLAIN, List.of(), null, Delivery.PRIVATE, chatUser(user),
                Priority.NORMAL);
    }
}
