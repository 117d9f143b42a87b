package org.fellowship.core.milestone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryMilestones;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Conversations with the milestone feature. The harness clock starts at Sunday 2026-03-08T09:00Z. */
class MilestoneFeatureTest {
    private final InMemoryMilestones store = new InMemoryMilestones();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final BotHarness bot = harness(new InMemoryDueQueue());
    private final BotHarness.User sam = bot.member("42", "Sam");
    private final BotHarness.User kim = bot.moderator("7", "Kim");

    private BotHarness harness(InMemoryDueQueue queue) {
        return BotHarness.builder().clock(clock).stores(null, null, null, queue).feature(new ProfileFeature())
                .feature(new MilestoneFeature(store)).build();
    }

    private OutboundMessage reply() {
        List<OutboundMessage> replies = bot.replies();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private String text() {
        return reply().text();
    }

    private MemberMilestones stored() {
        return store.find(sam.id()).orElseThrow();
    }

    @Nested
    class CleanDate {
        @Test
        void isoDateIsSetPrivatelyWithTheDayCount() {
            bot.say(sam, "/cleandate 2024-03-15");
            OutboundMessage r = reply();
            assertThat(r.text()).isEqualTo("Clean date set to 15 March 2024. Today is day 724 (1 year, 11 months). "
                    + "This stays private.");
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(stored().cleanDates()).containsEntry("main", LocalDate.of(2024, 3, 15));
        }

        @Test
        void unambiguousFormsAreUnderstood() {
            for (String form : List.of("15 March 2024", "March 15, 2024", "15th Mar 2024", "15/03/2024", "03/15/2024",
                    "15.03.2024", "mar 15 2024")) {
                bot.say(sam, "/cleandate " + form);
                assertThat(text()).as(form).startsWith("Clean date set to 15 March 2024.");
            }
            bot.say(sam, "/cleandate 04/04/2024");
            assertThat(text()).startsWith("Clean date set to 4 April 2024.");
        }

        @Test
        void ambiguousDatesAreRefusedWithAnExample() {
            bot.say(sam, "/cleandate 03/04/2024");
            assertThat(text()).isEqualTo("\"03/04/2024\" could be 3 April or 4 March. Please write it like 2024-03-15 "
                    + "or 15 March 2024.\nUsage: /cleandate [label] <date>");
            assertThat(store.find(sam.id())).isEmpty();
        }

        @Test
        void futureOldImpossibleAndNonsenseDatesGetAClearMessage() {
            bot.say(sam, "/cleandate 2026-03-09");
            assertThat(text()).startsWith("That date is in the future.");
            bot.say(sam, "/cleandate 1899-12-31");
            assertThat(text()).startsWith("Clean dates before 1900 aren't accepted.");
            bot.say(sam, "/cleandate 2025-02-29");
            assertThat(text()).startsWith("That date doesn't exist.");
            bot.say(sam, "/cleandate banana");
            assertThat(text()).startsWith("I couldn't read that as a date. Please write it like 2024-03-15");
            bot.say(sam, "/cleandate 15 Marchember 2024");
            assertThat(text()).startsWith("I don't know the month \"marchember\"");
            bot.say(sam, "/cleandate");
            assertThat(text()).startsWith("Tell me the date your clean time started");
            bot.say(sam, "/cleandate <b>x</b> 2024-01-01");
            assertThat(text()).startsWith("A label is one word");
            assertThat(store.find(sam.id())).isEmpty();
        }

        @Test
        void todayIsDayOneAndTheFutureDependsOnTheMembersZone() {
            bot.say(sam, "/cleandate today");
            assertThat(text()).isEqualTo("Clean date set to 8 March 2026. Today is day 1. Today is "
                    + "a milestone: 1 day! This stays private.");
            clock.advance(Duration.ofHours(2)); // 11:00Z: already 9 March in Kiritimati (UTC+14)
            bot.say(sam, "/cleandate 2026-03-09");
            assertThat(text()).startsWith("That date is in the future.");
            bot.say(sam, "/timezone Pacific/Kiritimati");
            bot.replies();
            bot.say(sam, "/cleandate 2026-03-09");
            assertThat(text()).startsWith("Clean date set to 9 March 2026. Today is day 1");
        }

        @Test
        void labelsKeepSeveralDates() {
            bot.say(sam, "/cleandate alcohol 2024-03-15");
            bot.say(sam, "/cleandate gambling 2 January 2025");
            bot.replies();
            bot.say(sam, "/cleantime");
            assertThat(text()).isEqualTo("Your clean time:\n"
                    + "alcohol: day 724 (1 year, 11 months) since 15 March 2024. Next: 2 years on "
                    + "15 March 2026 (in 7 days)\n"
                    + "gambling: day 431 (1 year, 2 months) since 2 January 2025. Next: 18 months on "
                    + "2 July 2026 (in 116 days)");
        }
    }

    @Nested
    class CleanTimeCommand {
        @Test
        void withoutADateItSaysHowToSetOne() {
            bot.say(sam, "/cleantime");
            assertThat(text()).isEqualTo("You haven't set a clean date yet. Set one with /cleandate 2024-03-15.");
        }

        @Test
        void aMonthAfterTheThirtyFirstIsAWholeMonthOnTheLastDayOfFebruary() {
            clock.set(Instant.parse("2026-02-28T12:00:00Z"));
            bot.say(sam, "/cleandate 2026-01-31");
            bot.replies();
            bot.say(sam, "/cleantime");
            assertThat(text()).startsWith("Your clean time:\nday 29 (1 month) since 31 January 2026. "
                    + "Next: 30 days on 1 March 2026 (tomorrow)");
        }

        @Test
        void inAGroupItRepliesPrivatelyUnlessTheMemberShares() {
            bot.say(sam, "/cleandate 2024-03-15");
            bot.replies();
            bot.sayInGroup(sam, "/cleantime");
            OutboundMessage r = reply();
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.to()).isEqualTo(new ConversationId(sam.id().platform(), "42"));
            assertThat(r.text()).contains("15 March 2024");

            bot.sayInGroup(sam, "/milestones announce on");
            bot.replies();
            bot.sayInGroup(sam, "/cleantime");
            r = reply();
            assertThat(r.delivery()).isEqualTo(Delivery.PUBLIC);
            assertThat(r.to()).isEqualTo(bot.group().id());
            assertThat(r.text()).isEqualTo("Sam's clean time:\nday 724 (1 year, 11 months)")
                    .doesNotContain("2024");
        }
    }

