package org.fellowship.core.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.InMemoryCheckinStore;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/** Conversations with the check-in feature. The harness clock starts at Sunday 2026-03-08T09:00Z. */
class CheckinFeatureTest {
    private final InMemoryCheckinStore store = new InMemoryCheckinStore();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final InMemoryDueQueue queue = new InMemoryDueQueue();
    private final InMemoryStores.Buttons buttons = new InMemoryStores.Buttons(clock);
    private final InMemoryStores.Profiles profiles = new InMemoryStores.Profiles();
    private final MentorStore mentorStore = MentorStore.inMemory(clock);
    private final BotHarness bot = harness(FakeChatGateway.telegram());
    private final BotHarness.User sam = bot.member("42", "Sam");
    private final BotHarness.User alex = bot.mentor("77", "Alex");

    private BotHarness harness(FakeChatGateway gateway) {
        MentorChain mentors = MentorChain.on(mentorStore);
        return BotHarness.builder().gateway(gateway).clock(clock)
                .stores(new InMemoryStores.Deduplicator(clock), buttons, profiles, queue)
                .feature(new ProfileFeature()).feature(mentors)
                .feature(new CheckinFeature(store, mentors, CheckinFeature.DEFAULT_NUDGE_DELAY))
                .build();
    }

    private List<OutboundMessage> to(BotHarness.User user) {
        return bot.replies().stream().filter(m -> m.to().value().equals(user.id().value())).toList();
    }

    private List<OutboundMessage> prompts(BotHarness.User user) {
        return to(user).stream().filter(m -> m.text().contains("daily check-in")).toList();
    }

    private String only(BotHarness.User user) {
        List<OutboundMessage> messages = to(user);
        assertThat(messages).hasSize(1);
        return messages.get(0).text();
    }

    private void advanceTo(String instant) {
        bot.advance(Duration.between(clock.instant(), Instant.parse(instant)));
    }

    private CheckinRecord record() {
        return store.find(sam.id()).orElseThrow();
    }

    private void optIn(String zone, String time) {
        bot.say(sam, "/timezone " + zone);
        bot.say(sam, "/checkin on " + time);
        bot.replies();
    }

