package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.meeting.feed.FeedException;
import org.fellowship.core.meeting.feed.FeedSource;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class MeetingsFeatureTest {
    /** What an import answers first when the feed names no zone and the group set none. */
    static final String IN_UTC = "This feed names no time zone; its times are read as UTC: set /meetings zone "
            + "<Area/City> and import again if that is wrong. ";
    private static final String IN_CHICAGO = "This feed names no time zone; its times are read as America/Chicago, "
            + "this group's zone (/meetings zone <Area/City> and import again to change it). ";
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private final InMemoryMeetingStore store = new InMemoryMeetingStore(MutableClock.at("2026-03-09T08:00:00Z"));
    private final List<String> fetched = new ArrayList<>();
    private String feedToServe = "[]";

    private BotHarness bot(String at) {
        FeedSource source = url -> {
            fetched.add(url);
            return feedToServe;
        };
        return BotHarness.builder().clock(MutableClock.at(at)).feature(new ProfileFeature())
                .feature(new MeetingsFeature(store, source)).build();
    }

    private static String text(BotHarness bot) {
        List<OutboundMessage> replies = bot.replies();
        assertThat(replies).isNotEmpty();
        return replies.get(replies.size() - 1).text();
    }

    @Test
    void moderatorAddsAndMembersSeeTheWeekInTheirOwnZone() {
        BotHarness bot = bot("2026-03-09T08:00:00Z"); // Monday
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 Europe/Berlin | 90 | https://meet.example/ss | o,d");
        assertThat(text(bot)).isEqualTo("Added Step Study [step-study]: Mon, Thu 19:30 Europe/Berlin, 90 min.");
        bot.say(sam, "/timezone America/New_York");
        bot.replies();

        bot.sayInGroup(sam, "/meetings");
        assertThat(text(bot)).isEqualTo("""
                Meetings in the next 7 days (times in America/New_York):
                Mon 9 Mar
                  14:30 Step Study [step-study] https://meet.example/ss
                Thu 12 Mar
                  14:30 Step Study [step-study] https://meet.example/ss""");

        bot.sayInGroup(sam, "/meeting step study");
        assertThat(text(bot)).isEqualTo("""
                Step Study
                Mon, Thu 19:30-21:00 Europe/Berlin
                Next: Mon 9 Mar 14:30 your time (America/New_York)
                Online: https://meet.example/ss
                Types: O, D
                Going: 0
                Reminders: /remind step-study 15m
                Calendar file: /meetings ics step-study""");
    }

    @Test
    void todayIncludesAMeetingInProgressAndListsInTheViewersDay() {
        BotHarness bot = bot("2026-03-09T18:45:00Z");
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 Europe/Berlin | 90");
        bot.sayInGroup(mod, "/meetings add Late | daily | 23:30 UTC | 30 | Hall 2");
        bot.replies();
        bot.sayInGroup(mod, "/meetings today");
        assertThat(text(bot)).isEqualTo("""
                Meetings today (times in UTC):
                Mon 9 Mar
                  18:30 Step Study (now) [step-study]
                  23:30 Late [late]""");
    }

    @Test
    void onlyModeratorsChangeMeetings() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(sam, "/meetings add X | mon | 19:00");
        assertThat(text(bot)).isEqualTo("/meetings add is for moderators of this group.");
        bot.sayInGroup(sam, "/meetings import https://example.org/feed.json");
        assertThat(text(bot)).isEqualTo("/meetings import is for moderators of this group.");
        assertThat(store.meetings(GROUP)).isEmpty();
        assertThat(fetched).isEmpty();
        bot.sayInGroup(sam, "/meetings");
        assertThat(text(bot)).startsWith("No meetings are scheduled here yet.");
    }

    @Test
    void badInputGetsOneClearLine() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add X | mon | 25:00");
        assertThat(text(bot)).startsWith("\"25:00\" is not a time; write 24-hour HH:MM such as 19:30.");
        bot.sayInGroup(mod, "/meetings add X | funday | 19:00");
        assertThat(text(bot)).startsWith("\"funday\" is not a weekday");
        bot.sayInGroup(mod, "/meetings add X | mon | 19:00 Mars/Olympus");
        assertThat(text(bot)).startsWith("I don't know the time zone \"Mars/Olympus\".");
        bot.sayInGroup(mod, "/meetings add X | mon");
        assertThat(text(bot)).startsWith("Write it as: /meetings add Name");
        bot.sayInGroup(mod, "/meeting " + "x".repeat(500));
        assertThat(text(bot)).startsWith("That is too long for a meeting name.");
        bot.sayInGroup(mod, "/meeting nothing");
        assertThat(text(bot)).startsWith("I don't know a meeting called \"nothing\".");
        var sam = bot.member("42", "Sam");
        bot.say(sam, "/meetings");
        assertThat(text(bot)).startsWith("Meetings belong to a group");
        assertThat(store.meetings(GROUP)).isEmpty();
    }

    @Test
    void reimportingMeetingsWithCollidingSlugsUpdatesThemAndReportsIgnoredEndTimes() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        String feed = "[{\"id\": 11, \"name\": \"Daily Online\", \"day\": 0, \"time\": \"12:00\"},"
                + " {\"id\": 12, \"name\": \"Daily Online\", \"day\": 1, \"time\": \"12:00\"},"
                + " {\"id\": 13, \"name\": \"Daily Online\", \"day\": 2, \"time\": \"12:15\", \"end_time\": \"01:15\"}]";
        bot.sayInGroup(mod, "/meetings import " + feed);
        assertThat(text(bot)).isEqualTo(IN_UTC + "Imported 3, skipped 0, updated 0. Warnings: 1 (end time before start, "
                + "ignored).");
        List<String> slugs = store.meetings(GROUP).stream().map(Meeting::slug).sorted().toList();
        assertThat(slugs).hasSize(3);

        bot.sayInGroup(mod, "/meetings import " + feed.replace("12:00", "12:30"));
        assertThat(text(bot)).as("the same entries update in place")
                .isEqualTo(IN_UTC + "Imported 0, skipped 0, updated 2, unchanged 1. Warnings: 1 (end time before "
                        + "start, ignored).");
        assertThat(store.meetings(GROUP).stream().map(Meeting::slug).sorted().toList()).isEqualTo(slugs);

        bot.sayInGroup(mod, "/meeting daily online");
        assertThat(text(bot)).as("several meetings share the name: none is picked at random")
                .startsWith("3 meetings are called Daily Online. Name one by its id: Daily Online [");
        bot.sayInGroup(mod, "/meeting " + slugs.get(2));
        assertThat(text(bot)).as("an id names exactly one").startsWith("Daily Online");
    }

    @Test
    void importReportsCountsAndChangesAndAMalformedFeedChangesNothing() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings zone America/Chicago");
        assertThat(text(bot)).isEqualTo("Meetings here now default to America/Chicago.");
        feedToServe = SharedFeeds.read("times.json");
        bot.sayInGroup(mod, "/meetings import https://example.org/times.json");
        assertThat(text(bot)).isEqualTo(IN_CHICAGO + "Imported 8, skipped 1 (no time), updated 0.");
        assertThat(store.feedUrl(GROUP)).contains("https://example.org/times.json");
        assertThat(store.meeting(GROUP, "monday-7pm").orElseThrow().zone().getId()).isEqualTo("America/Chicago");

        bot.sayInGroup(mod, "/meetings import https://example.org/times.json");
        assertThat(text(bot)).isEqualTo(IN_CHICAGO + "Imported 0, skipped 1 (no time), updated 0, unchanged 8.");

        bot.sayInGroup(mod, "/meetings import [{\"slug\": \"monday-7pm\", \"name\": \"Monday 7pm\", \"day\": 1, "
                + "\"time\": \"19:15\"}, {\"slug\": \"new\", \"name\": \"New\", \"day\": \"2\", \"time\": \"08:00\"}]");
        assertThat(text(bot)).as("the feed is the source of truth: meetings it no longer lists leave")
                .isEqualTo(IN_CHICAGO + "Imported 1, skipped 0, updated 1, removed 7.");

        List<Meeting> before = store.meetings(GROUP);
        feedToServe = SharedFeeds.read("invalid.json");
        bot.sayInGroup(mod, "/meetings import https://example.org/invalid.json");
        String error = text(bot);
        assertThat(error).startsWith("That feed is not valid JSON at line ").endsWith("Nothing was changed.")
                .doesNotContain("\n").doesNotContain("Exception");
        assertThat(store.meetings(GROUP)).isEqualTo(before);
        assertThat(store.feedUrl(GROUP)).contains("https://example.org/times.json");
    }

    @Test
    void theFeedUrlIsRefreshedDailyAndTheGroupHearsOfChanges() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add By Hand | fri | 18:00");
        feedToServe = "[{\"slug\": \"a\", \"name\": \"A\", \"day\": 1, \"time\": \"19:00\"},"
                + "{\"slug\": \"b\", \"name\": \"B\", \"day\": 2, \"time\": \"19:00\"}]";
        bot.sayInGroup(mod, "/meetings import https://example.org/feed.json");
        assertThat(text(bot)).isEqualTo(IN_UTC + "Imported 2, skipped 0, updated 0.");

        bot.advance(Duration.ofDays(1));
        assertThat(bot.replies()).as("no change, no message").isEmpty();
        assertThat(fetched).hasSize(2);

        feedToServe = "[{\"slug\": \"a\", \"name\": \"A\", \"day\": 1, \"time\": \"19:30\"},"
                + "{\"slug\": \"c\", \"name\": \"C\", \"day\": 3, \"time\": \"07:00\"}]";
        bot.advance(Duration.ofDays(1));
        List<OutboundMessage> sent = bot.replies();
        assertThat(sent).extracting(OutboundMessage::text)
                .containsExactly("Meeting feed refreshed: imported 1, skipped 0, updated 1, removed 1.");
        assertThat(sent.get(0).to()).isEqualTo(bot.group().id());
        assertThat(store.meetings(GROUP)).extracting(Meeting::slug).containsExactly("a", "by-hand", "c");

        feedToServe = "{broken";
        bot.advance(Duration.ofDays(1));
        assertThat(bot.replies()).isEmpty();
        assertThat(store.meetings(GROUP)).hasSize(3);
        assertThat(fetched).hasSize(4);
        bot.advance(Duration.ofDays(1));
        assertThat(fetched).as("still refreshing daily after a failure").hasSize(5);
    }

    @Test
    void importOfTheEdmontonFeed() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        feedToServe = SharedFeeds.read("edmonton.json");
        bot.sayInGroup(mod, "/meetings import https://edmontonaa.org/meetings.json");
        assertThat(text(bot)).isEqualTo(IN_UTC + "Imported 315, skipped 0, updated 0.");
        bot.sayInGroup(mod, "/meetings");
        String week = text(bot);
        assertThat(week).contains("...and ").contains(" more.");
        assertThat(week.lines().filter(l -> l.startsWith("  ")).count()).isEqualTo(MeetingListing.MAX_LISTED);
    }

    /**
     * A feed server that answers only when the test opens the gate; fetches run on a thread of their own, as the app's
     * do. A fetch still waiting after 10 s gives up, so a handler that waits for it cannot hang the test.
     */
    private final class SlowFeed implements FeedSource {
        volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors
                .newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "slow-feed");
                    t.setDaemon(true);
                    return t;
                });

        @Override
        public String fetch(String url) {
            fetched.add(url);
            running.incrementAndGet();
            return serve();
        }

        // no @Override: the same fake compiled against the port before fetchAsync existed
        public java.util.concurrent.CompletableFuture<String> fetchAsync(String url) {
            fetched.add(url);
            running.incrementAndGet();
            return java.util.concurrent.CompletableFuture.supplyAsync(this::serve, thread);
        }

        private String serve() {
            try {
                if (!gate.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new FeedException("The feed server did not send the whole feed within 10 s.");
                }
                return feedToServe;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FeedException("interrupted");
            } finally {
                running.decrementAndGet();
            }
        }
    }

    /** Bounded wait for messages sent from the feed's thread. */
    private static void awaitSent(BotHarness bot, int count) {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (bot.gateway().sent().size() < count && System.nanoTime() < end) {
            Thread.onSpinWait();
        }
        assertThat(bot.gateway().sent()).hasSizeGreaterThanOrEqualTo(count);
    }

    @Test
    void aSlowFeedServerHoldsNeitherTheModeratorsConversationNorScheduledWork() {
        SlowFeed slow = new SlowFeed();
        BotHarness bot = BotHarness.builder().clock(MutableClock.at("2026-03-09T08:00:00Z"))
                .feature(new MeetingsFeature(store, slow)).build();
        var mod = bot.moderator("1", "Mo");
        feedToServe = "[{\"slug\": \"a\", \"name\": \"A\", \"day\": 1, \"time\": \"19:00\"}]";

        bot.sayInGroup(mod, "/meetings import https://example.org/feed.json");
        OutboundMessage first = bot.replies().get(0);
        assertThat(first.text()).as("answered before the server has sent anything")
                .isEqualTo("Fetching the feed; I'll post the result here when it's done.");
        assertThat(store.meetings(GROUP)).isEmpty();

        slow.gate.countDown();
        awaitSent(bot, 2);
        OutboundMessage result = bot.replies().get(0);
        assertThat(result.text()).isEqualTo(IN_UTC + "Imported 1, skipped 0, updated 0.");
        assertThat(result.to()).isEqualTo(bot.group().id());
        assertThat(result.replyTo()).as("answers the command").isEqualTo(first.replyTo()).isNotNull();
        assertThat(store.feedUrl(GROUP)).contains("https://example.org/feed.json");

        // the daily refresh: the scheduler hands the fetch over and goes on with other work at once
        slow.gate = new java.util.concurrent.CountDownLatch(1);
        feedToServe = "[{\"slug\": \"a\", \"name\": \"A\", \"day\": 1, \"time\": \"20:00\"}]";
        bot.advance(Duration.ofDays(1));
        assertThat(fetched).hasSize(2);
        assertThat(slow.running.get()).as("the refresh is still fetching after the scheduler returned").isEqualTo(1);
        assertThat(bot.replies()).isEmpty();

        slow.gate.countDown();
        awaitSent(bot, 3);
        assertThat(bot.replies()).extracting(OutboundMessage::text)
                .containsExactly("Meeting feed refreshed: imported 0, skipped 0, updated 1.");
        assertThat(store.meeting(GROUP, "a").orElseThrow().start()).hasToString("20:00");
    }

    @Test
    void aFeedThatFailsLaterIsReportedInTheSameChat() {
        SlowFeed slow = new SlowFeed();
        BotHarness bot = BotHarness.builder().clock(MutableClock.at("2026-03-09T08:00:00Z"))
                .feature(new MeetingsFeature(store, slow)).build();
        feedToServe = "{broken";
        bot.sayInGroup(bot.moderator("1", "Mo"), "/meetings import https://example.org/feed.json");
        bot.replies();
        slow.gate.countDown();
        awaitSent(bot, 2);
        assertThat(bot.replies()).singleElement().satisfies(m -> assertThat(m.text())
                .startsWith("That feed is not valid JSON").endsWith("Nothing was changed."));
        assertThat(store.feedUrl(GROUP)).isEmpty();
    }

    @Test
    void fetchFailureIsShownAsItsOneLine() {
        FeedSource failing = url -> {
            throw new FeedException("The feed server answered HTTP 404.");
        };
        BotHarness bot = BotHarness.builder().clock(MutableClock.at("2026-03-09T08:00:00Z"))
                .feature(new MeetingsFeature(store, failing)).build();
        bot.sayInGroup(bot.moderator("1", "Mo"), "/meetings import https://example.org/x.json");
        assertThat(text(bot)).isEqualTo("The feed server answered HTTP 404.");
    }

    @Test
    void remindersComeOncePerOccurrenceAcrossADstChange() {
        // Europe/Berlin springs forward on Sunday 29 March 2026 (01:00 UTC).
        BotHarness bot = bot("2026-03-20T12:00:00Z");
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(mod, "/meetings add Weekend Sharing | sat,sun | 10:00 Europe/Berlin | 60 | https://meet.example/ws");
        bot.say(sam, "/timezone Europe/Berlin");
        bot.replies();

        bot.sayInGroup(sam, "/remind weekend sharing 15m");
        OutboundMessage confirm = bot.replies().get(0);
        assertThat(confirm.delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(confirm.text()).isEqualTo("I'll DM you 15 min before each Weekend Sharing. First reminder: "
                + "Sat 21 Mar 09:45 your time (Europe/Berlin). Stop with /remind weekend-sharing off");
        bot.sayInGroup(sam, "/remind weekend sharing 15m"); // again: still one reminder per occurrence
        bot.replies();

        List<Instant> sentAt = new ArrayList<>();
        for (int i = 0; i < 11 * 24 * 4; i++) { // to 31 March 12:00 UTC in 15-minute steps
            bot.advance(Duration.ofMinutes(15));
            for (OutboundMessage m : bot.replies()) {
                assertThat(m.recipient()).isEqualTo(sam.id());
                assertThat(m.text()).startsWith("Reminder: Weekend Sharing starts in 15 min (10:00 your time, ")
                        .endsWith("). Join: https://meet.example/ws");
                sentAt.add(bot.clock().instant());
            }
        }
        assertThat(sentAt).containsExactly(
                Instant.parse("2026-03-21T08:45:00Z"), Instant.parse("2026-03-22T08:45:00Z"),
                Instant.parse("2026-03-28T08:45:00Z"), Instant.parse("2026-03-29T07:45:00Z"));
    }

    @Test
    void unsubscribingOrRemovingTheMeetingStopsReminders() {
        BotHarness bot = bot("2026-03-20T12:00:00Z");
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        var kim = bot.member("43", "Kim");
        bot.sayInGroup(mod, "/meetings add Daily Reflection | daily | 18:00 UTC");
        bot.sayInGroup(sam, "/remind daily reflection 1h");
        bot.sayInGroup(kim, "/remind daily 30");
        bot.replies();
        bot.advance(Duration.ofHours(6));
        assertThat(bot.replies()).extracting(OutboundMessage::recipient).containsExactly(sam.id(), kim.id());

        bot.sayInGroup(sam, "/remind daily reflection off");
        assertThat(text(bot)).isEqualTo("Reminders for Daily Reflection are off.");
        bot.advance(Duration.ofDays(1));
        assertThat(bot.replies()).extracting(OutboundMessage::recipient).containsExactly(kim.id());

        bot.sayInGroup(mod, "/meetings remove daily reflection");
        assertThat(text(bot)).isEqualTo("Removed Daily Reflection [daily-reflection]. Its reminders stop too.");
        bot.advance(Duration.ofDays(2));
        assertThat(bot.replies()).isEmpty();
        assertThat(bot.core().context().dueQueue().size()).isZero();
    }

    @Test
    void rsvpButtonCountsMembersAndTogglesWithoutNames() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        var kim = bot.member("43", "Kim");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(sam, "/meeting step");
        assertThat(bot.lastReply().allButtons()).extracting(b -> b.label()).containsExactly("I'm going (0)");
        bot.replies();
        bot.press(sam, "I'm going (0)");
        OutboundMessage answer = bot.replies().get(0);
        assertThat(answer.delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(answer.text()).isEqualTo("See you at Step Study on Mon 9 Mar 19:30 your time. Going: 1. "
                + "Press again if your plans change.");

        bot.sayInGroup(kim, "/meeting step");
        assertThat(bot.lastReply().allButtons()).extracting(b -> b.label()).containsExactly("I'm going (1)");
        bot.press(kim, "I'm going (1)");
        assertThat(bot.lastReply().text()).contains("Going: 2.").doesNotContain("Sam");
        bot.press(sam, "I'm going (0)");
        assertThat(bot.lastReply().text()).isEqualTo("OK, you're no longer down for Step Study on Mon 9 Mar 19:30 "
                + "your time. Going: 1.");
        assertThat(store.going(GROUP, "step-study", Instant.parse("2026-03-09T19:30:00Z"))).isEqualTo(1);

        bot.advance(Duration.ofHours(13));
        bot.replies();
        bot.press(kim, "I'm going (1)");
        assertThat(bot.lastReply().text()).isEqualTo("That meeting is over or no longer scheduled.");
    }

    @Test
    void namesOfThoseGoingAreShownOnlyForMembersWhoAgreed() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        var kim = bot.member("43", "Kim");
        var lee = bot.member("44", "Lee");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(sam, "/meetings names on");
        assertThat(bot.lastReply().delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(bot.lastReply().text()).contains("will see your name");
        bot.sayInGroup(sam, "/meeting step");
        bot.press(sam, "I'm going (0)");
        bot.sayInGroup(kim, "/meeting step");
        bot.press(kim, "I'm going (1)");
        assertThat(bot.lastReply().text()).contains("Going: 2 (Sam and 1 other).").doesNotContain("Kim");

        bot.sayInGroup(lee, "/meeting step");
        assertThat(bot.lastReply().text()).contains("Going: 2 (Sam and 1 other)").doesNotContain("Kim");

        bot.sayInGroup(sam, "/meetings names off");
        bot.sayInGroup(lee, "/meeting step");
        assertThat(bot.lastReply().text()).contains("Going: 2\n").doesNotContain("Sam");

        bot.sayInGroup(sam, "/meetings names maybe");
        assertThat(bot.lastReply().text()).contains("/meetings names on");
    }

    @Test
    void guidedAddAsksOneQuestionAtATimeInPrivate() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(sam, "/meetings add");
        assertThat(text(bot)).contains("for moderators");

        bot.sayInGroup(mod, "/meetings add");
        List<OutboundMessage> started = bot.replies();
        assertThat(started.get(0).text()).isEqualTo("I'll ask you the details privately.");
        assertThat(started.get(1).delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(started.get(1).text()).contains("(1/7) What is the meeting called?");

        bot.say(mod, "Step Study");
        assertThat(text(bot)).startsWith("(2/7) Which days?");
        bot.say(mod, "someday");
        assertThat(text(bot)).contains("(2/7) Which days?");
        bot.say(mod, "mon,thu");
        assertThat(text(bot)).startsWith("(3/7)").contains("UTC");
        bot.say(mod, "25:00");
        assertThat(text(bot)).contains("not a time").contains("(3/7)");
        bot.say(mod, "19:30 Europe/Berlin");
        assertThat(text(bot)).startsWith("(4/7)");
        bot.say(mod, "skip");
        bot.say(mod, "https://meet.example/ss");
        bot.say(mod, "o, d");
        bot.say(mod, "Side door, ring twice");
        OutboundMessage check = bot.replies().get(3);
        assertThat(check.text()).isEqualTo("""
                Please check:
                Step Study
                Mon, Thu 19:30-20:30 Europe/Berlin
                Online: https://meet.example/ss
                Types: O, D
                Notes: Side door, ring twice""");
        assertThat(check.allButtons()).extracting(b -> b.label()).containsExactly("Save", "Cancel");
        assertThat(store.meetings(GROUP)).isEmpty();

        bot.press(mod, "Save");
        assertThat(text(bot)).isEqualTo("Added Step Study [step-study]: Mon, Thu 19:30 Europe/Berlin, 60 min.");
        assertThat(store.meeting(GROUP, "step-study").orElseThrow().notes()).isEqualTo("Side door, ring twice");
        bot.say(mod, "just chatting");
        assertThat(bot.replies()).as("the flow is over: only the pointer for unanswered private text")
                .singleElement().satisfies(m -> assertThat(m.text()).startsWith("Thanks for writing"));
    }

    @Test
    void guidedAddCanBeCancelled() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add");
        bot.say(mod, "Step Study");
        bot.say(mod, "cancel");
        assertThat(text(bot)).isEqualTo("Cancelled; nothing was added.");
        bot.say(mod, "mon");
        assertThat(bot.replies()).as("the flow is over: only the pointer for unanswered private text")
                .singleElement().satisfies(m -> assertThat(m.text()).startsWith("Thanks for writing"));
        assertThat(store.meetings(GROUP)).isEmpty();
    }

    @Test
    void reminderDmCarriesAnRsvpButton() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(sam, "/remind step 15m");
        bot.replies();
        bot.advance(Duration.ofHours(11).plusMinutes(15));
        assertThat(bot.replies()).singleElement().satisfies(m -> assertThat(m.allButtons())
                .extracting(b -> b.label()).containsExactly("I'm going (0)"));
        bot.press(sam, "I'm going (0)");
        assertThat(bot.lastReply().text()).startsWith("See you at Step Study on Mon 9 Mar 19:30 your time. Going: 1.");
    }

    @Test
    void moderatorsCanHaveTheGroupRemindedOncePerOccurrence() {
        BotHarness bot = bot("2026-03-27T12:00:00Z");
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(mod, "/meetings add Weekend Sharing | sun | 10:00 Europe/Berlin | 60 | https://meet.example/ws");
        bot.sayInGroup(sam, "/meetings announce weekend 10m");
        assertThat(text(bot)).isEqualTo("/meetings announce is for moderators of this group.");
        bot.sayInGroup(mod, "/meetings announce weekend 10m");
        assertThat(text(bot)).isEqualTo("I'll post a reminder here 10 min before each Weekend Sharing.");
        bot.sayInGroup(mod, "/meetings announce weekend 10m");
        bot.replies();

        List<Instant> postedAt = new ArrayList<>();
        for (int i = 0; i < 9 * 24 * 6; i++) { // to 5 April 12:00 UTC
            bot.advance(Duration.ofMinutes(10));
            for (OutboundMessage m : bot.replies()) {
                assertThat(m.to()).isEqualTo(bot.group().id());
                assertThat(m.delivery()).isEqualTo(Delivery.PUBLIC);
                assertThat(m.text()).isEqualTo("Starting in 10 min: Weekend Sharing (10:00 Europe/Berlin). "
                        + "Join: https://meet.example/ws");
                assertThat(m.allButtons()).extracting(b -> b.label()).containsExactly("I'm going (0)");
                postedAt.add(bot.clock().instant());
            }
        }
        assertThat(postedAt).containsExactly(Instant.parse("2026-03-29T07:50:00Z"),
                Instant.parse("2026-04-05T07:50:00Z"));

        bot.sayInGroup(mod, "/meetings announce weekend off");
        assertThat(text(bot)).isEqualTo("I'll no longer post reminders for Weekend Sharing here.");
        bot.advance(Duration.ofDays(8));
        assertThat(bot.replies()).isEmpty();
    }

    @Test
    void aReminderRunAgainAfterACrashIsNotSentTwice() {
        BotHarness bot = bot("2026-03-09T08:00:00Z"); // Monday
        var mod = bot.moderator("1", "Mo");
        var sam = bot.member("42", "Sam");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(sam, "/remind step 15m");
        bot.replies();
        bot.gateway().crashAfterSends(1);

        // The reminder goes out, then the process dies before the item is completed; its lease runs out and the
        // item runs again (here or on another instance).
        assertThatThrownBy(() -> bot.advance(Duration.ofHours(11).plusMinutes(15)))
                .isInstanceOf(org.fellowship.core.testkit.FakeChatGateway.SimulatedCrash.class);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.replies()).as("one reminder").singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("Reminder: Step Study starts in 15 min"));
        bot.advance(Duration.ofDays(3).plusHours(1)); // Thursday's comes as usual
        assertThat(bot.replies()).singleElement().satisfies(m -> assertThat(m.text()).contains("Thu 12 Mar"));
    }

    @Test
    void aGroupAnnouncementRunAgainAfterACrashIsNotPostedTwice() {
        BotHarness bot = bot("2026-03-09T08:00:00Z");
        var mod = bot.moderator("1", "Mo");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(mod, "/meetings announce step 10m");
        bot.replies();
        bot.gateway().crashAfterSends(1);

        assertThatThrownBy(() -> bot.advance(Duration.ofHours(11).plusMinutes(20)))
                .isInstanceOf(org.fellowship.core.testkit.FakeChatGateway.SimulatedCrash.class);
        bot.advance(Duration.ofMinutes(5));

        assertThat(bot.replies()).singleElement()
                .satisfies(m -> assertThat(m.text()).startsWith("Starting in 10 min: Step Study"));
    }

    @Test
    void reminderIdIsMemberMeetingAndOccurrence() {
        assertThat(ReminderHandler.reminderId(new ChatUserId(Platform.TELEGRAM, "42"), GROUP, "step-study",
                Instant.parse("2026-03-29T08:00:00Z"))).isEqualTo("mrem:tg:42:-1001:step-study:1774771200000");
    }

}