    @Nested
    class Settings {
        @Test
        void announceNeedsAGroupAndCanBeTurnedOff() {
            bot.say(sam, "/milestones announce on");
            assertThat(text()).startsWith("Send /milestones announce on in the group");
            bot.sayInGroup(sam, "/milestones announce on");
            OutboundMessage r = reply();
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.text()).startsWith("Your milestones will be celebrated in this group as \"Sam\"");
            assertThat(stored().announcements().group()).isEqualTo(bot.group().id());
            bot.say(sam, "/milestones announce off");
            assertThat(text()).startsWith("Milestone announcements are off.");
            assertThat(stored().announcements()).isNull();
            bot.say(sam, "/milestones announce maybe");
            assertThat(text()).startsWith("Say on or off");
            bot.say(sam, "/milestones dance");
            assertThat(text()).startsWith("Try /milestones announce on");
        }

        @Test
        void showsAndChangesTheLadder() {
            bot.say(sam, "/milestones");
            assertThat(text()).startsWith("Ladder: default (1 day, 30 days, 60 days, 90 days, 6 months, 9 months, "
                    + "1 year, 18 months, then every year). Milestones are private");
            bot.say(sam, "/milestones ladder aa");
            assertThat(text()).isEqualTo("You now follow the AA chips (1 day, 1 month, 2 months, 3 months, 6 months, "
                    + "9 months, 1 year, 18 months, then every year).");
            bot.say(sam, "/milestones ladder NA");
            assertThat(text()).startsWith("You now follow the NA key tags");
            assertThat(stored().ladder()).isEqualTo(LadderChoice.NA);
            bot.say(sam, "/milestones ladder fancy");
            assertThat(text()).startsWith("I know the ladders default, aa, na and custom");
            bot.say(sam, "/milestones ladder default");
            assertThat(text()).startsWith("You now follow the default");
        }

