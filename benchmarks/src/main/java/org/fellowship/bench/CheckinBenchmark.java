package org.fellowship.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.checkin.CheckinRecord;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.time.ManualClock;
import org.fellowship.redis.RedisStore;

/**
 * Check-in scale: {@code members} opted-in members across time zones, of whom exactly {@link #DUE} fall due in the
 * measured minute (the rest spread over the next 24 hours). Reports Redis memory per member ({@code INFO memory}
 * {@code used_memory} delta / members, before any prompt is sent) and the CPU time of this JVM (process CPU, and the
 * dispatching thread's own CPU) to dispatch that minute's prompts through the real feature to a sink gateway.
 * A warm-up minute of {@link #DUE} other members runs first, and a small warm-up size before the reported ones, so
 * the measured minutes run JIT-compiled code; the median of three measured minutes is reported.
 */
final class CheckinBenchmark {
    static final int DUE = 10_000;
    private static final List<String> ZONES = List.of("UTC", "Europe/Berlin", "Europe/London", "America/New_York",
            "America/Los_Angeles", "America/Argentina/Buenos_Aires", "Asia/Tokyo", "Asia/Kolkata", "Australia/Sydney",
            "Africa/Lagos", "Pacific/Auckland", "America/St_Johns");
    private static final Instant WARM_UP = Instant.parse("2026-03-09T09:00:00Z");
    /** Three measured minutes, {@link #DUE} members each; the median is reported. */
    private static final List<Instant> MINUTES = List.of(Instant.parse("2026-03-09T10:00:00Z"),
            Instant.parse("2026-03-09T10:01:00Z"), Instant.parse("2026-03-09T10:02:00Z"));
    private static final Instant LAST = MINUTES.get(MINUTES.size() - 1);

    /** What one size measured. */
    record Result(int members, double bytesPerMember, double processCpuSeconds, double threadCpuSeconds, long sent,
                  double bytesPerMemberAfter) {
    }

    private final RedisStore store;

    CheckinBenchmark(RedisStore store) {
        this.store = store;
    }

    Result run(int members) throws Exception {
        ManualClock clock = new ManualClock(WARM_UP.minus(Duration.ofHours(1)));
        AtomicLong sent = new AtomicLong();
        BotCore core = BotCore.builder().clock(clock)
                .gateways(new Gateways().register(new SinkGateway() {
                    @Override
                    void sent(OutboundMessage message, long nanoTime) {
                        sent.incrementAndGet();
                    }
                }))
                .deduplicator(store.deduplicator()).buttons(store.buttons()).profiles(store.profiles())
                .dueQueue(store.dueQueue()).aliases(store.aliases()).executor(Runnable::run, 1_000).dueWork(Duration.ofMinutes(2), 100)
                .feature(new CheckinFeature(store.checkins(), MentorNotes.NONE, CheckinFeature.DEFAULT_NUDGE_DELAY))
                .build();
        long before = usedMemory();
        populate(store.checkins(), members);
        long after = usedMemory();
        store.dueQueue().schedule(new DueItem("ci:w:bench-warm", "checkin.wave", WARM_UP, ""));
        clock.set(WARM_UP);
        core.dueWorker().runDue();
        long warmSent = sent.getAndSet(0);
        if (warmSent != DUE) {
            System.out.printf("  (warm-up sent %d, expected %d)%n", warmSent, DUE);
        }
        System.gc(); // leave population garbage out of the measured minutes
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] process = new double[MINUTES.size()];
        double[] thread = new double[MINUTES.size()];
        long measuredSent = 0;
        for (int m = 0; m < MINUTES.size(); m++) {
            store.dueQueue().schedule(new DueItem("ci:w:bench" + m, "checkin.wave", MINUTES.get(m), ""));
            clock.set(MINUTES.get(m));
            java.util.Map<String, Long> perThread0 = byThread(threads);
            long cpu0 = os.getProcessCpuTime();
            long thread0 = threads.getCurrentThreadCpuTime();
            core.dueWorker().runDue();
            thread[m] = (threads.getCurrentThreadCpuTime() - thread0) / 1e9;
            process[m] = (os.getProcessCpuTime() - cpu0) / 1e9;
            if (System.getProperty("checkins.threads") != null) {
                java.util.Map<String, Long> perThread1 = byThread(threads);
                StringBuilder sb = new StringBuilder("    threads:");
                perThread1.forEach((name, t) -> {
                    long d = t - perThread0.getOrDefault(name, 0L);
                    if (d > 5_000_000) {
                        sb.append(String.format(Locale.ROOT, " %s=%.3f", name, d / 1e9));
                    }
                });
                System.out.println(sb);
            }
            measuredSent += sent.getAndSet(0);
        }
        long afterDispatch = usedMemory();
        return new Result(members, (after - before) / (double) members, Benchmarks.median(process),
                Benchmarks.median(thread), measuredSent / MINUTES.size(), (afterDispatch - before) / (double) members);
    }

    private static java.util.Map<String, Long> byThread(ThreadMXBean threads) {
        java.util.Map<String, Long> out = new java.util.TreeMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                String name = info.getThreadName().replaceAll("[0-9]+", "#");
                out.merge(name, Math.max(0, threads.getThreadCpuTime(info.getThreadId())), Long::sum);
            }
        }
        return out;
    }

    private void populate(CheckinStore checkins, int members) throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    for (int i = first; i < members; i += threads) {
                        Instant at = i < DUE ? WARM_UP : i < (1 + MINUTES.size()) * DUE ? MINUTES.get(i / DUE - 1)
                                : LAST.plus(Duration.ofMinutes(1 + (i * 7919L) % 1430));
                        ZoneId zone = ZoneId.of(ZONES.get(i % ZONES.size()));
                        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
                        ChatUserId member = new ChatUserId(Platform.TELEGRAM, Long.toString(100_000_000L + i * 37L));
                        CommunityId community = new CommunityId(Platform.TELEGRAM, "-100" + (1_000_000_000L + i % 1000));
                        CheckinRecord r = CheckinRecord.fresh(member, local.toLocalTime(), zone, local.toLocalDate())
                                .withSchedule(true, local.toLocalTime(), zone, local.toLocalDate())
                                .withPlace(community, new ConversationId(Platform.TELEGRAM, community.value()));
                        checkins.replace(null, r, at);
                    }
                    return null;
                }));
            }
            for (Future<?> f : parts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private long usedMemory() {
        return store.usedMemory();
    }

    static void report(Result small, Result large) {
        for (Result r : List.of(small, large)) {
            System.out.printf(Locale.ROOT, "  %,d members: %.0f bytes of Redis memory per member scheduled "
                            + "(%.0f after four dispatched minutes, incl. their answer buttons); dispatching %,d due "
                            + "prompts (median of 3 minutes): %.3f s process CPU, %.3f s dispatching-thread CPU%n", r.members(),
                    r.bytesPerMember(), r.bytesPerMemberAfter(), r.sent(), r.processCpuSeconds(), r.threadCpuSeconds());
        }
        System.out.printf(Locale.ROOT, "  dispatch CPU ratio %,d / %,d members: %.2fx process, %.2fx thread "
                        + "(targets: <= 300 bytes/member, <= 0.5 s per 10,000 at 1M, within 1.2x)%n", large.members(),
                small.members(), large.processCpuSeconds() / small.processCpuSeconds(),
                large.threadCpuSeconds() / small.threadCpuSeconds());
    }
}
