package org.fellowship.app.config;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.schedule.DueRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs scheduled work while the app is up (every due-queue lane on a thread of its own, leases renewed while items
 * run: {@link DueRunner}) and shuts down gracefully: stop polling the due-queue, stop accepting
 * events, drain what was accepted (up to the drain timeout), then let Redis close. Adapters stop before this
 * (they run in a later lifecycle phase), so no event arrives after the engine closed.
 */
@Component
public class BotLifecycle implements SmartLifecycle {
    /** Adapters use a higher phase: they start after and stop before the engine. */
    public static final int PHASE = 0;
    private static final Logger LOG = LoggerFactory.getLogger(BotLifecycle.class);

    private final BotCore core;
    private final EngineSettings settings;
    private final ExecutorService engineExecutor;
    private DueRunner dueRunner;
    private volatile boolean running;

    public BotLifecycle(BotCore core, EngineSettings settings, ExecutorService engineExecutor) {
        this.core = core;
        this.settings = settings;
        this.engineExecutor = engineExecutor;
    }

    @Override
    public void start() {
        dueRunner = DueRunner.start(core.dueWorker(), settings.duePoll());
        running = true;
        LOG.info("Engine started: {} threads, {} commands", settings.threads(), core.commands().menu().size());
    }

    @Override
    public void stop() {
        running = false;
        core.engine().close();
        try {
            dueRunner.close(settings.drainTimeout());
            if (!core.engine().executor().awaitIdle(settings.drainTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("shutdown: {} events were still queued after {}", core.engine().executor().pending(),
                        settings.drainTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        engineExecutor.shutdown();
        LOG.info("Engine stopped");
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
