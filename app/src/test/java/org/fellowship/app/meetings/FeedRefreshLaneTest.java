package org.fellowship.app.meetings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fellowship.core.meeting.MeetingsFeature;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueRunner;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The daily meeting feed refresh fetches over real HTTP from a loopback server that sends the headers and half the
 * feed, then trickles nothing until the test lets it finish. The refresh waits on its own lane; a crisis escalation
 * due 11 seconds after it runs at its due time on the simulated clock.
 */
class FeedRefreshLaneTest {
    private static final long WAIT = 60; // seconds a latch may take on a loaded machine; never a timing assertion
    private static final String FEED = """
            [{"slug": "evening", "name": "Evening Reflections", "day": [1, 3], "time": "20:00",
              "timezone": "Europe/Berlin", "conference_url": "https://meet.example.org/evening"}""";
    private static final String MORE = """
            ,{"slug": "morning", "name": "Morning Light", "day": [2], "time": "07:30", "timezone": "Europe/Berlin",
              "location": "Community Hall"}]""";

    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch trickling = new CountDownLatch(1);
    private final CountDownLatch mayFinish = new CountDownLatch(1);
    private final HttpServer server;
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final MentorChain chain = MentorChain.on(MentorStore.inMemory(clock));
    private final BotHarness bot = BotHarness.builder().clock(clock)
            .feature(new ProfileFeature()).feature(chain)
            .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                    CrisisResources.builtInTable(), chain))
            .feature(new MeetingsFeature(new InMemoryMeetingStore(clock),
                    new HttpFeedSource(org.fellowship.app.http.OutboundHttp.onCallerThread(
                            org.fellowship.app.http.AddressPolicy.publicOnly().alsoAllowing(
                                    java.net.InetAddress.getLoopbackAddress()), Duration.ofSeconds(WAIT)))))
            .build();
    private DueRunner runner;

    FeedRefreshLaneTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/feed.json", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked: the body comes when it comes
            try (OutputStream out = ex.getResponseBody()) {
                out.write(FEED.getBytes(StandardCharsets.UTF_8));
                if (requests.incrementAndGet() == 1) {
                    out.write("]".getBytes(StandardCharsets.UTF_8));
                    return;
                }
                out.flush();
                trickling.countDown();
                mayFinish.await(WAIT, TimeUnit.SECONDS);
                out.write(MORE.getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        mayFinish.countDown();
        if (runner != null) {
            runner.close();
        }
        server.stop(0);
    }

    @Test
    void aTricklingFeedServerLeavesACrisisEscalationOnTime() throws Exception {
        BotHarness.User ana = bot.mentor("7", "Ana");
        BotHarness.User ben = bot.mentor("8", "Ben");
        BotHarness.User mod = bot.moderator("1", "Mo");
        BotHarness.User sam = bot.member("42", "Sam");
        bot.say(ana, "/mentor on");
        bot.say(ben, "/mentor on");
        bot.say(mod, "/mentor_tier 8 2");
        bot.sayInGroup(mod, "/meetings import http://127.0.0.1:" + server.getAddress().getPort() + "/feed.json");
        assertThat(bot.lastReply().text()).startsWith("Imported 1");
        // The refresh is due a day after the import; the escalation of an alert opened 4:49 before it, 11 s after it.
        clock.set(Instant.parse("2026-03-09T08:55:11Z"));
        bot.sayInGroup(sam, "I want to end my life");
        Map<ChatUserId, Instant> pagedAt = new ConcurrentHashMap<>();
        bot.gateway().beforeSend(m -> {
            if (m.text().contains("Crisis alert")) {
                pagedAt.put(m.recipient(), clock.instant());
            }
        });
        assertThat(bot.core().context().dueQueue().nextDueAt()).contains(Instant.parse("2026-03-09T09:00:00Z"));
        runner = DueRunner.start(bot.core().dueWorker(), Duration.ofDays(1)); // polls only when told to

        clock.set(Instant.parse("2026-03-09T09:00:00Z"));
        CompletableFuture<Integer> refresh = runner.poll(DueLane.FETCH);
        assertThat(trickling.await(WAIT, TimeUnit.SECONDS)).as("the refresh is reading the trickle").isTrue();
        clock.set(Instant.parse("2026-03-09T09:00:11Z"));
        assertThat(runner.poll(DueLane.CRISIS).get(WAIT, TimeUnit.SECONDS)).isEqualTo(1);

        assertThat(pagedAt).as("tier 2 paged on time while the feed still trickles")
                .containsEntry(ben.id(), Instant.parse("2026-03-09T09:00:11Z"));
        assertThat(refresh).isNotDone();

        mayFinish.countDown();
        assertThat(refresh.get(WAIT, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(bot.lastReply().text()).startsWith("Meeting feed refreshed: imported 1");
    }
}
