package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.testkit.InMemoryRateLimitStore;
import org.junit.jupiter.api.Test;

/**
 * A burst of DMs to distinct members through the gateway and the app's {@link TelegramRateLimiter} (over the in-memory
 * {@code RateLimitStore}, which has the Redis store's semantics; {@code -Dfellowship.benchmark.limiter=local} uses the
 * test-only {@link InProcessRateLimiter} instead, for comparison), against the fake Bot API enforcing Telegram's limits (30 in any
 * sliding second per bot, 1/s per private chat). Reports the delivered rate as a fraction of the limit and the number
 * of 429s.
 *
 * <p>Opt-in: without {@code -Dfellowship.benchmark.dms=N} it is skipped. The full benchmark (5,000 DMs, about
 * three minutes) runs with:
 * {@code ./mvnw -q -B -o -pl telegram-adapter -am verify -Dit.test=DmBurstBenchmarkIT -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false -Dfellowship.benchmark.dms=5000}
 */
class DmBurstBenchmarkIT {
    private static final int SMOKE_DMS = 300;
    private static final double TELEGRAM_LIMIT_PER_SECOND = 30.0;

    @Test
    void burstOfDirectMessagesStaysUnderTelegramsLimits() throws Exception {
        // A benchmark, not a test: it runs only when asked for, and reports its rate instead of asserting a time.
        Assumptions.assumeTrue(System.getProperty("fellowship.benchmark.dms") != null,
                "DM burst benchmark: run with -Dfellowship.benchmark.dms=N");
        int dms = Integer.getInteger("fellowship.benchmark.dms", SMOKE_DMS);
        try (FakeBotApi api = new FakeBotApi()) {
            api.enforceTelegramLimits();
            KnownPrivateChats known = new InMemoryKnownPrivateChats();
            for (int i = 0; i < dms; i++) {
                known.add(Long.toString(1_000_000 + i));
            }
            TelegramConfig config = api.config();
            boolean local = "local".equals(System.getProperty("fellowship.benchmark.limiter"));
            SendPermits limiter = local ? new InProcessRateLimiter(RateLimits.telegram(), Clock.systemUTC())
                    : new TelegramRateLimiter(new InMemoryRateLimitStore(), RateLimits.telegram(), Clock.systemUTC());
            TelegramGateway gateway = new TelegramGateway(config, known, limiter, Clock.systemUTC());
            // Warm up (class loading, connections) outside the measured burst and the fake's one-second window.
            known.add("999");
            gateway.send(OutboundMessage.text(new ConversationId(Platform.TELEGRAM, "999"), "warm-up"));
            Thread.sleep(1_100);
            int warmUpCalls = api.calls("sendmessage").size();
            ExecutorService senders = Executors.newFixedThreadPool(8);
            AtomicInteger failed = new AtomicInteger();
            try {
                List<Future<?>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < dms; i++) {
                    ConversationId chat = new ConversationId(Platform.TELEGRAM, Long.toString(1_000_000 + i));
                    futures.add(senders.submit(() -> {
                        try {
                            gateway.send(OutboundMessage.text(chat, "Your daily check-in is ready."));
                        } catch (GatewayException e) {
                            failed.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                senders.shutdownNow();
                gateway.close();
            }
            List<FakeBotApi.Call> all = api.calls("sendmessage");
            List<FakeBotApi.Call> calls = all.subList(warmUpCalls, all.size());
            long first = calls.get(0).atNanos();
            long last = calls.get(calls.size() - 1).atNanos();
            int delivered = calls.size() - api.rejections();
            double seconds = (last - first) / 1e9;
            double rate = (delivered - 1) / seconds;
            double fraction = rate / TELEGRAM_LIMIT_PER_SECOND;
            System.out.println(String.format(Locale.ROOT,
                    "BENCHMARK telegram DM burst (%s limiter): dms=%d delivered=%d in %.1f s, rate=%.2f/s = %.1f %% "
                            + "of %d/s, 429s=%d, failed=%d", local ? "local" : "shared", dms, delivered, seconds, rate,
                    fraction * 100,
                    (int) TELEGRAM_LIMIT_PER_SECOND, api.rejections(), failed.get()));
            // Correctness only: every DM arrives, none exceeds the limit window. The rate is the printed result.
            assertThat(failed.get()).isZero();
            assertThat(delivered).isEqualTo(dms);
            assertThat(fraction).isLessThanOrEqualTo(1.0);
        }
    }
}
