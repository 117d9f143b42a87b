package org.fellowship.moderation.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.meeting.MeetingStore;
import org.fellowship.core.meeting.MeetingsFeature;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.CommunityAliases;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.ModCase;
import org.fellowship.moderation.ModerationFeature;
import org.fellowship.moderation.RuleStore;
import org.fellowship.moderation.WarningStore;
import org.junit.jupiter.api.Test;

/**
 * A whole group migrates: a Telegram group with meetings, check-ins, mentors on call, a moderators' channel and
 * moderation rules and warnings becomes a supergroup. Afterwards everything is found under the new id, nothing under
 * the old one, and nothing twice (the migration is reported twice at once and once more later); the group goes on
 * under its new id, and what still carries the old id (an event from before, a half-finished {@code /meetings add})
 * lands there too. Run over the in-memory fakes and over Redis.
 */
public abstract class WholeCommunityMigrationContract {
    protected static final CommunityId OLD = new CommunityId(Platform.TELEGRAM, "-1001");
    protected static final CommunityId NEW = new CommunityId(Platform.TELEGRAM, "-1009999");
    private static final Conversation SUPERGROUP = new Conversation(new ConversationId(Platform.TELEGRAM, NEW.value()),
            ChatKind.GROUP, NEW, "Morning group");
    protected final MutableClock clock = MutableClock.at("2026-03-09T08:00:00Z");

    /** The stores the bot runs on. */
    public record Stores(MeetingStore meetings, CheckinStore checkins, MentorStore mentors, RuleStore rules,
                         WarningStore warnings, CaseLog cases, RateLimitStore limits, EventDeduplicator dedupe,
                         ButtonTokenStore buttons, MemberProfileStore profiles, DueQueue queue,
                         CommunityAliases aliases) {
    }

    /** The same stores on every call of one test. */
    protected abstract Stores stores();

    /**
     * What the app does when Telegram reports the migration ({@link org.fellowship.core.store.CommunityMigration}).
     *
     * @return how many records moved
     */
    protected abstract int migrate(CommunityId from, CommunityId to);

    /** Everything stored that still names {@code community}, expected empty after the move. */
    protected abstract List<String> recordsNaming(CommunityId community);

    /** The bot on these stores, in the group under its old id. */
    private BotHarness bot(Stores s) {
        MentorChain mentors = MentorChain.on(s.mentors()).onlyFor(Set.of(OLD)); // the operator configured the old id
        BotHarness bot = BotHarness.builder().clock(clock)
                .stores(s.dedupe(), s.buttons(), s.profiles(), s.queue()).aliases(s.aliases())
                .feature(mentors)
                .feature(new MeetingsFeature(s.meetings(), url -> "[]"))
                .feature(new CheckinFeature(s.checkins(), mentors, CheckinFeature.DEFAULT_NUDGE_DELAY))
                .feature(new ModerationFeature(s.rules(), s.warnings(), s.cases(), s.limits())).build();
        assertThat(bot.group().community()).isEqualTo(OLD);
        return bot;
    }

