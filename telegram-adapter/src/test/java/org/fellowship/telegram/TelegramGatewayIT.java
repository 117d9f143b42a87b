package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TelegramGatewayIT {
    private static final ConversationId GROUP = new ConversationId(Platform.TELEGRAM, "-100777");
    private static final ChatUserId ALICE = new ChatUserId(Platform.TELEGRAM, "42");

    private FakeBotApi api;
    private TelegramGateway gateway;
    private InMemoryKnownPrivateChats known;
    private MutableClock clock;

    @BeforeEach
    void setUp() throws Exception {
        api = new FakeBotApi();
        known = new InMemoryKnownPrivateChats();
        clock = MutableClock.at("2026-01-01T00:00:00Z");
        gateway = new TelegramGateway(api.config(), known, SendPermits.NONE, clock);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        api.close();
    }

    @Test
    void sendsEscapedHtmlWithInlineKeyboardAndReply() {
        OutboundMessage msg = new OutboundMessage(GROUP, "a < b & c > d <b>not bold</b>", TextStyle.PLAIN,
                List.of(ButtonRow.of(new Button("Yes", "tok1"), new Button("No", "tok2"))),
                new MessageRef(GROUP, "55"), Delivery.PUBLIC, null, Priority.NORMAL);
        MessageRef ref = gateway.send(msg);

        assertThat(ref.conversation()).isEqualTo(GROUP);
        FakeBotApi.Call call = api.calls("sendmessage").get(0);
        assertThat(call.text("chat_id")).isEqualTo("-100777");
        assertThat(call.text("parse_mode")).isEqualTo("HTML");
        assertThat(call.text("text")).isEqualTo("a &lt; b &amp; c &gt; d &lt;b&gt;not bold&lt;/b&gt;");
        assertThat(call.body().has("reply_to_message_id")).as("the deprecated field is not sent").isFalse();
        assertThat(call.body().get("reply_parameters").get("message_id").asInt()).isEqualTo(55);
        assertThat(call.body().get("reply_parameters").get("allow_sending_without_reply").asBoolean()).isTrue();
        JsonNode keyboard = call.body().get("reply_markup").get("inline_keyboard");
        assertThat(keyboard.get(0).get(0).get("text").asText()).isEqualTo("Yes");
        assertThat(keyboard.get(0).get(0).get("callback_data").asText()).isEqualTo("tok1");
        assertThat(keyboard.get(0).get(1).get("callback_data").asText()).isEqualTo("tok2");
        assertThat(ref.messageId()).isNotBlank();
    }

    @Test
    void aFileGoesOutAsAMultipartDocumentWithTheTextAsCaption() {
        byte[] ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8);
        ConversationId topic = new ConversationId(Platform.TELEGRAM, "-100888:77");
        OutboundMessage msg = new OutboundMessage(topic, "Calendar <file>", TextStyle.PLAIN,
                List.of(ButtonRow.of(new Button("Yes", "tok1"))), new MessageRef(topic, "55"), Delivery.PUBLIC, null,
                Priority.NORMAL, new OutboundFile("meetings.ics", "text/calendar", ics));
        MessageRef ref = gateway.send(msg);

        assertThat(ref.conversation()).isEqualTo(topic);
        assertThat(api.calls("sendmessage")).isEmpty();
        FakeBotApi.Call call = api.calls("senddocument").get(0);
        assertThat(call.text("chat_id")).isEqualTo("-100888");
        assertThat(call.text("message_thread_id")).isEqualTo("77");
        assertThat(call.text("caption")).isEqualTo("Calendar &lt;file&gt;");
        assertThat(call.text("parse_mode")).isEqualTo("HTML");
        assertThat(call.body().has("reply_to_message_id")).as("the deprecated field is not sent").isFalse();
        assertThat(call.text("reply_parameters")).contains("\"message_id\":55")
                .contains("\"allow_sending_without_reply\":true");
        assertThat(call.text("reply_markup")).contains("tok1");
        // the Bot API's attach:// form: the document field names the multipart part that holds the bytes
        assertThat(call.text("document")).isEqualTo("attach://meetings.ics");
        assertThat(api.uploads()).singleElement().satisfies(u -> {
            assertThat(u.method()).isEqualTo("senddocument");
            assertThat(u.fileName()).isEqualTo("meetings.ics");
            assertThat(u.bytes()).isEqualTo(ics);
        });
    }

    @Test
    void aDocumentTakesASendPermitAndClosesIt() {
        java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
        SendPermits counting = new SendPermits() {
            @Override
            public Permit acquire(String chatId, boolean privateChat, Priority priority) {
                taken.incrementAndGet();
                open.incrementAndGet();
                return open::decrementAndGet;
            }

            @Override
            public void backOff(java.time.Duration wait) {
            }
        };
        TelegramGateway limited = new TelegramGateway(api.config(), known, counting, clock);
        limited.send(new OutboundMessage(new ConversationId(Platform.TELEGRAM, "-100888"), "Calendar",
                TextStyle.PLAIN, List.of(), null, Delivery.PUBLIC, null, Priority.NORMAL,
                new OutboundFile("meetings.ics", "text/calendar", new byte[] {1, 2, 3})));
        assertThat(taken).as("a document counts against the limits").hasValue(1);
        assertThat(open).as("and its permit is closed once Telegram answered").hasValue(0);
    }

    @Test
    void aMemberDocumentIsFetchedWithGetFileAndTheFileUrl() {
        byte[] feed = "[{\"name\":\"A\",\"day\":1,\"time\":\"19:00\"}]".getBytes(StandardCharsets.UTF_8);
        api.serveFile("BQACdoc1", feed);
        byte[] got = gateway.download(new Attachment("feed.json", "application/json", Attachment.UNKNOWN_SIZE,
                "BQACdoc1"), 5_000_000);
        assertThat(got).isEqualTo(feed);
        assertThat(api.calls("getfile")).singleElement().satisfies(c -> assertThat(c.text("file_id"))
                .isEqualTo("BQACdoc1"));
        assertThat(api.downloads()).containsExactly("documents/file_0.json");
    }

    @Test
    void aDocumentOverTheCapIsRefusedBeforeDownloadingAndAGoneOneIsNotFound() {
        api.serveFile("big", new byte[2_000]);
        Attachment unknownSize = new Attachment("big.json", null, Attachment.UNKNOWN_SIZE, "big");
        assertThatThrownBy(() -> gateway.download(unknownSize, 1_000))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        Attachment knownSize = new Attachment("big.json", null, 2_000, "big");
        assertThatThrownBy(() -> gateway.download(knownSize, 1_000))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE));
        assertThat(api.calls("getfile")).as("a known size is refused without asking").hasSize(1);
        assertThat(api.downloads()).isEmpty();

        assertThatThrownBy(() -> gateway.download(new Attachment("x.json", null, 10, "gone"), 1_000))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    }

    @Test
    void monospaceIsPreAndTopicsCarryTheThreadId() {
        ConversationId topic = new ConversationId(Platform.TELEGRAM, "-100888:77");
        gateway.send(new OutboundMessage(topic, "day | mood\n1   | <3", TextStyle.MONOSPACE, null, null, null, null,
                null));
        FakeBotApi.Call call = api.calls("sendmessage").get(0);
        assertThat(call.text("text")).isEqualTo("<pre>day | mood\n1   | &lt;3</pre>");
        assertThat(call.text("chat_id")).isEqualTo("-100888");
        assertThat(call.text("message_thread_id")).isEqualTo("77");
    }

    @Test
    void aPostToAGroupThatBecameASupergroupGoesToTheNewIdAndMovesTheState() {
        List<ChatMigration> migrations = new java.util.ArrayList<>();
        TelegramGateway moving = new TelegramGateway(api.config(), known, SendPermits.NONE, migrations::add, clock);
        api.script("sendMessage", 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: group chat "
                + "was upgraded to a supergroup chat\",\"parameters\":{\"migrate_to_chat_id\":-1001234567890}}");
        MessageRef sent = moving.send(OutboundMessage.text(TelegramIds.chat(-4242L), "Step Study starts in 15 minutes"));
        assertThat(sent.conversation()).isEqualTo(TelegramIds.chat(-1001234567890L));
        assertThat(api.calls("sendmessage")).extracting(c -> c.text("chat_id"))
                .containsExactly("-4242", "-1001234567890");
        assertThat(migrations).containsExactly(new ChatMigration(TelegramIds.community(-4242L),
                TelegramIds.community(-1001234567890L)));
    }

    @Test
    void retriesAfter429HonouringRetryAfter() {
        List<Duration> waited = new java.util.ArrayList<>();
        List<Duration> backOffs = new java.util.ArrayList<>();
        List<Integer> callsBeforeTheWait = new java.util.ArrayList<>();
        SendPermits recording = new SendPermits() {
            @Override
            public Permit acquire(String chatId, boolean privateChat, Priority priority) {
                return Permit.NONE;
            }

            @Override
            public void backOff(Duration wait) {
                backOffs.add(wait);
            }
        };
        // Waiting moves the gateway's clock: no real second passes.
        TelegramGateway patient = new TelegramGateway(api.config(), known, recording, ChatMigrationListener.NONE,
                clock, d -> {
                    waited.add(d);
                    callsBeforeTheWait.add(api.calls("sendmessage").size());
                    clock.advance(d);
                });
        try {
            api.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
            Instant before = clock.instant();
            patient.send(OutboundMessage.text(GROUP, "hi"));

            assertThat(api.calls("sendmessage")).hasSize(2);
            assertThat(waited).as("waited Telegram's retry_after").containsExactly(Duration.ofSeconds(1));
            assertThat(callsBeforeTheWait).as("between the refused call and the retry").containsExactly(1);
            assertThat(backOffs).as("every sender was paused as long").containsExactly(Duration.ofSeconds(1));
            assertThat(clock.instant()).isEqualTo(before.plusSeconds(1));
        } finally {
            patient.close();
        }
    }

    @Test
    void retryAfterBeyondTheBudgetIsRateLimited() {
        api.failNext("sendMessage", 429, "Too Many Requests: retry after 600", 600);
        assertThatThrownBy(() -> gateway.send(OutboundMessage.text(GROUP, "hi")))
                .isInstanceOf(GatewayException.class)
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.RATE_LIMITED);
        assertThat(api.calls("sendmessage")).hasSize(1);
    }

    @Test
    void serverErrorsAreUnavailableAndNotRetried() {
        api.failNext("sendMessage", 502, "Bad Gateway", null);
        assertThatThrownBy(() -> gateway.send(OutboundMessage.text(GROUP, "hi")))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.UNAVAILABLE);
        api.script("sendMessage", 500, "<html>oops</html>");
        assertThatThrownBy(() -> gateway.send(OutboundMessage.text(GROUP, "hi")))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThat(api.calls("sendmessage")).hasSize(2);
    }

    @Test
    void openDirectOnlyForMembersWhoStartedTheBot() {
        assertThatThrownBy(() -> gateway.openDirect(ALICE))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.DIRECT_MESSAGES_CLOSED);
        known.add("42");
        assertThat(gateway.openDirect(ALICE)).isEqualTo(new ConversationId(Platform.TELEGRAM, "42"));
    }

    @Test
    void forbiddenPrivateSendIsDirectMessagesClosedAndForgetsTheMember() {
        known.add("42");
        api.failNext("sendMessage", 403, "Forbidden: bot can't initiate conversation with a user", null);
        assertThatThrownBy(() -> gateway.send(OutboundMessage.text(gateway.openDirect(ALICE), "private")))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.DIRECT_MESSAGES_CLOSED);
        assertThat(known.contains("42")).isFalse();

        api.failNext("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat", null);
        assertThatThrownBy(() -> gateway.send(OutboundMessage.text(GROUP, "x")))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.FORBIDDEN);
    }

    @Test
    void startLinkUsesTheUsernameFromGetMeAndCapabilitiesFollowPrivacyMode() {
        assertThat(gateway.startLink("abc")).isEmpty();
        assertThat(gateway.capabilities().readAllGroupMessages()).isFalse();
        BotIdentity me = gateway.refreshIdentity();
        assertThat(me.username()).isEqualTo("fellowship_bot");
        assertThat(gateway.startLink("abc")).contains("https://t.me/fellowship_bot?start=abc");
        assertThat(gateway.capabilities().readAllGroupMessages()).isTrue();
        assertThat(gateway.capabilities().botInitiatedDirectMessages()).isFalse();
    }

    @Test
    void editAndAcknowledge() {
        gateway.edit(new MessageRef(GROUP, "9"), OutboundMessage.text(GROUP, "new & improved"));
        FakeBotApi.Call edit = api.calls("editmessagetext").get(0);
        assertThat(edit.text("message_id")).isEqualTo("9");
        assertThat(edit.text("text")).isEqualTo("new &amp; improved");
        assertThat(edit.text("parse_mode")).isEqualTo("HTML");

        api.failNext("editMessageText", 400, "Bad Request: message is not modified", null);
        gateway.edit(new MessageRef(GROUP, "9"), OutboundMessage.text(GROUP, "same"));

        Conversation conv = new Conversation(GROUP, org.fellowship.core.model.ChatKind.GROUP,
                TelegramIds.community(-100777), null);
        ButtonPressed press = new ButtonPressed("u1", conv, Member.of(ALICE, "A"), Instant.EPOCH,
                new MessageRef(GROUP, "9"), "tok", "cb-1");
        gateway.acknowledge(press, "Saved");
        FakeBotApi.Call ack = api.calls("answercallbackquery").get(0);
        assertThat(ack.text("callback_query_id")).isEqualTo("cb-1");
        assertThat(ack.text("text")).isEqualTo("Saved");

        api.failNext("answerCallbackQuery", 400, "Bad Request: query is too old and response timeout expired", null);
        gateway.acknowledge(press, null);
    }

    @Test
    void deleteOlderThan48HoursIsTooOld() {
        gateway.delete(new MessageRef(GROUP, "5"));
        assertThat(api.calls("deletemessage").get(0).text("message_id")).isEqualTo("5");

        api.failNext("deleteMessage", 400, "Bad Request: message can't be deleted", null);
        assertThatThrownBy(() -> gateway.delete(new MessageRef(GROUP, "6")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TOO_OLD);
                    assertThat(e.getMessage()).contains("48 hours");
                });
        api.failNext("deleteMessage", 400, "Bad Request: message to delete not found", null);
        assertThatThrownBy(() -> gateway.delete(new MessageRef(GROUP, "7")))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.NOT_FOUND);
    }

    @Test
    void muteBanUnbanKick() {
        gateway.mute(GROUP, ALICE, clock.instant().plus(Duration.ofHours(1)));
        FakeBotApi.Call mute = api.calls("restrictchatmember").get(0);
        assertThat(mute.text("user_id")).isEqualTo("42");
        assertThat(mute.body().get("until_date").asLong()).isEqualTo(clock.instant().getEpochSecond() + 3600);
        assertThat(mute.body().get("permissions").get("can_send_messages").asBoolean()).isFalse();

        gateway.unmute(GROUP, ALICE);
        FakeBotApi.Call unmute = api.calls("restrictchatmember").get(1);
        assertThat(unmute.text("user_id")).isEqualTo("42");
        assertThat(unmute.body().get("permissions").get("can_send_messages").asBoolean()).isTrue();
        assertThat(unmute.body().has("until_date")).isFalse();

        gateway.ban(GROUP, ALICE);
        gateway.unban(GROUP, ALICE);
        gateway.kick(GROUP, ALICE);
        assertThat(api.calls()).extracting(FakeBotApi.Call::method).containsSubsequence(
                "banchatmember", "unbanchatmember", "banchatmember", "unbanchatmember");
        assertThat(api.calls("unbanchatmember").get(0).body().get("only_if_banned").asBoolean()).isTrue();

        api.failNext("restrictChatMember", 400, "Bad Request: not enough rights to restrict/unrestrict chat member",
                null);
        assertThatThrownBy(() -> gateway.mute(GROUP, ALICE, clock.instant().plusSeconds(600)))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.FORBIDDEN);
    }

    @Test
    void manualActionRefusalsSayWhyAndSlowModeIsRefusedWithoutACall() {
        api.failNext("banChatMember", 400, "Bad Request: user is an administrator of the chat", null);
        assertThatThrownBy(() -> gateway.ban(GROUP, ALICE))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.FORBIDDEN);
        api.failNext("restrictChatMember", 400, "Bad Request: user not found", null);
        assertThatThrownBy(() -> gateway.mute(GROUP, ALICE, clock.instant().plusSeconds(600)))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.NOT_FOUND);
        api.failNext("unbanChatMember", 400, "Bad Request: not enough rights to restrict/unrestrict chat member",
                null);
        assertThatThrownBy(() -> gateway.unban(GROUP, ALICE))
                .extracting(e -> ((GatewayException) e).reason()).isEqualTo(Reason.FORBIDDEN);
        int calls = api.calls().size();
        assertThatThrownBy(() -> gateway.slowmode(GROUP, Duration.ofSeconds(30)))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED);
                    assertThat(e.getMessage()).contains("group's settings");
                });
        assertThat(api.calls()).hasSize(calls);
    }

    @Test
    void anAdministratorTitledMentorIsAMentorAndOnlyAModeratorWithModerationRights() {
        api.setAdmins(7);
        api.addTitledAdmin(11, "Peer Mentor", false);
        api.addTitledAdmin(12, "mentor & mod", true);
        api.addTitledAdmin(13, "Greeter", false);
        ChatUserId mentorOnly = new ChatUserId(Platform.TELEGRAM, "11");
        ChatUserId mentorAndModerator = new ChatUserId(Platform.TELEGRAM, "12");
        assertThat(gateway.mentors(GROUP)).containsExactlyInAnyOrder(mentorOnly, mentorAndModerator);
        assertThat(gateway.moderators(GROUP)).containsExactlyInAnyOrder(new ChatUserId(Platform.TELEGRAM, "7"),
                mentorAndModerator, new ChatUserId(Platform.TELEGRAM, "13"));
        assertThat(gateway.isMentor(GROUP, mentorOnly)).isTrue();
        assertThat(gateway.isModerator(GROUP, mentorOnly)).isFalse();
        assertThat(gateway.isMentor(GROUP, ALICE)).isFalse();
        assertThat(api.calls("getchatadministrators")).as("one cached list for both questions").hasSize(1);
    }

    @Test
    void moderatorsAreCachedUntilTtlOrInvalidation() {
        api.setAdmins(7, 8);
        assertThat(gateway.moderators(GROUP)).containsExactlyInAnyOrder(
                new ChatUserId(Platform.TELEGRAM, "7"), new ChatUserId(Platform.TELEGRAM, "8"));
        assertThat(gateway.isModerator(GROUP, new ChatUserId(Platform.TELEGRAM, "7"))).isTrue();
        assertThat(gateway.isModerator(GROUP, ALICE)).isFalse();
        assertThat(api.calls("getchatadministrators")).hasSize(1);

        clock.advance(Duration.ofMinutes(11));
        gateway.moderators(GROUP);
        assertThat(api.calls("getchatadministrators")).hasSize(2);

        gateway.invalidateModerators(GROUP);
        api.setAdmins(42);
        assertThat(gateway.isModerator(GROUP, ALICE)).isTrue();
        assertThat(api.calls("getchatadministrators")).hasSize(3);
    }

    @Test
    void aChatWhoseMembersAreAllAdministratorsIsForModeratorsOnlyAndATopicIsCheckedOnItsChat() {
        gateway.refreshIdentity(); // the bot is 777
        api.setAdmins(7, 8);
        api.addTitledAdmin(11, "Mentor", false);
        api.addBotAdmin(777);
        api.setMemberCount(4);

        ConversationId topic = new ConversationId(Platform.TELEGRAM, "-100777:5");
        ChatAudience audience = gateway.audience(topic);

        assertThat(audience.moderatorsOnly()).isTrue();
        assertThat(audience.problem()).isNull();
        assertThat(api.calls("getchatmembercount")).singleElement()
                .satisfies(c -> assertThat(c.text("chat_id")).isEqualTo("-100777"));
        assertThat(api.calls("getchatadministrators")).singleElement()
                .satisfies(c -> assertThat(c.text("chat_id")).isEqualTo("-100777"));
    }

    @Test
    void membersWhoAreNotAdministratorsMakeTheAudienceWiderAndSayHowMany() {
        gateway.refreshIdentity();
        api.setAdmins(7, 8);
        api.addBotAdmin(777);
        api.setMemberCount(15);

        ChatAudience audience = gateway.audience(GROUP);

        assertThat(audience.moderatorsOnly()).isFalse();
        assertThat(audience.problem()).isEqualTo("12 of the 15 members of this chat are not administrators: use a "
                + "chat where only moderators are members (or make them administrators).");
    }

    @Test
    void theBotCountsForTheChatOnlyWhenItsIdIsKnown() {
        api.setAdmins(7, 8);
        api.setMemberCount(3); // two administrators and the bot, which is a plain member here
        assertThat(gateway.audience(GROUP).problem()).as("before getMe the third member could be anyone")
                .startsWith("1 of the 3 members of this chat is not an administrator:");

        gateway.refreshIdentity();
        assertThat(gateway.audience(GROUP).moderatorsOnly()).as("the bot itself may read its alerts").isTrue();

        api.addBotAdmin(555); // another bot, administrator
        api.setMemberCount(4);
        gateway.invalidateModerators(GROUP);
        assertThat(gateway.audience(GROUP).moderatorsOnly()).isTrue();
    }

    @Test
    void theMemberCountIsCachedBriefly() {
        gateway.refreshIdentity();
        api.setAdmins(7);
        api.addBotAdmin(777);
        api.setMemberCount(2);
        assertThat(gateway.audience(GROUP).moderatorsOnly()).isTrue();

        api.setMemberCount(3); // someone joined
        clock.advance(Duration.ofSeconds(20));
        assertThat(gateway.audience(GROUP).moderatorsOnly()).as("within the cache").isTrue();
        assertThat(api.calls("getchatmembercount")).hasSize(1);

        clock.advance(TelegramChatAdmins.MEMBER_COUNT_TTL);
        assertThat(gateway.audience(GROUP).problem()).startsWith("1 of the 3 members");
        assertThat(api.calls("getchatmembercount")).hasSize(2);
        assertThat(api.calls("getchatadministrators")).as("the admin list keeps its own, longer cache").hasSize(1);
    }

    @Test
    void whenTelegramCannotTellTheAudienceIsAGatewayException() {
        api.setAdmins(7);
        api.failNext("getChatMemberCount", 400, "Bad Request: chat not found", null);
        assertThatThrownBy(() -> gateway.audience(GROUP))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

        gateway.invalidateModerators(GROUP);
        api.failNext("getChatAdministrators", 502, "Bad Gateway", null);
        assertThatThrownBy(() -> gateway.audience(GROUP))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNAVAILABLE));
    }

    @Test
    void aMembersNameComesFromGetChatMemberAndIsEmptyWhenTelegramCannotSay() {
        api.script("getChatMember", 200, "{\"ok\":true,\"result\":{\"status\":\"member\",\"user\":{\"id\":42,"
                + "\"is_bot\":false,\"first_name\":\"Sam\",\"last_name\":\"Rivera\"}}}");
        assertThat(gateway.memberName(GROUP, new ChatUserId(Platform.TELEGRAM, "42"))).contains("Sam Rivera");
        assertThat(api.calls("getchatmember")).singleElement()
                .satisfies(c -> assertThat(c.body().get("user_id").asLong()).isEqualTo(42));

        api.failNext("getChatMember", 400, "Bad Request: user not found", null);
        assertThat(gateway.memberName(GROUP, new ChatUserId(Platform.TELEGRAM, "43"))).isEmpty();
    }
}
