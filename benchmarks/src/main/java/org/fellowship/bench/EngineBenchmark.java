package org.fellowship.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.time.Duration;
import org.fellowship.app.BotAssembly;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.Engine;
import org.fellowship.core.engine.EngineMetrics;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.InMemoryCommunityAliases;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.redis.RedisStore;

/**
 * End-to-end engine throughput and latency over a large generated transcript: de-duplication, command routing,
 * profile reads and writes against real Redis, replies through a gateway that only counts. Baseline: the same
 * transcript and engine on the in-memory fakes of the test kit, in the same run.
 */
final class EngineBenchmark {
    private static final int EVENTS = 200_000;
    private static final int CONVERSATIONS = 2_000;
    private static final int USERS = 5_000;
    private static final int THREADS = Integer.getInteger("bench.threads", 16);
    private static final int PACED_RATE = 20_000;
    private static final int PACED_EVENTS = 100_000;
    private static final String[] ZONES = {"Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney",
        "berlin", "Europe/Berln", "UTC"};

    private final RedisStore store;

    EngineBenchmark(RedisStore store) {
        this.store = store;
    }

    /** One generated inbound event; {@code replies} says whether the engine answers it (latency is timed). */
    private record Generated(MessageReceived event, boolean replies) {
    }

    void run() throws Exception {
        System.out.println();
        System.out.println("== engine (dedupe, safety screen, routing, profile lookups, replies) ==");
        List<Generated> transcript = generate(EVENTS, 1);
        List<Generated> paced = generate(PACED_EVENTS, 2);
        run(true, generate(20_000, 3), null); // warm-up
        run(false, generate(20_000, 4), null);

        double redis = run(true, transcript, null);
        long[] saturatedHandling = handling.sorted();
        double memory = run(false, transcript, null);
        System.out.printf("saturated, real Redis:        %,10.0f msgs/s (%,d events, %d conversations, %d threads)%n",
                redis, EVENTS, CONVERSATIONS, THREADS);
        System.out.printf("saturated, in-memory stores:  %,10.0f msgs/s (baseline)%n", memory);
        System.out.printf("ratio Redis/in-memory:        %10.2f%n", redis / memory);
        System.out.printf("in-process handling, saturated, real Redis: p50 %.2f ms, p99 %.2f ms (%,d events)%n",
                ms(percentile(saturatedHandling, 0.50)), ms(percentile(saturatedHandling, 0.99)),
                saturatedHandling.length);

        long[] latencies = new long[PACED_EVENTS];
        run(true, paced, latencies);
        long[] pacedHandling = handling.sorted();
        long[] timed = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        System.out.printf("in-process handling, paced at %,d msgs/s, real Redis: p50 %.2f ms, p99 %.2f ms%n", PACED_RATE,
                ms(percentile(pacedHandling, 0.50)), ms(percentile(pacedHandling, 0.99)));
        System.out.printf("accept to reply (incl. queueing), paced at %,d msgs/s: p50 %.2f ms, p99 %.2f ms, max %.2f ms "
                        + "(%,d replies timed)%n",
                PACED_RATE, ms(percentile(timed, 0.50)), ms(percentile(timed, 0.99)), ms(timed[timed.length - 1]),
                timed.length);
    }

    /** @return events per second; fills {@code latencies} (nanos, 0 for untimed) when given and paces the feed */
    /** Handling times the engine reports (a worker picking an event up until it is done), in nanoseconds. */
    private final HandlingTimes handling = new HandlingTimes();

    private double run(boolean redis, List<Generated> transcript, long[] latencies) throws Exception {
        handling.reset();
        CountingGateway gateway = new CountingGateway();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Clock clock = Clock.systemUTC();
        BotCore core;
        if (redis) {
            core = BotAssembly.build(store, clock, new Gateways().register(gateway), BotSettings.defaults(), pool, 10_000,
                    handling);
        } else {
            BotCore.Builder b = BotCore.builder().clock(clock).gateways(new Gateways().register(gateway))
                    .deduplicator(new InMemoryStores.Deduplicator(clock)).buttons(new InMemoryStores.Buttons(clock))
                    .profiles(new InMemoryStores.Profiles()).dueQueue(new InMemoryDueQueue())
                    .aliases(new InMemoryCommunityAliases()).executor(pool, 10_000);
            BotAssembly.features(store, BotAssembly.localFeeds()).forEach(b::feature);
            core = b.build();
        }
        Engine engine = core.engine();
        // Start every measured run from a clean heap, so one run's garbage does not pause the next.
        System.gc();
        // Fresh event ids per run, so one run's dedupe keys never hide the next run's events.
        String run = "r" + System.nanoTime() + ":";
        long start = System.nanoTime();
        long intervalNanos = latencies == null ? 0 : 1_000_000_000L / PACED_RATE;
        for (int i = 0; i < transcript.size(); i++) {
            Generated g = transcript.get(i);
            MessageReceived e = g.event();
            MessageReceived fresh = new MessageReceived(run + e.eventId(), e.conversation(), e.actor(), e.at(),
                    e.message(), e.text(), null, null, 0);
            if (latencies != null) {
                long due = start + i * intervalNanos;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(20_000);
                }
                if (g.replies()) {
                    gateway.expect(e.conversation().id(), i);
                }
                gateway.acceptedAt[i % gateway.acceptedAt.length] = System.nanoTime();
            }
            engine.accept(fresh);
        }
        if (!engine.executor().awaitIdle(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("engine did not finish");
        }
        double rate = transcript.size() / ((System.nanoTime() - start) / 1e9);
        pool.shutdown();
        if (latencies != null) {
            gateway.latencies.forEach((index, nanos) -> latencies[index] = nanos);
        }
        long expectedReplies = transcript.stream().filter(Generated::replies).count();
        if (gateway.sent.get() != expectedReplies) {
            throw new IllegalStateException("expected " + expectedReplies + " replies, got " + gateway.sent.get());
        }
        return rate;
    }

