package org.fellowship.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryCheckinStore;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scheduled work on lanes: a check-in wave of 10,000 prompts, held part-way as a platform's rate limit would hold it
 * (10,000 prompts at Telegram's 30 a second take five and a half minutes), does not delay a crisis escalation due a
 * second after the wave started: it runs at its due time on the simulated clock while the wave still waits.
 */
class DueLanesTest {
    private static final int MEMBERS = 10_000;
    private static final long WAIT = 60; // seconds a latch may take on a loaded machine; never a timing assertion

    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final MentorChain chain = MentorChain.on(MentorStore.inMemory(clock));
    private final BotHarness bot = BotHarness.builder().clock(clock)
            .feature(new ProfileFeature()).feature(chain)
            .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                    CrisisResources.builtInTable(), chain))
            .feature(new CheckinFeature(new InMemoryCheckinStore(), chain, CheckinFeature.DEFAULT_NUDGE_DELAY))
            .build();
    private DueRunner runner;

    @AfterEach
    void stop() {
        if (runner != null) {
            runner.close();
        }
    }

    private static boolean isPrompt(OutboundMessage m) {
        return m.text().contains("How is your mood today?");
    }

    @Test
    void aTenThousandPromptWaveLeavesACrisisEscalationOnTime() throws Exception {
        BotHarness.User ana = bot.mentor("7", "Ana");
        BotHarness.User ben = bot.mentor("8", "Ben");
        BotHarness.User mod = bot.moderator("1", "Mo");
        BotHarness.User sam = bot.member("42", "Sam");
        bot.say(ana, "/mentor on");
        bot.say(ben, "/mentor on");
        bot.say(mod, "/mentor_tier 8 2");
        for (int i = 0; i < MEMBERS; i++) {
            bot.say(bot.member("m" + i, "Member " + i), "/checkin on 09:10");
        }
        clock.set(Instant.parse("2026-03-08T09:05:01Z"));
        bot.replies();
        bot.sayInGroup(sam, "I want to end my life");
        assertThat(bot.replies()).anySatisfy(m -> {
            assertThat(m.recipient()).isEqualTo(ana.id());
            assertThat(m.text()).contains("Crisis alert");
        }).noneSatisfy(m -> assertThat(m.recipient()).isEqualTo(ben.id()));

        // The platform takes the first half of the wave, then holds the sending thread (a rate limit).
        AtomicInteger prompts = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch platformFree = new CountDownLatch(1);
        Map<ChatUserId, Instant> pagedAt = new ConcurrentHashMap<>();
        bot.gateway().beforeSend(m -> {
            if (isPrompt(m) && prompts.incrementAndGet() == MEMBERS / 2) {
                halfway.countDown();
                await(platformFree);
            } else if (m.text().contains("Crisis alert")) {
                pagedAt.put(m.recipient(), clock.instant());
            }
        });
        runner = DueRunner.start(bot.core().dueWorker(), Duration.ofDays(1)); // polls only when told to

        clock.set(Instant.parse("2026-03-08T09:10:00Z"));
        var wave = runner.poll(DueLane.BULK);
        assertThat(halfway.await(WAIT, TimeUnit.SECONDS)).as("the wave is under way").isTrue();
        clock.set(Instant.parse("2026-03-08T09:10:01Z"));
        int crisis = runner.poll(DueLane.CRISIS).get(WAIT, TimeUnit.SECONDS);

        assertThat(crisis).as("the escalation ran").isEqualTo(1);
        assertThat(pagedAt).as("tier 2 paged at the escalation's due time, the wave still held")
                .containsEntry(ben.id(), Instant.parse("2026-03-08T09:10:01Z"));
        assertThat(wave).isNotDone();
        assertThat(prompts.get()).isEqualTo(MEMBERS / 2);

        platformFree.countDown();
        assertThat(wave.get(WAIT, TimeUnit.SECONDS)).isEqualTo(1);
        Map<String, Long> perMember = bot.gateway().sent().stream().filter(DueLanesTest::isPrompt)
                .collect(Collectors.groupingBy(m -> m.to().value(), Collectors.counting()));
        assertThat(perMember).hasSize(MEMBERS);
        assertThat(perMember.values()).allMatch(n -> n == 1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT, TimeUnit.SECONDS)) {
                throw new AssertionError("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
