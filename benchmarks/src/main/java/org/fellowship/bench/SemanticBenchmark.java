package org.fellowship.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.app.BotAssembly;
import org.fellowship.app.nlp.OpenNlpAnalyzer;
import org.fellowship.app.semantic.EmbeddingSemanticScorer;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.EngineMetrics;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.SemanticStage;
import org.fellowship.redis.RedisStore;

/**
 * The crisis detector's semantic stage: how many short messages one inference thread reads per second (against the
 * lexicon stages 1 and 2 on the same messages, in the same run), the p50/p99 of one reading, two threads on two
 * cores, then end to end through the engine with the stage on (real Redis): arrival to private reply for a crisis only
 * the semantic stage sees and for one the lexicon flags, under a paced normal load, and what a burst far over capacity
 * does (skipped readings counted, lexicon crises still answered at once).
 */
final class SemanticBenchmark {
    /** Short chat messages: ordinary talk, and a few the lexicon picks up. */
    private static final String[] CHAT = {
        "good morning everyone, day 12 today", "anyone going to the 7pm meeting?", "had a rough night but I'm ok",
        "my sponsor says cravings pass, and they do", "drank a lot of water and went for a run",
        "killing it at work this week", "I relapsed yesterday and I'm back", "thank you all, this group keeps me going",
        "90 days!!! never thought I'd get here", "does anyone know a good online meeting in the evening?",
        "feeling anxious about the family dinner on sunday", "just checking in, craving is a 3 today",
        "please don't kill yourself, call 988", "made it through the weekend", "who's up for coffee after",
        "the wedding was hard but I had soda water all night", "I can't sleep again", "new here, 3 days sober, scared"};
    /** Crises in plain words, without a lexicon phrase (written for this benchmark). */
    private static final String[] PLAIN_CRISIS = {
        "I've decided. the rope is ready and tonight nobody will be home",
        "gave my dog to my brother today, I won't be around to look after him",
        "tonight I'm swallowing every pill in the cabinet with the vodka",
        "I have a plan and everything I need, it's happening this weekend",
        "wrote the letters for my kids, they'll find them tomorrow",
        "sitting in the car in the shut garage with the motor on"};
    private static final String[] LEXICON_CRISIS = {"I want to end my life", "i am going to kill myself tonight"};

    private SemanticBenchmark() {
    }