    @Test
    void everythingIsFoundUnderTheNewIdOnceAndTheGroupGoesOnThere() throws Exception {
        Stores s = stores();
        BotHarness bot = bot(s);
        BotHarness.User mod = bot.moderator("1", "Mo");
        BotHarness.User sam = bot.member("42", "Sam");
        BotHarness.User kim = bot.member("43", "Kim");
        BotHarness.User ana = bot.mentor("7", "Ana");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(mod, "/filter add keyword casino warn");
        bot.sayInGroup(mod, "/filter mode 1 enforce");
        bot.sayInGroup(mod, "/checkin summary on");
        bot.sayInGroup(sam, "/checkin on 20:00");
        bot.sayInGroup(ana, "/mentor on");
        assertThat(bot.lastReply().text()).contains("on call");
        s.mentors().setModeratorsChannel(Platform.TELEGRAM, bot.group().id());
        bot.sayInGroup(kim, "come to my casino");
        assertThat(s.warnings().active(OLD, kim.id(), clock.instant())).hasSize(1);
        bot.sayInGroup(mod, "/meetings add"); // a guided add, half done when the group moves
        bot.say(mod, "Home Group");
        bot.replies();

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> migrate(OLD, NEW));
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> migrate(OLD, NEW));
        assertThat(one.get() + two.get()).as("something moved").isPositive();
        assertThat(migrate(OLD, NEW)).as("a late repeat moves nothing").isZero();

        // Found under the new id, once.
        assertThat(s.aliases().current(OLD)).isEqualTo(NEW);
        assertThat(s.meetings().meetings(NEW)).extracting(Meeting::name).containsExactly("Step Study");
        assertThat(s.rules().rules(NEW)).singleElement().satisfies(r -> assertThat(r.pattern()).isEqualTo("casino"));
        assertThat(s.checkins().community(NEW)).hasValueSatisfying(c -> {
            assertThat(c.summary()).isTrue();
            assertThat(c.summaryChat()).isEqualTo(SUPERGROUP.id());
        });
        assertThat(s.checkins().find(sam.id())).hasValueSatisfying(r -> {
            assertThat(r.community()).isEqualTo(NEW);
            assertThat(r.enabled()).isTrue();
        });
        assertThat(s.warnings().active(NEW, kim.id(), clock.instant())).hasSize(1);
        assertThat(s.cases().about(NEW, kim.id(), 10)).hasSize(1);
        assertThat(s.mentors().moderatorsChannel(Platform.TELEGRAM)).contains(SUPERGROUP.id());
        assertThat(s.mentors().mentors()).hasSize(1);
        // Nothing left under the old id.
        assertThat(s.meetings().meetings(OLD)).isEmpty();
        assertThat(s.rules().rules(OLD)).isEmpty();
        assertThat(s.checkins().community(OLD)).isEmpty();
        assertThat(s.warnings().active(OLD, kim.id(), clock.instant())).isEmpty();
        assertThat(s.cases().about(OLD, kim.id(), 10)).isEmpty();

        // The group goes on under its new id: its rules and warnings apply, its mentors keep their place.
        bot.sayIn(SUPERGROUP, kim, "casino night again");
        assertThat(s.warnings().active(NEW, kim.id(), clock.instant())).as("the earlier warning still counts")
                .hasSize(2);
        BotHarness.User ben = bot.mentor("8", "Ben");
        bot.sayIn(SUPERGROUP, ben, "/mentor on");
        assertThat(bot.lastReply().text()).contains("on call");
        bot.sayIn(SUPERGROUP, sam, "/meetings");
        assertThat(bot.lastReply().text()).containsOnlyOnce("Mon 9 Mar\n  19:30 Step Study [step-study]");

        // What still carries the old id lands under the new one: a late event from the old chat, the guided add.
        bot.sayInGroup(mod, "/filter add keyword lottery warn");
        assertThat(s.rules().rules(NEW)).hasSize(2);
        for (String answer : List.of("tue", "18:00 UTC", "skip", "skip", "skip", "skip")) {
            bot.say(mod, answer);
        }
        bot.press(mod, "Save");
        assertThat(s.meetings().meetings(NEW)).extracting(Meeting::name).containsExactlyInAnyOrder("Step Study",
                "Home Group");

        // Scheduled work queued under the old id runs for the new one (the summary, sam's prompt), then nothing
        // anywhere names the old id.
        bot.advance(Duration.ofHours(14));
        assertThat(s.rules().rules(OLD)).isEmpty();
        assertThat(s.meetings().meetings(OLD)).isEmpty();
        assertThat(recordsNaming(OLD)).as("nothing left under the old id").isEmpty();
    }

    @Test
    void moderationButtonsAndTimersFromBeforeTheMoveActUnderTheNewId() {
        Stores s = stores();
        BotHarness bot = bot(s);
        BotHarness.User mod = bot.moderator("1", "Mo");
        BotHarness.User sam = bot.member("42", "Sam");
        BotHarness.User ana = bot.member("43", "Ana");
        BotHarness.User leo = bot.member("44", "Leo");
        bot.sayInGroup(mod, "/filter add keyword lottery ban");
        bot.sayInGroup(mod, "/filter mode 1 review");
        bot.sayInGroup(mod, "/gate What is this group for? | Recovery support | Selling things");
        bot.sayInGroup(sam, "lottery tickets"); // a review request with buttons for the moderator
        bot.join(ana).join(leo); // a question with buttons and a deadline each

        migrate(OLD, NEW);
        bot.press(mod, "Dismiss");
        assertThat(bot.lastReply().text()).contains("Dismissed");
        bot.press(ana, "Recovery support");
        assertThat(bot.lastReply().text()).contains("you're in");
        bot.advance(Duration.ofMinutes(30)); // Leo never answers

        assertThat(s.cases().about(NEW, sam.id(), 10)).extracting(ModCase::action)
                .containsExactlyInAnyOrder("review", "dismiss");
        assertThat(s.cases().about(NEW, ana.id(), 10)).extracting(ModCase::action)
                .containsExactlyInAnyOrder("gate", "gate-pass");
        assertThat(s.cases().about(NEW, leo.id(), 10)).extracting(ModCase::action)
                .containsExactlyInAnyOrder("gate", "kick");
        for (BotHarness.User user : List.of(sam, ana, leo)) {
            assertThat(s.cases().about(OLD, user.id(), 10)).isEmpty();
        }
        assertThat(recordsNaming(OLD)).as("nothing left under the old id").isEmpty();
    }
}
