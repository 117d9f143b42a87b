package org.fellowship.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fellowship.discord.DiscordWorld.*;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.event.MemberLeft;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.javacord.api.entity.message.Message;
import org.junit.jupiter.api.Test;

class DiscordMapperTest {
    private final DiscordWorld world = new DiscordWorld();
    private final DiscordMapper mapper = new DiscordMapper(world.settings(),
            Map.of("meeting", List.of("day", "time", "note")));

    @Test
    void guildMessageMapsToGroupConversationOfTheGuild() {
        Message m = world.message(SAM, world.channel, "feeling good today");
        MessageReceived e = (MessageReceived) mapper.messageCreated(m).orElseThrow();
        assertThat(e.eventId()).isEqualTo("m" + m.getId());
        assertThat(e.conversation().id()).isEqualTo(conversation(CHANNEL));
        assertThat(e.conversation().kind()).isEqualTo(ChatKind.GROUP);
        assertThat(e.conversation().community()).isEqualTo(new CommunityId(Platform.DISCORD, "100"));
        assertThat(e.actor().id()).isEqualTo(chatUser(SAM));
        assertThat(e.actor().moderator()).isFalse();
        assertThat(e.text()).isEqualTo("feeling good today");
        assertThat(e.message().messageId()).isEqualTo(Long.toString(m.getId()));
        assertThat(e.at()).isEqualTo(NOW);
    }

    @Test
    void threadIsItsOwnConversationInTheSameCommunity() {
        MessageReceived e = (MessageReceived) mapper.messageCreated(world.message(SAM, world.thread, "hi"))
                .orElseThrow();
        assertThat(e.conversation().id()).isEqualTo(conversation(THREAD));
        assertThat(e.conversation().community().value()).isEqualTo("100");
    }

    @Test
    void directMessageConversationIsTheDmChannel() {
        MessageReceived e = (MessageReceived) mapper.messageCreated(world.message(SAM, world.dm(SAM), "hello"))
                .orElseThrow();
        assertThat(e.conversation().kind()).isEqualTo(ChatKind.DIRECT);
        assertThat(e.conversation().id()).isEqualTo(conversation(1000 + SAM));
        assertThat(e.conversation().community()).isNull();
    }

    @Test
    void typedTextCommandBecomesCommandInvoked() {
        CommandInvoked c = (CommandInvoked) mapper.messageCreated(world.message(SAM, world.channel,
                "/timezone Europe/Berlin")).orElseThrow();
        assertThat(c.name()).isEqualTo("timezone");
        assertThat(c.arguments()).isEqualTo("Europe/Berlin");
        assertThat(c.message()).isNotNull();
    }

    @Test
    void aCommandInReplyKeepsWhatItRepliesTo() {
        Message reported = world.message(SAM, world.channel, "buy now");
        Message report = world.message(MEG, world.channel, "/report spam");
        long reportedId = reported.getId();
        org.javacord.api.entity.message.MessageReference reference =
                org.mockito.Mockito.mock(org.javacord.api.entity.message.MessageReference.class);
        when(reference.getMessageId()).thenReturn(Optional.of(reportedId));
        when(reference.getChannelId()).thenReturn(CHANNEL);
        when(report.getMessageReference()).thenReturn(Optional.of(reference));
        when(report.getReferencedMessage()).thenReturn(Optional.of(reported));
        CommandInvoked c = (CommandInvoked) mapper.messageCreated(report).orElseThrow();
        assertThat(c.name()).isEqualTo("report");
        assertThat(c.replyTo().messageId()).isEqualTo(Long.toString(reportedId));
        assertThat(c.replyToAuthor().value()).isEqualTo(Long.toString(SAM));
    }

    @Test
    void attachmentsOfTheMessageAndOfTheRepliedMessageAreDescribedWithoutTheirBytes() {
        Message upload = world.message(MO, world.channel, "/meetings import");
        var file = world.attach(upload, "edmonton.json", new byte[187_471]);
        CommandInvoked c = (CommandInvoked) mapper.messageCreated(upload).orElseThrow();
        assertThat(c.attachments()).containsExactly(new org.fellowship.core.model.Attachment("edmonton.json",
                "application/json", 187_471, CHANNEL + "/" + upload.getId() + "/" + file.getId()));
        assertThat(c.replyToAttachments()).isEmpty();

        Message reply = world.message(MO, world.channel, "/meetings import");
        org.javacord.api.entity.message.MessageReference reference =
                org.mockito.Mockito.mock(org.javacord.api.entity.message.MessageReference.class);
        long uploadId = upload.getId();
        when(reference.getMessageId()).thenReturn(Optional.of(uploadId));
        when(reference.getChannelId()).thenReturn(CHANNEL);
        when(reply.getMessageReference()).thenReturn(Optional.of(reference));
        when(reply.getReferencedMessage()).thenReturn(Optional.of(upload));
        CommandInvoked r = (CommandInvoked) mapper.messageCreated(reply).orElseThrow();
        assertThat(r.attachments()).isEmpty();
        assertThat(r.replyToAttachments()).extracting(org.fellowship.core.model.Attachment::platformFileRef)
                .containsExactly(CHANNEL + "/" + upload.getId() + "/" + file.getId());
    }