    static void run(RedisStore store) throws Exception {
        EmbeddingSemanticScorer scorer = EmbeddingSemanticScorer.shared();
        CrisisDetector lexicon = CrisisDetector.standard(OpenNlpAnalyzer.shared());
        System.out.printf(Locale.ROOT, "crisis semantic stage (%s), short chat messages%n", scorer.name());
        double lexiconRate = Benchmarks.messagesPerSecond("baseline: lexicon stages 1+2", CHAT, 20_000,
                m -> lexicon.detect(m).evidence().size());
        double semanticRate = Benchmarks.messagesPerSecond("semantic stage, one thread", CHAT, 1_500,
                m -> scorer.read(m, lexicon.detect(m)).crisis() ? 1 : 0);
        System.out.printf(Locale.ROOT, "  ratio: the semantic stage costs %.0fx the lexicon per message%n",
                lexiconRate / semanticRate);
        double[] one = new double[600];
        for (int i = 0; i < one.length; i++) {
            String m = CHAT[i % CHAT.length];
            long start = System.nanoTime();
            scorer.read(m, lexicon.detect(m));
            one[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(one);
        System.out.printf(Locale.ROOT, "  one reading: p50 %.1f ms, p99 %.1f ms%n", one[one.length / 2],
                one[one.length * 99 / 100]);
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        double parallel = parallelRate(scorer, lexicon, threads, 1_500);
        System.out.printf(Locale.ROOT, "  %d threads: %,.0f messages/s (%,.0f per thread; one thread %,.0f)%n",
                threads, parallel, parallel / threads, semanticRate);
        endToEnd(store, scorer);
    }

    private static double parallelRate(EmbeddingSemanticScorer scorer, CrisisDetector lexicon, int threads,
                                       int perThread) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            pool.execute(() -> {
                for (int i = 0; i < perThread; i++) {
                    String m = CHAT[(i + offset) % CHAT.length];
                    scorer.read(m, lexicon.detect(m));
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        return threads * perThread / ((System.nanoTime() - start) / 1e9);
    }

    /** Arrival to the member's private crisis reply, with the semantic stage on, through the whole engine. */
    private static void endToEnd(RedisStore store, EmbeddingSemanticScorer scorer) throws Exception {
        List<String> plain = new ArrayList<>();
        CrisisDetector check = CrisisDetector.standard(OpenNlpAnalyzer.shared());
        for (String m : PLAIN_CRISIS) {
            org.fellowship.core.safety.Detection d = check.detect(m);
            if (!d.flagged() && scorer.read(m, d).crisis()) {
                plain.add(m); // only crises the semantic stage alone answers: that is the path measured
            }
        }
        if (plain.isEmpty()) {
            System.out.println("  end to end: no benchmark message is a semantic-only crisis for this model; skipped");
            return;
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        List<Double> semanticMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Double> lexiconMillis = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong skipped = new AtomicLong();
        SinkGateway gateway = new SinkGateway() {
            @Override
            void sent(OutboundMessage message, long nanoTime) {
                // the crisis reply (a private message nothing else answered first gets a pointer, not counted)
                Long at = message.recipient() == null || !message.text().contains("988") ? null
                        : arrived.remove(message.recipient().value());
                if (at != null) {
                    (message.recipient().value().startsWith("s") ? semanticMillis : lexiconMillis)
                            .add((nanoTime - at) / 1e6);
                }
            }
        };
        SemanticStage stage = SemanticStage.threaded(scorer, Clock.systemUTC(), (outcome, waited, inference) -> {
            if (outcome.equals("skipped") || outcome.equals("stale")) {
                skipped.incrementAndGet();
            }
        }, SemanticStage.Settings.defaults());
        ExecutorService engineThreads = Executors.newFixedThreadPool(4);
        try {
            BotCore core = BotAssembly.build(store, Clock.systemUTC(), new Gateways().register(gateway),
                    BotSettings.defaults(), engineThreads, 10_000, EngineMetrics.NONE,
                    BotAssembly.Options.defaults().withSemantic(stage));
            // members write to the bot privately, each in their own chat: what is measured is the detector and the
            // engine, not a group's queue or the mentor chain's paging
            int perSecond = 40;
            int seconds = 15;
            System.out.printf(Locale.ROOT, "  end to end (engine with 4 threads, real Redis, 1 inference thread, private "
                    + "chats): %d messages/s for %d s, 1 in 10 a plain-language crisis, 1 in 40 a lexicon crisis%n",
                    perSecond, seconds);
            paced(core, arrived, plain, perSecond, 5, "w"); // warm-up (JIT, Redis connection), not measured
            core.engine().executor().awaitIdle(30, TimeUnit.SECONDS);
            Thread.sleep(2_000);
            arrived.clear();
            semanticMillis.clear();
            lexiconMillis.clear();
            skipped.set(0);
            int n = paced(core, arrived, plain, perSecond, seconds, "");
            core.engine().executor().awaitIdle(30, TimeUnit.SECONDS);
            Thread.sleep(2_000); // let the last readings come back
            report("plain-language crisis (semantic stage)", semanticMillis, n / 10);
            report("lexicon crisis (answered at once)", lexiconMillis, n / 40);
            System.out.printf(Locale.ROOT, "    skipped under this load: %d%n", skipped.get());

            // a burst far over what one inference thread reads: the queue bound drops the excess, nothing blocks
            arrived.clear();
            lexiconMillis.clear();
            skipped.set(0);
            long burstStart = System.nanoTime();
            for (int i = 0; i < 2_000; i++) {
                String id = (i % 100 == 0 ? "l" : "c") + "b" + i;
                String text = i % 100 == 0 ? LEXICON_CRISIS[0] : CHAT[i % CHAT.length];
                Member member = new Member(new ChatUserId(Platform.TELEGRAM, id), "M", false, false, false);
                if (id.startsWith("l")) {
                    arrived.put(id, System.nanoTime());
                }
                core.engine().accept(MessageReceived.simple("e" + id, Conversation.direct(member.id()), member,
                        Instant.now(), "m" + id, text));
            }
            core.engine().executor().awaitIdle(60, TimeUnit.SECONDS);
            double acceptMs = (System.nanoTime() - burstStart) / 1e6;
            System.out.printf(Locale.ROOT, "  burst of 2,000 messages at once: engine done in %.0f ms, semantic readings "
                    + "skipped %d (counted), lexicon crises answered %d/20%n", acceptMs, skipped.get(),
                    lexiconMillis.size());
            report("lexicon crisis during the burst", lexiconMillis, 20);
        } finally {
            stage.close();
            engineThreads.shutdown();
        }
    }

    /** Feeds {@code seconds} of paced messages; crisis arrivals are recorded unless {@code prefix} marks a warm-up. */
    private static int paced(BotCore core, Map<String, Long> arrived, List<String> plain, int perSecond, int seconds,
                             String prefix) {
        long next = System.nanoTime();
        int n = 0;
        for (int i = 0; i < perSecond * seconds; i++) {
            String id;
            String text;
            if (i % 10 == 5) {
                id = prefix + "s" + i;
                text = plain.get(i / 10 % plain.size());
            } else if (i % 40 == 7) {
                id = prefix + "l" + i;
                text = LEXICON_CRISIS[i / 40 % LEXICON_CRISIS.length];
            } else {
                id = prefix + "c" + i;
                text = CHAT[i % CHAT.length];
            }
            long wait = next - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait); // no spinning: two cores only
            }
            next += 1_000_000_000L / perSecond;
            Member member = new Member(new ChatUserId(Platform.TELEGRAM, id), "M", false, false, false);
            if (prefix.isEmpty() && !id.startsWith("c")) {
                arrived.put(id, System.nanoTime());
            }
            core.engine().accept(MessageReceived.simple("e" + id, Conversation.direct(member.id()), member,
                    Instant.now(), "m" + id, text));
            n++;
        }
        return n;
    }

    private static void report(String name, List<Double> millis, int expected) {
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            System.out.printf(Locale.ROOT, "    %-42s none answered of %d%n", name, expected);
            return;
        }
        System.out.printf(Locale.ROOT, "    %-42s answered %d/%d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", name,
                sorted.length, expected, sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1,
                        sorted.length * 99 / 100)], sorted[sorted.length - 1]);
    }
}