        @Test
        void customLadderIsSetByModeratorsOnly() {
            bot.sayInGroup(sam, "/milestones ladder custom");
            assertThat(text()).startsWith("This group has no custom ladder yet");
            bot.say(sam, "/milestones ladder custom");
            assertThat(text()).startsWith("Choose the custom ladder in the group");
            bot.sayInGroup(sam, "/milestoneladder 1d 7d");
            assertThat(text()).isEqualTo("/milestoneladder is for moderators of this group.");
            bot.sayInGroup(kim, "/milestoneladder 7d, 1d 100d 6m wombat");
            assertThat(text()).startsWith("\"wombat\" isn't a step.");
            bot.sayInGroup(kim, "/milestoneladder");
            assertThat(text()).startsWith("List the steps");
            bot.sayInGroup(kim, "/milestoneladder 7d, 1d 100d 6m");
            assertThat(text()).isEqualTo("Custom ladder set: 1 day, 7 days, 100 days, 6 months, then every year. "
                    + "Members can pick it with /milestones ladder custom.");
            bot.sayInGroup(sam, "/milestones ladder custom");
            assertThat(text()).startsWith("You now follow the custom (1 day, 7 days, 100 days, 6 months, then every");
            bot.sayInGroup(kim, "/milestonemorning 25");
            assertThat(text()).startsWith("Give an hour from 0 to 23");
            bot.sayInGroup(kim, "/milestonemorning 7");
            assertThat(text()).startsWith("Milestones will be celebrated at 07:00");
        }
    }

    @Nested
    class Reset {
        @Test
        void asksThenWelcomesBackKeepsHistoryAndPostsNothingPublicly() {
            bot.say(sam, "/cleandate 2024-03-15");
            bot.sayInGroup(sam, "/milestones announce on");
            bot.replies();
            bot.sayInGroup(sam, "/reset");
            OutboundMessage ask = reply();
            assertThat(ask.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(ask.text()).startsWith("Start your clean time again from today?");
            assertThat(ask.allButtons()).extracting(b -> b.label()).containsExactly("Yes, start again today", "Cancel");
            bot.press(sam, "Yes, start again today");
            OutboundMessage welcome = reply();
            assertThat(welcome.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(welcome.text()).isEqualTo("Welcome back, Sam. Coming back is what recovery looks like, and "
                    + "we're glad you're here. Today is day 1. Your earlier 724 days still count and are kept "
                    + "privately in your history.");
            assertThat(stored().cleanDates()).containsEntry("main", LocalDate.of(2026, 3, 8));
            assertThat(stored().history()).containsExactly(
                    new PastCleanDate("main", LocalDate.of(2024, 3, 15), LocalDate.of(2026, 3, 8)));
            // The old date's 2-year milestone (15 March) is cancelled: a week passes with no message at all.
            bot.advance(Duration.ofDays(8));
            assertThat(bot.replies()).isEmpty();
            assertThat(bot.gateway().sent()).noneMatch(m -> m.to().equals(bot.group().id()));
        }

        @Test
        void cancelChangesNothingAndAStaleButtonIsRefused() {
            bot.say(sam, "/cleandate alcohol 2024-03-15");
            bot.replies();
            bot.say(sam, "/reset alcohol");
            assertThat(text()).startsWith("Start your clean time for alcohol again from today?");
            bot.press(sam, "Cancel");
            assertThat(text()).isEqualTo("Okay, nothing changed.");
            bot.say(sam, "/cleandate alcohol 2025-03-15");
            bot.replies();
            bot.press(sam, "Yes, start again today");
            assertThat(text()).startsWith("That question is out of date; nothing changed.");
            assertThat(stored().cleanDates()).containsEntry("alcohol", LocalDate.of(2025, 3, 15));
            assertThat(stored().history()).isEmpty();
        }

        @Test
        void unknownLabelsAndNoDate() {
            bot.say(sam, "/reset");
            assertThat(text()).startsWith("You haven't set a clean date yet.");
            bot.say(sam, "/cleandate alcohol 2024-03-15");
            bot.replies();
            bot.say(sam, "/reset cannabis");
            assertThat(text()).startsWith("You have no clean date called \"cannabis\". Yours: alcohol.");
        }
    }

    @Nested
    class Celebrations {
        @Test
        void privateCongratulationAlwaysAndGroupAnnouncementOnlyWhenOptedIn() {
            bot.say(sam, "/cleandate 2026-02-08"); // day 29 today; day 30 is 9 March
            bot.replies();
            bot.advance(Duration.ofDays(1));
            OutboundMessage congrats = reply();
            assertThat(congrats.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(congrats.text()).isEqualTo("Congratulations on 30 days clean today! One day at a time, and it "
                    + "adds up. Proud of you.");
            assertThat(bot.clock().instant()).isEqualTo(Instant.parse("2026-03-09T09:00:00Z"));
            assertThat(bot.core().context().dueQueue().size()).as("60 days is queued next").isEqualTo(1);

            bot.sayInGroup(sam, "/milestones announce on");
            bot.replies();
            bot.advance(Duration.ofDays(30)); // 60 days on 8 April
            List<OutboundMessage> sent = bot.replies();
            assertThat(sent).extracting(OutboundMessage::text).containsExactly(
                    "Congratulations on 60 days clean today! One day at a time, and it adds up. Proud of you.",
                    "Let's celebrate: Sam reaches 60 days today!");
            assertThat(sent.get(1).to()).isEqualTo(bot.group().id());
            assertThat(sent.get(1).delivery()).isEqualTo(Delivery.PUBLIC);
        }

        @Test
        void dueAtTheMembersLocalMorningAcrossDaylightSaving() {
            bot.say(sam, "/timezone America/New_York"); // DST starts 8 March 2026: 9 March 09:00 EDT is 13:00Z
            bot.say(sam, "/cleandate 2026-02-08");
            bot.replies();
            bot.advance(Duration.between(clock.instant(), Instant.parse("2026-03-09T12:59:00Z")));
            assertThat(bot.replies()).isEmpty();
            bot.advance(Duration.ofMinutes(1));
            assertThat(text()).startsWith("Congratulations on 30 days");
        }

        @Test
        void theCommunityMorningHourAndLabelsAreUsed() {
            bot.sayInGroup(kim, "/milestonemorning 7");
            bot.say(sam, "/cleandate gambling 2025-09-09"); // 6 months on 9 March
            bot.sayInGroup(sam, "/milestones announce on");
            bot.replies();
            bot.advance(Duration.between(clock.instant(), Instant.parse("2026-03-09T07:00:00Z")));
            assertThat(bot.replies()).extracting(OutboundMessage::text).containsExactly(
                    "Congratulations on 6 months (gambling) clean today! One day at a time, and it adds up. Proud of "
                            + "you.", "Let's celebrate: Sam reaches 6 months today!");
        }

        @Test
        void theFirstDayIsNeverAnnouncedInTheGroup() {
            bot.sayInGroup(sam, "/milestones announce on");
            clock.set(Instant.parse("2026-03-08T05:00:00Z"));
            bot.say(sam, "/cleandate yesterday");
            bot.say(sam, "/cleandate 2026-03-08");
            bot.replies();
            bot.advance(Duration.ofDays(2));
            assertThat(bot.replies()).isEmpty();
        }

        @Test
        void exactlyOnceEvenWhenTheQueueRunsTheItemAgainAfterARestart() {
            bot.sayInGroup(sam, "/milestones announce on");
            bot.say(sam, "/cleandate 2026-02-08");
            bot.replies();
            bot.advance(Duration.ofDays(1));
            assertThat(bot.replies()).hasSize(2);

            // A crash after sending but before completing: another instance (fresh queue, same store) runs it again.
            InMemoryDueQueue queue = new InMemoryDueQueue();
            BotHarness other = harness(queue);
            MilestoneScheduler.Target target = MilestoneScheduler.KIND.codec().decode("tg|42|main|2026-02-08|30d");
            String id = target.id();
            assertThat(id).startsWith("ms:tg:42:").doesNotContain("main").doesNotContain("2026");
            assertThat(bot.core().context().dueQueue().isDone(id)).as("same key as the first run").isTrue();
            queue.schedule(MilestoneScheduler.KIND.item(id, clock.instant(), target));
            other.advance(Duration.ofMinutes(1));
            assertThat(other.replies()).isEmpty();
            assertThat(queue.isDone(id)).isTrue();
        }

        @Test
        void aChangedLadderReplacesTheQueuedMilestone() {
            bot.say(sam, "/cleandate 2026-02-08");
            bot.say(sam, "/milestones ladder aa"); // AA: 1 month on 8 March (today, passed), 2 months on 8 April
            bot.replies();
            bot.advance(Duration.ofDays(2));
            assertThat(bot.replies()).as("no 30-day chip on the AA ladder").isEmpty();
            bot.advance(Duration.ofDays(30));
            assertThat(text()).startsWith("Congratulations on 2 months (2-month chip) clean today!");
        }
    }
}
