package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.fellowship.core.checkin.CheckinRecord;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.checkin.CommunityCheckins;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.milestone.Announcements;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.LadderChoice;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.MilestoneStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.meeting.MeetingsFeature;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.CommunityAliases;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.MemberProfileStore;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A group becomes a supergroup (Telegram gives it a new chat id) between a member's {@code /remind} and the reminder:
 * the reminder still comes once, for the new community, RSVPs and the group announcement follow, {@code /export} and
 * {@code /forget} find the moved RSVPs, and nothing stays under the old id. The migration is reported twice at once
 * and once more later (two instances, a repeated service message). Run over the in-memory stores and over Redis.
 */
public abstract class CommunityMigrationContract {
    protected static final CommunityId OLD = new CommunityId(Platform.TELEGRAM, "-1001");
    protected static final CommunityId NEW = new CommunityId(Platform.TELEGRAM, "-1009999");
    private static final Instant MONDAY = Instant.parse("2026-03-09T19:30:00Z");
    protected final MutableClock clock = MutableClock.at("2026-03-09T08:00:00Z");

    /** The stores the bot runs on. */
    public record Stores(MeetingStore meetings, CheckinStore checkins, MilestoneStore milestones, MentorStore mentors,
                         ButtonTokenStore buttons, MemberProfileStore profiles, DueQueue queue,
                         CommunityAliases aliases) {
    }

    protected abstract Stores stores();

    /**
     * What the app does when Telegram reports the migration ({@link org.fellowship.core.store.CommunityMigration}).
     *
     * @return how many records moved
     */
    protected abstract int migrate(CommunityId from, CommunityId to);

    /** Everything stored that still names {@code community} (keys, in Redis), expected empty after the move. */
    protected abstract List<String> recordsNaming(CommunityId community);