    @Test
    void optInPromptsPrivatelyAtLocalTimeAndTheFlowRecordsTheDay() {
        bot.say(sam, "/timezone Europe/Berlin");
        bot.replies();
        bot.sayInGroup(sam, "/checkin on 20:00");
        OutboundMessage confirm = bot.replies().get(0);
        assertThat(confirm.delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(confirm.to().value()).isEqualTo("42");
        assertThat(confirm.text()).contains("20:00 (Europe/Berlin), starting today");

        advanceTo("2026-03-08T18:59:00Z");
        assertThat(to(sam)).as("not before 20:00 Berlin").isEmpty();
        advanceTo("2026-03-08T19:00:00Z");
        List<OutboundMessage> prompt = to(sam);
        assertThat(prompt).hasSize(1);
        assertThat(prompt.get(0).text()).contains("How is your mood today?");
        assertThat(prompt.get(0).allButtons()).extracting(Button::label).containsExactly("1", "2", "3", "4", "5");
        assertThat(prompt.get(0).to().value()).as("a DM, never the group").isEqualTo("42");

        bot.press(sam, "4");
        assertThat(bot.lastReply().allButtons()).extracting(Button::label).hasSize(11).startsWith("0").endsWith("10");
        bot.press(sam, "2");
        String warm = bot.lastReply().text();
        assertThat(warm).contains("Streak: 1 day.").contains("write a short private note");
        bot.say(sam, "Long day, but I went to a meeting.");
        assertThat(bot.lastReply().text()).isEqualTo("Saved your note privately.");
        assertThat(store.notes(sam.id())).containsEntry(LocalDate.of(2026, 3, 8), "Long day, but I went to a meeting.");
        char day = record().log().on(LocalDate.of(2026, 3, 8));
        assertThat(DayLog.moodOf(day)).isEqualTo(4);
        assertThat(DayLog.cravingOf(day)).isEqualTo(2);
        assertThat(store.checkins(record().community(), LocalDate.of(2026, 3, 8))).isEqualTo(1);
        bot.replies();
        bot.say(sam, "just chatting later");
        assertThat(to(sam)).as("the note window closed after one note: only the pointer for unanswered private text")
                .singleElement().satisfies(m -> assertThat(m.text()).startsWith("Thanks for writing"));
    }

    @Test
    void typedNumbersRecordTheValueShownWhereThereAreNoButtons() {
        BotHarness console = harness(new FakeChatGateway(new org.fellowship.core.port.PlatformCapabilities(
                org.fellowship.core.model.Platform.TELEGRAM, 4096, false, 0, 0, true, false, true, true)));
        BotHarness.User kim = console.member("42", "Kim");
        console.say(kim, "/timezone UTC").say(kim, "/checkin");
        assertThat(console.lastReply().text()).endsWith("Reply with a number: 1-5");
        console.say(kim, "2");
        assertThat(console.lastReply().text()).contains("cravings").endsWith("Reply with a number: 0-10");
        for (String typed : List.of("12", "0", "8")) {
            console.say(kim, typed);
        }
        List<String> texts = console.replies().stream().map(OutboundMessage::text).toList();
        assertThat(texts).contains("Please reply with one of the numbers shown: 0-10.");
        char day = record().log().on(LocalDate.of(2026, 3, 8));
        assertThat(DayLog.moodOf(day)).isEqualTo(2);
        assertThat(DayLog.cravingOf(day)).as("8 typed is 8 recorded, never its neighbour").isEqualTo(8);
    }

    @Test
    void checkinsTellsMissedFromNotPromptedAndDoesNotSuggestWhatIsAlreadyOn() {
        optIn("UTC", "20:00");
        bot.say(sam, "/checkins");
        assertThat(bot.lastReply().text()).contains("your daily prompt comes at 20:00 (UTC)")
                .doesNotContain("/checkin on");
        String trend = CheckinTexts.trend(java.util.Arrays.asList(null, DayLog.SKIPPED, DayLog.MISSED, DayLog.AWAY,
                DayLog.answer(4, 2)), true);
        assertThat(trend).isEqualTo("- _ . ~ 4");
    }

    @Test
    void warmRepliesVaryFromDayToDay() {
        optIn("UTC", "10:00");
        java.util.Set<String> replies = new java.util.HashSet<>();
        for (int d = 0; d < 3; d++) {
            bot.advance(Duration.ofDays(1));
            bot.press(sam, "4");
            bot.press(sam, "1");
            replies.add(bot.lastReply().text().replaceAll(" Streak:.*", ""));
        }
        assertThat(replies).hasSize(3);
    }

    @Test
    void lateAnswerCountsForThePromptsDayAndAnsweringTwiceUpdates() {
        optIn("Europe/Berlin", "20:00");
        advanceTo("2026-03-08T19:00:00Z");
        bot.replies();
        advanceTo("2026-03-09T01:30:00Z"); // 02:30 the next local day
        bot.press(sam, "3");
        bot.press(sam, "5");
        char day = record().log().on(LocalDate.of(2026, 3, 8));
        assertThat(DayLog.moodOf(day)).isEqualTo(3);
        assertThat(DayLog.cravingOf(day)).isEqualTo(5);
        assertThat(record().log().answered(LocalDate.of(2026, 3, 9))).as("not the day it was answered").isFalse();
    }

    @Test
    void answeringTwiceUpdatesTheDayAndCountsOnce() {
        bot.say(sam, "/timezone UTC");
        bot.sayInGroup(sam, "/checkin");
        bot.press(sam, "3");
        bot.press(sam, "5");
        bot.sayInGroup(sam, "/checkin");
        assertThat(bot.lastReply().text()).contains("You already checked in today; answering again updates it.");
        bot.press(sam, "2");
        bot.press(sam, "1");
        char day = record().log().on(LocalDate.of(2026, 3, 8));
        assertThat(DayLog.moodOf(day)).isEqualTo(2);
        assertThat(DayLog.cravingOf(day)).isEqualTo(1);
        assertThat(record().log().days()).hasSize(1);
        assertThat(store.checkins(bot.group().community(), LocalDate.of(2026, 3, 8))).isEqualTo(1);
    }

    @Test
    void springForwardGapFiresAtTheNextValidMinute() {
        clock.set(Instant.parse("2026-03-28T12:00:00Z"));
        optIn("Europe/Berlin", "02:30");
        advanceTo("2026-03-29T00:59:00Z");
        assertThat(prompts(sam)).isEmpty();
        advanceTo("2026-03-29T01:00:00Z");
        // 03:00 CEST, the first valid minute after the skipped 02:00-03:00
        assertThat(prompts(sam)).hasSize(1);
        advanceTo("2026-03-30T00:30:00Z"); // 02:30 CEST the day after: normal again
        assertThat(prompts(sam)).hasSize(1);
    }

    @Test
    void repeatedAutumnHourFiresOnce() {
        clock.set(Instant.parse("2026-10-24T12:00:00Z"));
        optIn("Europe/Berlin", "02:30");
        advanceTo("2026-10-25T00:30:00Z"); // 02:30 CEST, the first 02:30
        assertThat(prompts(sam)).hasSize(1);
        advanceTo("2026-10-25T02:00:00Z"); // past 02:30 CET, the second 02:30
        assertThat(prompts(sam)).as("the repeated hour fires once").isEmpty();
        advanceTo("2026-10-26T01:30:00Z");
        assertThat(prompts(sam)).hasSize(1);
    }

    @Test
    void oneNudgeAfterAnUnansweredPromptAndNoneWhenTurnedOff() {
        optIn("UTC", "10:00");
        advanceTo("2026-03-08T10:00:00Z");
        assertThat(only(sam)).contains("daily check-in");
        advanceTo("2026-03-08T13:00:00Z");
        assertThat(only(sam)).contains("gentle reminder");
        advanceTo("2026-03-09T09:59:00Z");
        assertThat(to(sam)).as("no nagging beyond one reminder").isEmpty();
        bot.say(sam, "/checkin nudges off");
        bot.replies();
        advanceTo("2026-03-09T23:00:00Z");
        assertThat(to(sam)).hasSize(1).allSatisfy(m -> assertThat(m.text()).contains("daily check-in"));
    }

    @Test
    void weeklySummaryComesWithMondaysPromptWhenOptedIn() {
        optIn("UTC", "10:00");
        bot.say(sam, "/checkin weekly on");
        bot.replies();
        for (int d = 0; d < 7; d++) { // Sunday 8 March .. Saturday 14 March
            advanceTo(Instant.parse("2026-03-08T10:00:00Z").plus(Duration.ofDays(d)).toString());
            if (d % 2 == 0) {
                bot.press(sam, "4");
                bot.press(sam, "2");
            }
        }
        bot.replies();
        advanceTo("2026-03-15T10:00:00Z"); // Sunday: no summary yet
        assertThat(prompts(sam)).singleElement().satisfies(m -> assertThat(m.text()).doesNotContain("Your week"));
        advanceTo("2026-03-16T10:00:00Z"); // Monday
        assertThat(prompts(sam)).singleElement().satisfies(m -> assertThat(m.text()).startsWith("Your week: checked in "
                + "3 of 7 days, average mood 4.0, average craving 2.0."));
    }

    @Test
    void answeringBeforeTheNudgeCancelsIt() {
        optIn("UTC", "10:00");
        advanceTo("2026-03-08T10:00:00Z");
        bot.press(sam, "4");
        bot.press(sam, "0");
        bot.replies();
        advanceTo("2026-03-09T09:00:00Z");
        assertThat(to(sam)).isEmpty();
    }

    @Test
    void awayModePausesPromptsAndProtectsTheStreak() {
        optIn("UTC", "10:00");
        for (int d = 0; d < 3; d++) {
            advanceTo(Instant.parse("2026-03-08T10:00:00Z").plus(Duration.ofDays(d)).toString());
            bot.press(sam, "4");
            bot.press(sam, "3");
        }
        bot.say(sam, "/away until 2026-03-20");
        assertThat(bot.lastReply().text()).contains("away until 20 March 2026");
        bot.replies();
        advanceTo("2026-03-20T23:00:00Z");
        assertThat(to(sam)).as("no prompts while away").isEmpty();
        advanceTo("2026-03-21T10:00:00Z");
        assertThat(only(sam)).contains("daily check-in");
        bot.press(sam, "5");
        bot.press(sam, "1");
        assertThat(bot.lastReply().text()).contains("Streak: 4 days.");
    }

    @Test
    void streakGraceForgivesOneMissedDay() {
        optIn("UTC", "10:00");
        for (int d = 0; d < 5; d++) {
            advanceTo(Instant.parse("2026-03-08T10:00:00Z").plus(Duration.ofDays(d)).toString());
            if (d != 2) {
                bot.press(sam, "4");
                bot.press(sam, "3");
            }
        }
        assertThat(bot.lastReply().text()).contains("Streak: 4 days.");
        bot.say(sam, "/checkins");
        String view = bot.lastReply().text();
        assertThat(view).contains("Mood:    - - - - - - - - - 4 4 . 4 4").contains("Streak: 4 days")
                .contains("Average mood 4.0, average craving 3.0");
    }

    private void nameAlexAsMentor(String answer) {
        bot.say(alex, "/mentor on");
        bot.say(sam, "/checkin mentor @alex");
        assertThat(bot.lastReply().text()).contains("May I send Alex a short private note");
        bot.press(sam, answer);
        bot.replies();
    }

    @Test
    void consentedRiskSignalsReachTheMentorPrivatelyOnceADay() {
        optIn("UTC", "10:00");
        nameAlexAsMentor("Yes, share with Alex");
        bot.say(sam, "/checkin");
        bot.press(sam, "1");
        bot.press(sam, "9");
        List<OutboundMessage> toAlex = bot.replies().stream().filter(m -> m.to().value().equals("77")).toList();
        assertThat(toAlex).hasSize(1);
        assertThat(toAlex.get(0).text()).contains("Sam may want a check-in").doesNotContain("mood 1")
                .doesNotContain("9");
        assertThat(bot.gateway().sent()).noneMatch(m -> m.to().equals(bot.group().id()));
    }

    @Test
    void threeMissedDaysInARowSignalAConsentingMember() {
        optIn("UTC", "10:00");
        nameAlexAsMentor("Yes, share with Alex");
        advanceTo("2026-03-11T09:59:00Z");
        assertThat(bot.replies().stream().filter(m -> m.to().value().equals("77"))).isEmpty();
        advanceTo("2026-03-12T10:00:00Z"); // 8th, 9th, 10th, 11th unanswered; on the 11th three were missed
        List<OutboundMessage> all = bot.gateway().sent();
        assertThat(all.stream().filter(m -> m.to().value().equals("77") && m.text().contains("missed three"))).hasSize(1);
    }

    @Test
    void withoutConsentNothingReachesTheMentor() {
        optIn("UTC", "10:00");
        nameAlexAsMentor("No");
        assertThat(record().mentor()).isEqualTo(alex.id());
        assertThat(record().consent()).isFalse();
        bot.say(sam, "/checkin");
        bot.press(sam, "1");
        bot.press(sam, "10");
        advanceTo("2026-03-14T10:00:00Z");
        assertThat(bot.gateway().sent()).noneMatch(m -> m.to().value().equals("77") && m.text().contains("check-in"));
    }

    @Test
    void mentorMustBeOnTheRoster() {
        bot.say(sam, "/checkin mentor @nobody");
        assertThat(bot.lastReply().text()).startsWith("\"@nobody\" isn't on the mentor roster.");
    }

    @Test
    void badInputGetsOneClearLine() {
        bot.say(sam, "/checkin on 25:99");
        assertThat(bot.lastReply().text()).startsWith("\"25:99\" isn't a time of day. Use 24-hour HH:MM");
        bot.say(sam, "/away until 2026-02-30");
        assertThat(bot.lastReply().text()).startsWith("\"2026-02-30\" isn't a date I can use");
        bot.say(sam, "/away until 2026-03-01");
        assertThat(bot.lastReply().text()).startsWith("1 March 2026 has already passed.");
        bot.say(sam, "/checkin sometimes");
        assertThat(bot.lastReply().text()).startsWith("I don't know \"/checkin sometimes\".");
        bot.say(sam, "/checkin");
        bot.press(sam, "3");
        bot.press(sam, "3");
        bot.say(sam, "x".repeat(400));
        assertThat(bot.lastReply().text()).contains("only the first 280 characters");
        assertThat(store.notes(sam.id()).values()).containsExactly("x".repeat(280));
        assertThat(bot.gateway().sent()).noneMatch(m -> m.text().contains("Exception"));
    }

    @Test
    void whereNoDmIsPossibleOnlyAContentFreePointerGoesToTheGroup() {
        bot.say(sam, "/timezone UTC");
        bot.sayInGroup(sam, "/checkin on 10:00");
        bot.replies();
        bot.gateway().closeDirectMessages(sam.id());
        advanceTo("2026-03-08T10:00:00Z");
        List<OutboundMessage> sent = bot.replies();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).to()).isEqualTo(bot.group().id());
        assertThat(sent.get(0).text()).startsWith("I have a private reply for you. Open it here: https://t.me/")
                .doesNotContain("mood").doesNotContain("check-in");
    }

    @Test
    void promptsMoreThanThreeHoursLateAreSkippedNotSent() {
        optIn("UTC", "10:00");
        // The bot was down: nothing ran until 14:00 (4 hours late).
        clock.set(Instant.parse("2026-03-08T14:00:00Z"));
        bot.advance(Duration.ZERO);
        assertThat(to(sam)).isEmpty();
        assertThat(record().log().on(LocalDate.of(2026, 3, 8))).isEqualTo(DayLog.SKIPPED);
        advanceTo("2026-03-09T10:00:00Z");
        assertThat(only(sam)).contains("daily check-in");
    }

    @Test
    void groupSummaryOnlyCountsAndOnlyFromFive() {
        BotHarness.User kim = bot.moderator("7", "Kim");
        bot.sayInGroup(kim, "/checkin summary on");
        assertThat(bot.lastReply().text()).contains("only when at least 5 did");
        for (int i = 1; i <= 4; i++) {
            BotHarness.User m = bot.member("10" + i, "M" + i);
            bot.sayInGroup(m, "/checkin");
            bot.press(m, "3");
        }
        bot.replies();
        advanceTo("2026-03-08T21:00:00Z");
        assertThat(bot.replies()).as("four is too few to show").isEmpty();
        advanceTo("2026-03-09T12:00:00Z");
        for (int i = 1; i <= 5; i++) {
            BotHarness.User m = bot.member("10" + i, "M" + i);
            bot.sayInGroup(m, "/checkin");
            bot.press(m, "4");
            bot.press(m, "4"); // twice: counted once
        }
        bot.replies();
        advanceTo("2026-03-09T21:00:00Z");
        List<OutboundMessage> posts = bot.replies();
        assertThat(posts).hasSize(1);
        assertThat(posts.get(0).to()).isEqualTo(bot.group().id());
        assertThat(posts.get(0).text()).isEqualTo("5 members checked in today. Every check-in counts; keep going, "
                + "together.");
    }

    @Test
    void aGroupSummaryRunAgainAfterACrashIsNotPostedTwice() {
        BotHarness.User kim = bot.moderator("7", "Kim");
        bot.sayInGroup(kim, "/checkin summary on");
        for (int i = 1; i <= 5; i++) {
            BotHarness.User m = bot.member("10" + i, "M" + i);
            bot.sayInGroup(m, "/checkin");
            bot.press(m, "4");
        }
        bot.replies();
        bot.gateway().crashAfterSends(1);

        assertThatThrownBy(() -> advanceTo("2026-03-08T21:00:00Z")).isInstanceOf(FakeChatGateway.SimulatedCrash.class);
        advanceTo("2026-03-08T21:05:00Z"); // the lease ran out: the summary item runs again

        assertThat(bot.replies()).singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("5 members checked in today."));
    }

    @Test
    void moderatorSettingsAreForModeratorsInTheGroup() {
        bot.sayInGroup(sam, "/checkin default 07:30");
        assertThat(bot.lastReply().text()).startsWith("Only moderators of this group");
        BotHarness.User kim = bot.moderator("7", "Kim");
        bot.sayInGroup(kim, "/checkin default 07:30");
        bot.say(sam, "/timezone UTC");
        bot.sayInGroup(sam, "/checkin on");
        assertThat(bot.lastReply().text()).contains("07:30 (UTC)");
        bot.say(sam, "/checkin off");
        bot.say(sam, "/checkin on");
        assertThat(bot.lastReply().text()).as("in a DM: the member's community's default").contains("07:30 (UTC)");
    }

    @Test
    void moderatorSettingsSentPrivatelySayFirstWhereTheyBelong() {
        bot.say(sam, "/checkin SUMMARY on");
        assertThat(bot.lastReply().text()).isEqualTo("Send this in the group it is for.\nUsage: /checkin "
                + "[on [HH:MM] | off | nudges on|off | weekly on|off | mentor <name>|off]");
        bot.sayInGroup(sam, "/checkin summary on");
        assertThat(bot.lastReply().text()).startsWith("Only moderators of this group can change its check-in settings."
                + "\nUsage: /checkin ");
        assertThat(store.community(bot.group().community())).isEmpty();
    }

    @Test
    void offStopsPrompts() {
        optIn("UTC", "10:00");
        bot.say(sam, "/checkin off");
        bot.replies();
        advanceTo("2026-03-10T12:00:00Z");
        assertThat(to(sam)).isEmpty();
        assertThat(store.indexed()).isZero();
    }

    @Test
    void restartMidWaveLosesNoPromptAndSendsNoneTwice() {
        FakeChatGateway first = FakeChatGateway.telegram();
        BotHarness a = harness(first);
        for (int i = 0; i < 10; i++) {
            BotHarness.User m = a.member("20" + i, "M" + i);
            a.say(m, "/timezone UTC");
            a.say(m, "/checkin on 10:00");
        }
        first.clear();
        first.crashAfterSends(4);
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        assertThatThrownBy(() -> a.core().dueWorker().runDue()).isInstanceOf(FakeChatGateway.SimulatedCrash.class);
        assertThat(first.sent()).hasSize(4);

        FakeChatGateway second = FakeChatGateway.telegram();
        BotHarness b = harness(second); // a new process on the same stores; the wave's lease must expire first
        b.advance(Duration.ofMinutes(3));
        assertThat(second.sent()).hasSize(6);
        java.util.Set<String> everyone = new java.util.HashSet<>();
        first.sent().forEach(m -> everyone.add(m.to().value()));
        second.sent().forEach(m -> assertThat(everyone.add(m.to().value())).as("sent twice").isTrue());
        assertThat(everyone).hasSize(10);
    }

    @Test
    void aStoreOutageGetsAClearMessage() {
        BotHarness broken = BotHarness.builder().clock(clock).feature(new ProfileFeature())
                .feature(new CheckinFeature(new UnavailableStore(), MentorNotes.NONE, Duration.ofHours(3))).build();
        BotHarness.User kim = broken.member("5", "Kim");
        broken.say(kim, "/checkin on 20:00");
        assertThat(broken.lastReply().text()).isEqualTo("I can't reach my storage right now, so nothing was saved. "
                + "Please try again in a few minutes.");
    }

    /** A store whose every call fails as an unreachable Redis would. */
    private static final class UnavailableStore implements CheckinStore {
        private static RuntimeException down() {
            return new org.fellowship.core.port.StoreUnavailableException("down", null);
        }

        @Override
        public java.util.Optional<CheckinRecord> find(ChatUserId member) {
            throw down();
        }

        @Override
        public boolean replace(CheckinRecord expected, CheckinRecord updated, Instant nextEventAt) {
            throw down();
        }

        @Override
        public List<CheckinRecord> due(Instant now, int max) {
            throw down();
        }

        @Override
        public java.util.Optional<Instant> nextEventAt() {
            throw down();
        }

        @Override
        public void saveNote(ChatUserId member, LocalDate day, String note) {
            throw down();
        }

        @Override
        public java.util.Map<LocalDate, String> notes(ChatUserId member) {
            throw down();
        }

        @Override
        public long countCheckin(org.fellowship.core.model.CommunityId community, LocalDate day) {
            throw down();
        }

        @Override
        public long checkins(org.fellowship.core.model.CommunityId community, LocalDate day) {
            throw down();
        }

        @Override
        public java.util.Optional<CommunityCheckins> community(org.fellowship.core.model.CommunityId community) {
            throw down();
        }

        @Override
        public void saveCommunity(CommunityCheckins settings) {
            throw down();
        }

        @Override
        public java.util.Map<String, String> export(ChatUserId member) {
            throw down();
        }

        @Override
        public int erase(ChatUserId member) {
            throw down();
        }
    }
}
