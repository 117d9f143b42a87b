package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The semantic stage in the crisis screen: a crisis only it reads is handled like a flagged message, off the engine's
 * threads; overload skips (and counts) instead of blocking; moderation never punishes what it reads as a crisis.
 * The scorer is a stand-in here (bot-core has no model); the real one is tested in the app.
 */
class SemanticStageTest {
    /** Reads a crisis where the text says "garage"; everything else is clear. */
    private static final SemanticScorer GARAGE = (text, lexicon) -> text.contains("garage")
            ? new SemanticScorer.Reading(0.8, true, CrisisCategory.SUICIDAL_IDEATION, 0, text.length(), "afsp-36")
            : new SemanticScorer.Reading(0.1, false, null, 0, 0, null);
    private static final String GARAGE_MESSAGE = "sitting in the car, garage door shut, engine on";

    private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<Boolean> paged = new ArrayList<>();
    private SemanticStage stage;

    @AfterEach
    void close() {
        if (stage != null) {
            stage.close();
        }
    }

    private BotHarness bot(SemanticStage semantic, org.fellowship.core.engine.MessageGuard guard) {
        this.stage = semantic;
        BotHarness.Builder b = BotHarness.builder()
                .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                        CrisisResources.builtInTable(), (turn, category) -> {
                            paged.add(true);
                            return MentorPager.Reached.MENTOR;
                        }, List.of(), semantic));
        if (guard != null) {
            b.feature((registry, context) -> registry.guard(guard));
        }
        return b.build();
    }

    @Test
    void aCrisisOnlyTheSemanticStageReadsGetsTheSameHandlingAsAFlaggedOne() {
        BotHarness bot = bot(SemanticStage.inline(GARAGE, Clock.systemUTC()), null);
        BotHarness.User sam = bot.member("42", "Sam");

        bot.sayInGroup(sam, GARAGE_MESSAGE);

        assertThat(CrisisDetector.simple().detect(GARAGE_MESSAGE).flagged()).isFalse();
        List<OutboundMessage> replies = bot.replies();
        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.delivery()).isEqualTo(Delivery.PRIVATE);
            assertThat(r.recipient()).isEqualTo(sam.id());
            assertThat(r.text()).contains("988").contains("asked a mentor");
        });
        assertThat(paged).containsExactly(true); // a group crisis pages at once, semantic or not
    }

    @Test
    void privatelyTheMemberGetsTheCrisisLinesAndTheOffer() {
        BotHarness bot = bot(SemanticStage.inline(GARAGE, Clock.systemUTC()), null);
        BotHarness.User sam = bot.member("42", "Sam");

        bot.say(sam, GARAGE_MESSAGE);

        assertThat(bot.replies()).filteredOn(r -> r.text().contains("988")).singleElement()
                .satisfies(r -> assertThat(r.recipient()).isEqualTo(sam.id()));
        assertThat(paged).isEmpty(); // privately a human is reached only with the member's yes
    }

    @Test
    void ordinaryMessagesCommandsAndLexiconCrisesAreNotAnsweredTwice() {
        List<String> read = Collections.synchronizedList(new ArrayList<>());
        SemanticScorer recording = (text, lexicon) -> {
            read.add(text);
            return GARAGE.read(text, lexicon);
        };
        BotHarness bot = bot(SemanticStage.inline(recording, Clock.systemUTC()), null);
        BotHarness.User sam = bot.member("42", "Sam");

        bot.sayInGroup(sam, "great meeting tonight everyone");
        bot.sayInGroup(sam, "/help");
        bot.sayInGroup(sam, "I want to kill myself");

        assertThat(read).containsExactly("great meeting tonight everyone"); // the lexicon answered the last one at once
        assertThat(bot.replies()).filteredOn(r -> r.text().contains("988")).hasSize(1);
    }

    @Test
    void theVerdictComesFromAnInferenceThreadWhileTheEngineMovesOn() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SemanticScorer slow = (text, lexicon) -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return GARAGE.read(text, lexicon);
        };
        BotHarness bot = bot(SemanticStage.threaded(slow, Clock.systemUTC(), (o, w, i) -> outcomes.add(o),
                new SemanticStage.Settings(1, 8, Duration.ofMinutes(1))), null);
        BotHarness.User sam = bot.member("42", "Sam");
        BotHarness.User ana = bot.member("43", "Ana");

        bot.sayInGroup(sam, GARAGE_MESSAGE); // returns although the model has not answered
        bot.say(ana, "/help");               // the engine keeps serving others meanwhile
        assertThat(bot.replies()).singleElement().satisfies(r -> assertThat(r.recipient()).isEqualTo(ana.id()));

        release.countDown();
        awaitSent(bot, 2);
        assertThat(bot.replies()).singleElement().satisfies(r -> assertThat(r.recipient()).isEqualTo(sam.id()));
        assertThat(outcomes).containsExactly("crisis");
    }

    @Test
    void underOverloadMessagesAreSkippedAndCountedAndNothingBlocks() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        SemanticScorer stuck = (text, lexicon) -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return SemanticScorer.Reading.NONE;
        };
        BotHarness bot = bot(SemanticStage.threaded(stuck, Clock.systemUTC(), (o, w, i) -> outcomes.add(o),
                new SemanticStage.Settings(1, 2, Duration.ofMinutes(1))), null);
        BotHarness.User sam = bot.member("42", "Sam");

        bot.sayInGroup(sam, "first message of the evening");
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue(); // the one thread is busy
        for (int i = 0; i < 5; i++) {
            bot.sayInGroup(sam, "another ordinary message " + i);
        }
        bot.sayInGroup(sam, "I want to kill myself"); // the lexicon still answers at once

        assertThat(outcomes).containsExactly("skipped", "skipped", "skipped"); // 2 wait, 3 skipped
        assertThat(bot.replies()).filteredOn(r -> r.text().contains("988")).hasSize(1);
        release.countDown();
    }

    @Test
    void aStaleMessageIsSkippedRatherThanAnsweredLate() {
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        Clock jumping = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                Instant at = now[0];
                now[0] = now[0].plusSeconds(20); // each look at the clock: 20 s later
                return at;
            }
        };
        SemanticStage inline = SemanticStage.threaded(GARAGE, jumping, (o, w, i) -> outcomes.add(o),
                new SemanticStage.Settings(1, 4, Duration.ofSeconds(10)));
        this.stage = inline;
        List<SemanticScorer.Reading> verdicts = Collections.synchronizedList(new ArrayList<>());
        inline.submit(GARAGE_MESSAGE, Detection.NOTHING, verdicts::add);
        awaitUntil(() -> !outcomes.isEmpty());
        assertThat(outcomes).containsExactly("stale");
        assertThat(verdicts).isEmpty();
    }

    /** Waits (bounded) for work on another thread; asserts nothing about how long it took. */
    private static void awaitUntil(java.util.function.BooleanSupplier done) {
        org.fellowship.core.testkit.Eventually.until("work on the semantic stage's thread", done);
    }

    private static void awaitSent(BotHarness bot, int count) {
        awaitUntil(() -> bot.gateway().sent().size() >= count);
    }

    @Test
    void moderationAboutToActGetsASecondLookAndACrisisIsNeverPunished() {
        List<String> actions = new ArrayList<>();
        org.fellowship.core.engine.MessageGuard strict = (turn, text, flagged) -> {
            if (flagged || turn.crisisOnSecondLook(text)) {
                return true;
            }
            actions.add("delete");
            return false;
        };
        BotHarness bot = bot(SemanticStage.inline(GARAGE, Clock.systemUTC()), strict);
        BotHarness.User sam = bot.member("42", "Sam");

        bot.sayInGroup(sam, GARAGE_MESSAGE);
        bot.sayInGroup(sam, "buy cheap watches at example dot com");

        assertThat(actions).containsExactly("delete"); // only the spam
        assertThat(bot.replies()).filteredOn(r -> r.text().contains("988")).hasSize(1); // answered once, not twice
    }

    @Test
    void aFailingScorerLeavesTheLexiconsResult() {
        SemanticScorer broken = (text, lexicon) -> {
            throw new IllegalStateException("model missing");
        };
        BotHarness bot = bot(SemanticStage.inline(broken, Clock.systemUTC()), null);
        BotHarness.User sam = bot.member("42", "Sam");

        bot.sayInGroup(sam, GARAGE_MESSAGE);
        bot.sayInGroup(sam, "I want to kill myself");

        assertThat(bot.replies()).filteredOn(r -> r.text().contains("988")).hasSize(1);
    }

    @Test
    void theSemanticEvidenceMakesTheExcerptWhenTheLexiconHasNone() {
        SemanticScorer.Reading reading = new SemanticScorer.Reading(0.9, true, CrisisCategory.OVERDOSE_LETHAL_MEANS,
                5, 20, "samhsa-43");
        Detection d = CrisisScreen.semanticDetection(Detection.NOTHING, reading);
        assertThat(d.flagged()).isTrue();
        assertThat(d.category()).isEqualTo(CrisisCategory.OVERDOSE_LETHAL_MEANS);
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.evidence()).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(5);
            assertThat(e.end()).isEqualTo(20);
            assertThat(e.phrase()).isEqualTo("semantic:samhsa-43");
        });
    }
}