    @Test
    void remindersRsvpsAndAnnouncementsFollowTheGroupToItsNewId() throws Exception {
        Stores s = stores();
        BotHarness bot = BotHarness.builder().clock(clock).gateway(FakeChatGateway.telegram())
                .stores(new InMemoryStores.Deduplicator(clock), s.buttons(), s.profiles(), s.queue())
                .aliases(s.aliases())
                .feature(new MeetingsFeature(s.meetings(), url -> "[]")).build();
        assertThat(bot.group().community()).isEqualTo(OLD);
        BotHarness.User mod = bot.moderator("1", "Mo");
        BotHarness.User sam = bot.member("42", "Sam");
        BotHarness.User kim = bot.member("43", "Kim");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(mod, "/meetings announce step-study 10m");
        bot.sayInGroup(sam, "/remind step 15m");
        bot.sayInGroup(kim, "/meeting step");
        bot.replies();
        bot.press(kim, "I'm going (0)");
        assertThat(s.meetings().going(OLD, "step-study", MONDAY)).isEqualTo(1);
        bot.replies();

        // two instances learn of the migration at once, and a late service message repeats it
        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> migrate(OLD, NEW));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> migrate(OLD, NEW));
        one.get();
        two.get();
        migrate(OLD, NEW);

        assertThat(s.aliases().current(OLD)).isEqualTo(NEW);
        assertThat(s.meetings().subscription(sam.id(), OLD, "step-study")).isEmpty();
        assertThat(s.meetings().subscription(sam.id(), NEW, "step-study")).hasValueSatisfying(sub -> {
            assertThat(sub.community()).isEqualTo(NEW);
            assertThat(sub.group().value()).isEqualTo(NEW.value());
            assertThat(sub.before()).isEqualTo(Duration.ofMinutes(15));
        });
        assertThat(s.meetings().going(NEW, "step-study", MONDAY)).as("RSVPs intact").isEqualTo(1);
        assertThat(s.meetings().announcement(NEW, "step-study")).hasValueSatisfying(a ->
                assertThat(a.group().value()).isEqualTo(NEW.value()));

        // The reminder queued before the migration (it carries the old id) fires once, for the new community.
        bot.advance(Duration.ofHours(11).plusMinutes(15));
        List<OutboundMessage> reminders = bot.replies();
        assertThat(reminders).singleElement().satisfies(m -> {
            assertThat(m.recipient()).isEqualTo(sam.id());
            assertThat(m.text()).startsWith("Reminder: Step Study starts in 15 min");
            assertThat(m.allButtons()).extracting(b -> b.label()).containsExactly("I'm going (1)");
        });
        bot.press(sam, "I'm going (1)");
        assertThat(bot.lastReply().text()).contains("Going: 2.");
        assertThat(s.meetings().going(NEW, "step-study", MONDAY)).isEqualTo(2);

        // The group announcement goes to the new chat.
        bot.advance(Duration.ofMinutes(5));
        assertThat(bot.gateway().actions()).filteredOn(a -> a.kind().equals("send")
                        && a.message().text().startsWith("Starting in 10 min"))
                .singleElement().satisfies(a -> assertThat(a.conversation().value()).isEqualTo(NEW.value()));
        bot.replies();

        // The chain goes on under the new id: Thursday's reminder comes once.
        bot.advance(Duration.ofDays(3));
        assertThat(bot.replies()).filteredOn(m -> m.text().startsWith("Reminder:")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Thu 12 Mar"));

        // /export and /forget find the moved RSVP.
        assertThat(s.meetings().exportMemberRecords(kim.id())).hasSize(1)
                .allSatisfy((name, value) -> assertThat(name).contains(NEW.value()).doesNotContain(OLD.value() + "}")
                        .doesNotContain(OLD + "|"));
        assertThat(s.meetings().forgetMember(kim.id())).isEqualTo(1);
        assertThat(s.meetings().going(NEW, "step-study", MONDAY)).isEqualTo(1);

        assertThat(recordsNaming(OLD)).as("nothing left under the old id").isEmpty();
    }

    @Test
    void checkinAndMilestoneRecordsNameTheNewCommunity() throws Exception {
        Stores s = stores();
        LocalDate today = LocalDate.parse("2026-03-09");
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        ChatUserId kim = new ChatUserId(Platform.TELEGRAM, "43");
        ChatUserId lee = new ChatUserId(Platform.TELEGRAM, "44");
        CommunityId elsewhere = new CommunityId(Platform.TELEGRAM, "-555");
        ConversationId topic = new ConversationId(Platform.TELEGRAM, OLD.value() + ":7");
        CheckinRecord samRecord = CheckinRecord.fresh(sam, LocalTime.of(20, 0), ZoneOffset.UTC, today)
                .withSchedule(true, LocalTime.of(20, 0), ZoneOffset.UTC, today).withPlace(OLD, topic);
        CheckinRecord leeRecord = CheckinRecord.fresh(lee, LocalTime.of(20, 0), ZoneOffset.UTC, today)
                .withPlace(elsewhere, new ConversationId(Platform.TELEGRAM, elsewhere.value()));
        assertThat(s.checkins().replace(null, samRecord, null)).isTrue();
        assertThat(s.checkins().replace(null, leeRecord, null)).isTrue();
        s.checkins().saveCommunity(new CommunityCheckins(OLD, LocalTime.of(20, 0), true,
                new ConversationId(Platform.TELEGRAM, OLD.value()), LocalTime.of(21, 0), ZoneOffset.UTC));
        s.checkins().countCheckin(OLD, today);
        s.checkins().countCheckin(OLD, today);
        s.milestones().save(new MemberMilestones(kim, Map.of("main", today.minusDays(30)), List.of(),
                LadderChoice.CUSTOM, OLD, new Announcements(new ConversationId(Platform.TELEGRAM, OLD.value()), OLD,
                "Kim")));
        s.milestones().saveCommunity(new CommunityMilestones(OLD, List.of(), 8));

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> migrate(OLD, NEW));
        CompletableFuture<Void> two = CompletableFuture.runAsync(() -> migrate(OLD, NEW));
        one.get();
        two.get();
        migrate(OLD, NEW);

        assertThat(s.checkins().find(sam)).hasValueSatisfying(r -> {
            assertThat(r.community()).isEqualTo(NEW);
            assertThat(r.origin()).isEqualTo(new ConversationId(Platform.TELEGRAM, NEW.value() + ":7"));
            assertThat(r.enabled()).isTrue();
        });
        assertThat(s.checkins().find(lee)).contains(leeRecord);
        assertThat(s.checkins().community(NEW)).hasValueSatisfying(c ->
                assertThat(c.summaryChat()).isEqualTo(new ConversationId(Platform.TELEGRAM, NEW.value())));
        assertThat(s.checkins().checkins(NEW, today)).isEqualTo(2);
        assertThat(s.aliases().current(OLD)).isEqualTo(NEW);
        assertThat(s.milestones().find(kim)).hasValueSatisfying(m -> {
            assertThat(m.ladderCommunity()).isEqualTo(NEW);
            assertThat(m.announcements().community()).isEqualTo(NEW);
            assertThat(m.announcements().group().value()).isEqualTo(NEW.value());
            assertThat(m.cleanDates()).containsEntry("main", today.minusDays(30));
        });
        assertThat(s.milestones().community(NEW)).hasValueSatisfying(c -> {
            assertThat(c.community()).isEqualTo(NEW);
            assertThat(c.morningHour()).isEqualTo(8);
        });
        assertThat(s.milestones().community(OLD)).isEmpty();
        assertThat(recordsNaming(OLD)).as("nothing left under the old id").isEmpty();
    }

    @Test
    void aModeratorsChannelInAMigratedGroupFollowsItToTheNewId() {
        MentorStore store = stores().mentors();
        CommunityId old = new CommunityId(Platform.TELEGRAM, "-4242");
        CommunityId now = new CommunityId(Platform.TELEGRAM, "-1004242");
        assertThat(migrate(old, now)).isZero();
        store.setModeratorsChannel(Platform.TELEGRAM, new ConversationId(Platform.TELEGRAM, "-4242:7"));
        assertThat(migrate(old, now)).isEqualTo(1);
        assertThat(store.moderatorsChannel(Platform.TELEGRAM)).contains(new ConversationId(Platform.TELEGRAM,
                "-1004242:7"));
        assertThat(migrate(old, now)).as("idempotent").isZero();
        assertThat(stores().aliases().current(old)).isEqualTo(now);
        assertThat(stores().aliases().current(now)).isEqualTo(now);
        store.setModeratorsChannel(Platform.TELEGRAM, new ConversationId(Platform.TELEGRAM, "-42420"));
        assertThat(migrate(old, now)).as("another chat whose id starts alike").isZero();
        assertThat(store.moderatorsChannel(Platform.TELEGRAM)).contains(new ConversationId(Platform.TELEGRAM,
                "-42420"));
    }

    @Test
    void aMigrationToTheSameIdIsIgnored() {
        MentorStore store = stores().mentors();
        CommunityId same = new CommunityId(Platform.TELEGRAM, "-4343");
        store.setModeratorsChannel(Platform.TELEGRAM, new ConversationId(Platform.TELEGRAM, "-4343:7"));
        assertThat(migrate(same, same)).isZero();
        assertThat(store.moderatorsChannel(Platform.TELEGRAM)).contains(new ConversationId(Platform.TELEGRAM,
                "-4343:7"));
        assertThat(stores().aliases().current(same)).isEqualTo(same);
    }
}