    /** Ordinary group chatter: the safety screen reads it and finds nothing. */
    private static final String[] CHATTER = {
        "Day 12 today, went to a meeting and felt better after",
        "Thanks everyone for the support this week",
        "Anyone going to the Tuesday night online meeting?",
        "90 days sober today, grateful for this group",
        "Had a rough morning but I called my sponsor and it helped",
        "Made it through the weekend without drinking, first time in years"};
    /** Recovery talk the lexicon picks up as a candidate, so stage 2 (OpenNLP) reads it too. */
    private static final String CANDIDATE = "the cravings were rough this morning but I went to a meeting";

    /**
     * 38% group chatter, 2% chatter that is a stage-1 candidate (cravings), 35% /timezone with a zone, 15%
     * /timezone, 10% redeliveries of an earlier event.
     */
    private static List<Generated> generate(int count, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<Generated> events = new ArrayList<>(count);
        Instant at = Instant.parse("2026-03-08T09:00:00Z");
        for (int i = 0; i < count; i++) {
            int roll = random.nextInt(100);
            if (roll < 10 && !events.isEmpty()) {
                Generated earlier = events.get(random.nextInt(events.size()));
                events.add(new Generated(earlier.event(), false));
                continue;
            }
            int c = random.nextInt(CONVERSATIONS);
            ChatUserId user = new ChatUserId(Platform.TELEGRAM, String.valueOf(1000 + random.nextInt(USERS)));
            Conversation chat = c % 4 == 0 ? Conversation.direct(user)
                    : new Conversation(new ConversationId(Platform.TELEGRAM, "-100" + c), ChatKind.GROUP,
                    new CommunityId(Platform.TELEGRAM, "-100" + c), null);
            String text;
            boolean replies = true;
            if (roll < 48) {
                text = CHATTER[random.nextInt(CHATTER.length)];
                replies = false;
            } else if (roll < 50) {
                text = CANDIDATE;
                replies = false;
            } else if (roll < 85) {
                text = "/timezone " + ZONES[random.nextInt(ZONES.length)];
            } else {
                text = "/timezone";
            }
            String id = String.valueOf(i);
            events.add(new Generated(MessageReceived.simple(chat.id().value() + ":" + id, chat,
                    new Member(user, "Member", false, false, false), at, id, text), replies));
        }
        return events;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Collects the engine's per-event handling times. */
    private static final class HandlingTimes implements EngineMetrics {
        private final long[] nanos = new long[EVENTS + 1];
        private final AtomicInteger next = new AtomicInteger();

        void reset() {
            next.set(0);
        }

        long[] sorted() {
            long[] copy = Arrays.copyOf(nanos, Math.min(next.get(), nanos.length));
            Arrays.sort(copy);
            return copy;
        }

        @Override
        public void event(Platform platform, String outcome, Duration took) {
            int i = next.getAndIncrement();
            if (i < nanos.length) {
                nanos[i] = took.toNanos();
            }
        }

        @Override
        public void dueItem(String kind, Duration lag, boolean succeeded) {
        }
    }

    /** Counts sends and, when told what to expect, times each reply against its event's accept time. */
    private static final class CountingGateway extends SinkGateway {
        final AtomicLong sent = new AtomicLong();
        final long[] acceptedAt = new long[PACED_EVENTS];
        final Map<ConversationId, Queue<Integer>> expected = new ConcurrentHashMap<>();
        final Map<Integer, Long> latencies = new ConcurrentHashMap<>();

        void expect(ConversationId conversation, int index) {
            expected.computeIfAbsent(conversation, c -> new ConcurrentLinkedQueue<>()).add(index);
        }

        @Override
        void sent(OutboundMessage message, long now) {
            sent.incrementAndGet();
            Queue<Integer> waiting = expected.get(message.to());
            Integer index = waiting == null ? null : waiting.poll();
            if (index != null) {
                latencies.put(index, now - acceptedAt[index % acceptedAt.length]);
            }
        }
    }
}
