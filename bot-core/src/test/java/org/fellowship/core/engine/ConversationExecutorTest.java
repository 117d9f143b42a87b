package org.fellowship.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fellowship.core.testkit.Eventually;
import org.junit.jupiter.api.Test;

class ConversationExecutorTest {

    @Test
    void runsOneConversationInOrderAndOneAtATime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            ConversationExecutor executor = new ConversationExecutor(pool, 100);
            Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
            AtomicInteger overlaps = new AtomicInteger();
            for (int i = 0; i < 400; i++) {
                String key = "c" + (i % 4);
                int n = i;
                executor.submit(key, () -> {
                    if (active.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(n);
                    active.get(key).decrementAndGet();
                });
            }
            assertThat(executor.awaitIdle(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps.get()).isZero();
            seen.values().forEach(list -> assertThat(list).isSorted().hasSize(100));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSlowConversationDoesNotBlockOthers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            ConversationExecutor executor = new ConversationExecutor(pool, 100);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch otherRan = new CountDownLatch(1);
            executor.submit("slow", () -> {
                try {
                    release.await(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            executor.submit("slow", () -> { });
            executor.submit("fast", otherRan::countDown);
            assertThat(otherRan.await(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            release.countDown();
            assertThat(executor.awaitIdle(Eventually.PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingTaskDoesNotStallItsConversation() throws Exception {
        ConversationExecutor executor = new ConversationExecutor(Runnable::run, 10);
        AtomicInteger ran = new AtomicInteger();
        executor.submit("c", () -> {
            throw new IllegalStateException("boom");
        });
        executor.submit("c", ran::incrementAndGet);
        assertThat(ran.get()).isEqualTo(1);
        assertThat(executor.pending()).isZero();
    }
}