    @Test
    void eachEditHasItsOwnEventId() {
        Message m = world.message(SAM, world.channel, "first");
        when(m.getLastEditTimestamp()).thenReturn(Optional.of(NOW.plusSeconds(5)));
        MessageEdited one = (MessageEdited) mapper.messageEdited(m).orElseThrow();
        when(m.getLastEditTimestamp()).thenReturn(Optional.of(NOW.plusSeconds(9)));
        MessageEdited two = (MessageEdited) mapper.messageEdited(m).orElseThrow();
        assertThat(one.eventId()).isNotEqualTo(two.eventId()).startsWith("e" + m.getId());
        assertThat(one.message()).isEqualTo(two.message());
        assertThat(two.at()).isEqualTo(NOW.plusSeconds(9));
    }

    @Test
    void webhookMessagesAreIgnored() {
        Message m = world.message(SAM, world.channel, "from a webhook");
        when(m.getAuthor().isWebhook()).thenReturn(true);
        assertThat(mapper.messageCreated(m)).isEmpty();
    }

    @Test
    void moderatorAndMentorFlagsComeFromPermissionsAndConfiguredRoles() {
        assertThat(actor(MO).moderator()).as("Manage Messages").isTrue();
        assertThat(actor(ADA).moderator()).as("Administrator").isTrue();
        assertThat(actor(RAE).moderator()).as("moderator role").isTrue();
        assertThat(actor(MEG).moderator()).isFalse();
        assertThat(actor(MEG).mentor()).as("mentor role").isTrue();
        assertThat(actor(SAM).mentor()).isFalse();
        assertThat(actor(BOT).bot()).isTrue();
    }

    @Test
    void inDirectMessagesNobodyIsModerator() {
        InboundEvent e = mapper.messageCreated(world.message(MO, world.dm(MO), "hi")).orElseThrow();
        assertThat(e.actor().moderator()).isFalse();
    }

    @Test
    void joinAndLeaveUseTheSystemChannelAndDistinctIds() {
        MemberJoined j = mapper.memberJoined(world.server, world.user(SAM), NOW);
        MemberLeft l = mapper.memberLeft(world.server, world.user(SAM), NOW);
        assertThat(j.conversation().id()).isEqualTo(conversation(CHANNEL));
        assertThat(j.conversation().community().value()).isEqualTo("100");
        assertThat(j.eventId()).isNotEqualTo(l.eventId());
        assertThat(j.actor().id()).isEqualTo(chatUser(SAM));
    }

    @Test
    void slashCommandJoinsOptionsInDeclaredOrder() {
        var interaction = world.slash(SAM, world.channel, "meeting", "note", "bring coffee", "day", "monday",
                "time", "19:00");
        CommandInvoked c = mapper.slashCommand(interaction, NOW).orElseThrow();
        assertThat(c.name()).isEqualTo("meeting");
        assertThat(c.arguments()).isEqualTo("monday 19:00 bring coffee");
        assertThat(c.eventId()).isEqualTo("i" + interaction.getId());
        assertThat(c.message()).isNull();
        assertThat(c.conversation().id()).isEqualTo(conversation(CHANNEL));
    }

    @Test
    void slashCommandInDmIsDirect() {
        CommandInvoked c = mapper.slashCommand(world.slash(SAM, world.dm(SAM), "help"), NOW).orElseThrow();
        assertThat(c.conversation().isDirect()).isTrue();
        assertThat(c.arguments()).isEmpty();
    }

    @Test
    void buttonPressCarriesTokenAndInteractionId() {
        var interaction = world.button(SAM, world.channel, "tok123");
        ButtonPressed p = mapper.buttonPressed(interaction, NOW).orElseThrow();
        assertThat(p.token()).isEqualTo("tok123");
        assertThat(p.callbackId()).isEqualTo(Long.toString(interaction.getId()));
        assertThat(p.message().messageId()).isEqualTo(Long.toString(interaction.getMessage().getId()));
        assertThat(p.conversation().id()).isEqualTo(conversation(CHANNEL));
    }

    private org.fellowship.core.model.Member actor(long id) {
        return mapper.messageCreated(world.message(id, world.channel, "x")).orElseThrow().actor();
    }
}
