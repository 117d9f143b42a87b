package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.event.MemberLeft;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.meta.api.objects.Update;

class TelegramUpdateMapperTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MutableClock CLOCK = MutableClock.at("2026-03-01T12:00:00Z");
    private static final String ALICE = "{\"id\":42,\"is_bot\":false,\"first_name\":\"Alice\",\"last_name\":\"A\"}";
    private static final String PRIVATE = "{\"id\":42,\"type\":\"private\",\"first_name\":\"Alice\"}";
    private static final String GROUP = "{\"id\":-555,\"type\":\"group\",\"title\":\"Circle\"}";
    private static final String SUPER = "{\"id\":-100777,\"type\":\"supergroup\",\"title\":\"Big circle\"}";
    private static final String FORUM = "{\"id\":-100888,\"type\":\"supergroup\",\"title\":\"Forum\",\"is_forum\":true}";

    private final TelegramUpdateMapper mapper = new TelegramUpdateMapper("fellowship_bot",
            (group, member) -> group.value().equals("-100777") && member.value().equals("7"), CLOCK);

    static Update parse(String json) {
        try {
            return JSON.readValue(json, Update.class);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String message(int updateId, String chat, String from, String text) {
        return "{\"update_id\":" + updateId + ",\"message\":{\"message_id\":10,\"date\":1700000000,\"chat\":" + chat
                + ",\"from\":" + from + ",\"text\":" + JSON.valueToTree(text) + "}}";
    }

    private InboundEvent only(String json) {
        List<InboundEvent> events = mapper.map(parse(json));
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    void privateTextIsADirectMessage() {
        MessageReceived m = (MessageReceived) only(message(100, PRIVATE, ALICE, "hello <there>"));
        assertThat(m.eventId()).isEqualTo("u100");
        assertThat(m.conversation().kind()).isEqualTo(ChatKind.DIRECT);
        assertThat(m.conversation().id()).isEqualTo(new ConversationId(Platform.TELEGRAM, "42"));
        assertThat(m.conversation().community()).isNull();
        assertThat(m.actor().id()).isEqualTo(new ChatUserId(Platform.TELEGRAM, "42"));
        assertThat(m.actor().displayName()).isEqualTo("Alice A");
        assertThat(m.actor().moderator()).isFalse();
        assertThat(m.at()).isEqualTo(Instant.ofEpochSecond(1700000000));
        assertThat(m.message().messageId()).isEqualTo("10");
        assertThat(m.text()).isEqualTo("hello <there>");
    }

    @Test
    void groupAndSupergroupMessagesBelongToTheCommunity() {
        MessageReceived g = (MessageReceived) only(message(1, GROUP, ALICE, "hi"));
        assertThat(g.conversation().kind()).isEqualTo(ChatKind.GROUP);
        assertThat(g.conversation().id().value()).isEqualTo("-555");
        assertThat(g.conversation().community().value()).isEqualTo("-555");
        assertThat(g.conversation().title()).isEqualTo("Circle");

        MessageReceived s = (MessageReceived) only(message(2, SUPER, ALICE, "hi"));
        assertThat(s.conversation().id().value()).isEqualTo("-100777");
        assertThat(s.conversation().community().value()).isEqualTo("-100777");
    }

    @Test
    void moderatorFlagComesFromTheLookup() {
        String mod = "{\"id\":7,\"is_bot\":false,\"first_name\":\"Mod\"}";
        assertThat(only(message(3, SUPER, mod, "hi")).actor().moderator()).isTrue();
        assertThat(only(message(4, SUPER, ALICE, "hi")).actor().moderator()).isFalse();
        assertThat(only(message(5, GROUP, mod, "hi")).actor().moderator()).isFalse();
    }

    @Test
    void mentorFlagComesFromTheLookupInGroupsOnly() {
        ModeratorLookup titled = new ModeratorLookup() {
            @Override
            public boolean isModerator(org.fellowship.core.model.ConversationId group,
                                       org.fellowship.core.model.ChatUserId member) {
                return false;
            }

            @Override
            public boolean isMentor(org.fellowship.core.model.ConversationId group,
                                    org.fellowship.core.model.ChatUserId member) {
                return group.value().equals("-100777") && member.value().equals("9");
            }
        };
        TelegramUpdateMapper withMentors = new TelegramUpdateMapper("fellowship_bot", titled, CLOCK);
        String mentor = "{\"id\":9,\"is_bot\":false,\"first_name\":\"Ana\"}";
        var inGroup = withMentors.map(parse(message(6, SUPER, mentor, "/mentor on"))).get(0).actor();
        assertThat(inGroup.mentor()).isTrue();
        assertThat(inGroup.moderator()).isFalse();
        String dm = "{\"id\":9,\"type\":\"private\",\"first_name\":\"Ana\"}";
        assertThat(withMentors.map(parse(message(7, dm, mentor, "/mentor on"))).get(0).actor().mentor()).isFalse();
    }

    @Test
    void forumTopicMessageLivesInTheTopicConversation() {
        String json = "{\"update_id\":5,\"message\":{\"message_id\":90,\"message_thread_id\":77,"
                + "\"is_topic_message\":true,\"date\":1700000000,\"chat\":" + FORUM + ",\"from\":" + ALICE
                + ",\"text\":\"in topic\",\"reply_to_message\":{\"message_id\":77,\"date\":1699999999,\"chat\":"
                + FORUM + ",\"forum_topic_created\":{\"name\":\"t\",\"icon_color\":1}}}}";
        MessageReceived m = (MessageReceived) only(json);
        assertThat(m.conversation().id().value()).isEqualTo("-100888:77");
        assertThat(m.conversation().community().value()).isEqualTo("-100888");
        assertThat(m.message().conversation().value()).isEqualTo("-100888:77");
        assertThat(m.replyTo()).as("the topic root is not a reply").isNull();
        assertThat(TelegramIds.chatId(m.conversation().id())).isEqualTo("-100888");
        assertThat(TelegramIds.threadId(m.conversation().id())).isEqualTo(77);
    }

    @Test
    void replyAndMentionsAreReported() {
        String json = "{\"update_id\":6,\"message\":{\"message_id\":11,\"date\":1700000000,\"chat\":" + SUPER
                + ",\"from\":" + ALICE + ",\"text\":\"@bob @carol hi\",\"entities\":[{\"type\":\"mention\","
                + "\"offset\":0,\"length\":4},{\"type\":\"mention\",\"offset\":5,\"length\":6},{\"type\":\"bold\","
                + "\"offset\":12,\"length\":2}],\"reply_to_message\":{\"message_id\":9,\"date\":1699999999,"
                + "\"chat\":" + SUPER + ",\"from\":{\"id\":8,\"is_bot\":false,\"first_name\":\"B\"},\"text\":\"x\"}}}";
        MessageReceived m = (MessageReceived) only(json);
        assertThat(m.mentionCount()).isEqualTo(2);
        assertThat(m.replyTo().messageId()).isEqualTo("9");
        assertThat(m.replyToAuthor().value()).isEqualTo("8");
    }

    @Test
    void aCommandInReplyKeepsWhatItRepliesTo() {
        String json = "{\"update_id\":16,\"message\":{\"message_id\":12,\"date\":1700000000,\"chat\":" + SUPER
                + ",\"from\":" + ALICE + ",\"text\":\"/report spam\",\"entities\":[{\"type\":\"bot_command\","
                + "\"offset\":0,\"length\":7}],\"reply_to_message\":{\"message_id\":9,\"date\":1699999999,"
                + "\"chat\":" + SUPER + ",\"from\":{\"id\":8,\"is_bot\":false,\"first_name\":\"B\"},\"text\":\"x\"}}}";
        CommandInvoked c = (CommandInvoked) only(json);
        assertThat(c.name()).isEqualTo("report");
        assertThat(c.arguments()).isEqualTo("spam");
        assertThat(c.replyTo().messageId()).isEqualTo("9");
        assertThat(c.replyToAuthor().value()).isEqualTo("8");
    }

    @Test
    void captionCountsAsText() {
        String json = "{\"update_id\":7,\"message\":{\"message_id\":12,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"caption\":\"look\",\"photo\":[{\"file_id\":\"f\","
                + "\"file_unique_id\":\"u\",\"width\":1,\"height\":1}]}}";
        assertThat(((MessageReceived) only(json)).text()).isEqualTo("look");
    }

    private static final String FEED_DOC = "{\"file_id\":\"BQACdoc1\",\"file_unique_id\":\"AgADdoc1\","
            + "\"file_name\":\"feed.json\",\"mime_type\":\"application/json\",\"file_size\":187471}";

    @Test
    void aDocumentCaptionedWithACommandIsACommandCarryingTheFile() {
        String json = "{\"update_id\":21,\"message\":{\"message_id\":30,\"date\":1700000000,\"chat\":" + SUPER
                + ",\"from\":" + ALICE + ",\"caption\":\"/meetings@fellowship_bot import\",\"document\":" + FEED_DOC
                + "}}";
        CommandInvoked c = (CommandInvoked) only(json);
        assertThat(c.name()).isEqualTo("meetings");
        assertThat(c.arguments()).isEqualTo("import");
        assertThat(c.attachments()).containsExactly(
                new Attachment("feed.json", "application/json", 187471, "BQACdoc1"));
        assertThat(c.replyToAttachments()).isEmpty();
        assertThat(c.attachments().get(0).toString()).as("file names stay out of logs").doesNotContain("feed.json");

        String forOther = json.replace("@fellowship_bot", "@other_bot").replace("\"update_id\":21", "\"update_id\":22");
        assertThat(mapper.map(parse(forOther))).isEmpty();
    }

    @Test
    void aCommandReplyingToADocumentCarriesTheRepliedFile() {
        String json = "{\"update_id\":23,\"message\":{\"message_id\":31,\"date\":1700000000,\"chat\":" + SUPER
                + ",\"from\":" + ALICE + ",\"text\":\"/meetings import\",\"reply_to_message\":{\"message_id\":30,"
                + "\"date\":1699999999,\"chat\":" + SUPER + ",\"from\":" + ALICE + ",\"document\":"
                + FEED_DOC.replace(",\"file_size\":187471", "") + "}}}";
        CommandInvoked c = (CommandInvoked) only(json);
        assertThat(c.attachments()).isEmpty();
        assertThat(c.replyToAttachments()).singleElement().satisfies(a -> {
            assertThat(a.platformFileRef()).isEqualTo("BQACdoc1");
            assertThat(a.sizeBytes()).as("Telegram did not say").isEqualTo(Attachment.UNKNOWN_SIZE);
        });
    }

    @Test
    void aDocumentWithAPlainCaptionIsAMessageWithTheFile() {
        String json = "{\"update_id\":24,\"message\":{\"message_id\":32,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"caption\":\"our list\",\"document\":" + FEED_DOC + "}}";
        MessageReceived m = (MessageReceived) only(json);
        assertThat(m.text()).isEqualTo("our list");
        assertThat(m.attachments()).extracting(Attachment::fileName).containsExactly("feed.json");
    }

    @Test
    void commandsWithAndWithoutBotName() {
        CommandInvoked plain = (CommandInvoked) only(message(8, PRIVATE, ALICE, "/timezone Europe/Berlin"));
        assertThat(plain.name()).isEqualTo("timezone");
        assertThat(plain.arguments()).isEqualTo("Europe/Berlin");
        assertThat(plain.message().messageId()).isEqualTo("10");

        CommandInvoked addressed = (CommandInvoked) only(message(9, GROUP, ALICE, "/Help@Fellowship_Bot"));
        assertThat(addressed.name()).isEqualTo("help");
        assertThat(addressed.arguments()).isEmpty();

        CommandInvoked start = (CommandInvoked) only(message(10, PRIVATE, ALICE, "/start abc123"));
        assertThat(start.name()).isEqualTo("start");
        assertThat(start.arguments()).isEqualTo("abc123");
    }

    @Test
    void commandsForAnotherBotAreIgnored() {
        assertThat(mapper.map(parse(message(11, GROUP, ALICE, "/help@other_bot")))).isEmpty();
    }

    @Test
    void anyBotNameIsAcceptedWhenOurNameIsUnknown() {
        TelegramUpdateMapper lenient = new TelegramUpdateMapper(null, ModeratorLookup.NONE, CLOCK);
        assertThat(lenient.map(parse(message(12, GROUP, ALICE, "/help@other_bot")))).hasSize(1);
    }

    @Test
    void editedMessageHasAUniqueEventIdPerEdit() {
        String json = "{\"update_id\":13,\"edited_message\":{\"message_id\":10,\"date\":1700000000,"
                + "\"edit_date\":1700000100,\"chat\":" + SUPER + ",\"from\":" + ALICE + ",\"text\":\"new\"}}";
        MessageEdited e = (MessageEdited) only(json);
        assertThat(e.eventId()).isEqualTo("u13");
        assertThat(e.text()).isEqualTo("new");
        assertThat(e.message().messageId()).isEqualTo("10");
        assertThat(e.at()).isEqualTo(Instant.ofEpochSecond(1700000100));
    }

    @Test
    void editedCommandIsAnEditNotACommand() {
        String json = "{\"update_id\":14,\"edited_message\":{\"message_id\":10,\"date\":1700000000,"
                + "\"edit_date\":1700000100,\"chat\":" + PRIVATE + ",\"from\":" + ALICE + ",\"text\":\"/help\"}}";
        assertThat(only(json)).isInstanceOf(MessageEdited.class);
    }

    @Test
    void callbackQueryIsAButtonPress() {
        String json = "{\"update_id\":15,\"callback_query\":{\"id\":\"cb-1\",\"from\":" + ALICE
                + ",\"chat_instance\":\"ci\",\"data\":\"tok123\",\"message\":{\"message_id\":33,"
                + "\"date\":1700000000,\"chat\":" + SUPER + ",\"text\":\"pick\"}}}";
        ButtonPressed b = (ButtonPressed) only(json);
        assertThat(b.eventId()).isEqualTo("u15");
        assertThat(b.token()).isEqualTo("tok123");
        assertThat(b.callbackId()).isEqualTo("cb-1");
        assertThat(b.message().messageId()).isEqualTo("33");
        assertThat(b.conversation().id().value()).isEqualTo("-100777");
        assertThat(b.actor().id().value()).isEqualTo("42");
    }

    @Test
    void callbackOnAnInaccessibleMessageStillMaps() {
        String json = "{\"update_id\":16,\"callback_query\":{\"id\":\"cb-2\",\"from\":" + ALICE
                + ",\"chat_instance\":\"ci\",\"data\":\"tok\",\"message\":{\"message_id\":34,"
                + "\"date\":0,\"chat\":" + PRIVATE + "}}}";
        ButtonPressed b = (ButtonPressed) only(json);
        assertThat(b.conversation().kind()).isEqualTo(ChatKind.DIRECT);
        assertThat(b.at()).as("callback queries carry no date").isEqualTo(CLOCK.instant());
    }

    @Test
    void callbackWithoutDataIsIgnored() {
        String json = "{\"update_id\":17,\"callback_query\":{\"id\":\"cb-3\",\"from\":" + ALICE
                + ",\"chat_instance\":\"ci\",\"game_short_name\":\"g\",\"message\":{\"message_id\":34,"
                + "\"date\":1700000000,\"chat\":" + PRIVATE + ",\"text\":\"x\"}}}";
        assertThat(mapper.map(parse(json))).isEmpty();
    }

    private static String chatMember(int updateId, String oldStatus, String newStatus, String extra) {
        return "{\"update_id\":" + updateId + ",\"chat_member\":{\"chat\":" + SUPER + ",\"from\":" + ALICE
                + ",\"date\":1700000000,\"old_chat_member\":{\"status\":\"" + oldStatus + "\",\"user\":" + ALICE
                + "},\"new_chat_member\":{\"status\":\"" + newStatus + "\",\"user\":" + ALICE + extra + "}}}";
    }

    @Test
    void chatMemberTransitionsBecomeJoinsAndLeaves() {
        MemberJoined j = (MemberJoined) only(chatMember(20, "left", "member", ""));
        assertThat(j.eventId()).isEqualTo("u20");
        assertThat(j.actor().id().value()).isEqualTo("42");
        assertThat(j.conversation().community().value()).isEqualTo("-100777");

        assertThat(only(chatMember(21, "member", "left", ""))).isInstanceOf(MemberLeft.class);
        assertThat(only(chatMember(22, "member", "kicked", ",\"until_date\":0"))).isInstanceOf(MemberLeft.class);
        assertThat(mapper.map(parse(chatMember(23, "member", "administrator",
                ",\"can_be_edited\":false,\"is_anonymous\":false,\"can_manage_chat\":true")))).isEmpty();
    }

    @Test
    void restrictedMembershipFollowsIsMember() {
        String restrictedIn = ",\"is_member\":true,\"until_date\":0,\"can_send_messages\":false";
        assertThat(mapper.map(parse(chatMember(24, "member", "restricted", restrictedIn)))).isEmpty();
        assertThat(only(chatMember(25, "left", "restricted", restrictedIn))).isInstanceOf(MemberJoined.class);
    }

    @Test
    void serviceMessagesForJoinsAndLeaves() {
        String bob = "{\"id\":43,\"is_bot\":false,\"first_name\":\"Bob\"}";
        String joined = "{\"update_id\":30,\"message\":{\"message_id\":50,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"new_chat_members\":[" + ALICE + "," + bob + "]}}";
        List<InboundEvent> events = mapper.map(parse(joined));
        assertThat(events).hasSize(2).allMatch(e -> e instanceof MemberJoined);
        assertThat(events).extracting(InboundEvent::eventId).containsExactly("u30", "u30.1");
        assertThat(events).extracting(e -> e.actor().id().value()).containsExactly("42", "43");

        String left = "{\"update_id\":31,\"message\":{\"message_id\":51,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"left_chat_member\":" + bob + "}}";
        MemberLeft l = (MemberLeft) only(left);
        assertThat(l.actor().id().value()).isEqualTo("43");
    }

    @Test
    void migrationIsSurfacedNotMappedToAnEvent() {
        String json = "{\"update_id\":40,\"message\":{\"message_id\":60,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"migrate_to_chat_id\":-100999}}";
        Update u = parse(json);
        assertThat(mapper.map(u)).isEmpty();
        ChatMigration m = TelegramUpdateMapper.migration(u).orElseThrow();
        assertThat(m.from().value()).isEqualTo("-555");
        assertThat(m.to().value()).isEqualTo("-100999");

        String from = "{\"update_id\":41,\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":" + SUPER
                + ",\"from\":" + ALICE + ",\"migrate_from_chat_id\":-555}}";
        assertThat(TelegramUpdateMapper.migration(parse(from)).orElseThrow())
                .isEqualTo(new ChatMigration(m.from(), TelegramIds.community(-100777)));
        String toZero = "{\"update_id\":42,\"message\":{\"message_id\":61,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"migrate_to_chat_id\":0}}";
        assertThat(TelegramUpdateMapper.migration(parse(toZero))).as("no group moves to tg:0").isEmpty();
        String toItself = "{\"update_id\":43,\"message\":{\"message_id\":62,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"migrate_to_chat_id\":-555}}";
        assertThat(TelegramUpdateMapper.migration(parse(toItself))).as("no group moves to its own id").isEmpty();
        assertThat(TelegramUpdateMapper.migration(parse(message(42, GROUP, ALICE, "x")))).isEmpty();
    }

    @Test
    void unsupportedUpdatesMapToNothing() {
        String channel = "{\"update_id\":50,\"channel_post\":{\"message_id\":1,\"date\":1700000000,"
                + "\"chat\":{\"id\":-100111,\"type\":\"channel\",\"title\":\"c\"},\"text\":\"x\"}}";
        assertThat(mapper.map(parse(channel))).isEmpty();
        String anonymousAdmin = "{\"update_id\":51,\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":"
                + SUPER + ",\"from\":{\"id\":1087968824,\"is_bot\":true,\"first_name\":\"Group\"},"
                + "\"sender_chat\":" + SUPER + ",\"text\":\"x\"}}";
        assertThat(mapper.map(parse(anonymousAdmin))).isEmpty();
        String pinned = "{\"update_id\":52,\"message\":{\"message_id\":2,\"date\":1700000000,\"chat\":" + GROUP
                + ",\"from\":" + ALICE + ",\"pinned_message\":{\"message_id\":1,\"date\":1700000000,\"chat\":"
                + GROUP + ",\"text\":\"p\"}}}";
        assertThat(mapper.map(parse(pinned))).isEmpty();
        assertThat(mapper.map(parse("{\"update_id\":53}"))).isEmpty();
    }

    @Test
    void botsAreFlagged() {
        String bot = "{\"id\":99,\"is_bot\":true,\"first_name\":\"Other\"}";
        assertThat(only(message(60, GROUP, bot, "beep")).actor().bot()).isTrue();
    }
}
