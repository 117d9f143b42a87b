package org.fellowship.core.engine;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time per key (a conversation) and in parallel across keys, on a bounded executor.
 *
 * <p>At most one task per key is on the underlying executor at any moment, so a busy conversation cannot
 * starve the others. {@code maxPending} bounds the tasks waiting overall: {@link #submit} blocks when it is
 * reached, which pushes back on the adapter instead of dropping events or growing memory without bound.
 */
public final class ConversationExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ConversationExecutor.class);
    private final Executor executor;
    private final Semaphore capacity;
    private final Map<String, ArrayDeque<Runnable>> queues = new HashMap<>();

    public ConversationExecutor(Executor executor, int maxPending) {
        this.executor = executor;
        this.capacity = new Semaphore(maxPending);
    }

    /** Queues a task behind earlier tasks of the same key; blocks while {@code maxPending} tasks wait. */
    public void submit(String key, Runnable task) {
        try {
            capacity.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for engine capacity", e);
        }
        boolean start;
        synchronized (queues) {
            ArrayDeque<Runnable> queue = queues.get(key);
            start = queue == null;
            if (start) {
                queue = new ArrayDeque<>();
                queues.put(key, queue);
            }
            queue.add(task);
        }
        if (start) {
            executor.execute(() -> drain(key));
        }
    }

    /** Tasks accepted and not yet finished. */
    public int pending() {
        synchronized (queues) {
            return queues.values().stream().mapToInt(ArrayDeque::size).sum();
        }
    }

    /** Waits until every accepted task has finished, or the timeout passes; {@code true} when idle. */
    public boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (pending() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(2);
        }
        return true;
    }

    private void drain(String key) {
        while (true) {
            Runnable next;
            synchronized (queues) {
                ArrayDeque<Runnable> queue = queues.get(key);
                next = queue.peek();
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // tasks handle their own errors; this only keeps one faulty task from stalling its conversation
                LOG.error("task for conversation {} failed", key, e);
            } finally {
                capacity.release();
                synchronized (queues) {
                    ArrayDeque<Runnable> queue = queues.get(key);
                    queue.poll();
                    if (queue.isEmpty()) {
                        queues.remove(key);
                        next = null;
                    }
                }
            }
            if (next == null) {
                return;
            }
        }
    }
}
