package org.fellowship.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.fellowship.core.port.CommunityAliases;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.schedule.DueWorker;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;

/**
 * The assembled bot: engine, outbox, command registry and due-queue worker, built from ports. The app, the local
 * modes, the benchmarks and the test harness all assemble the bot through {@link Builder}, so they run the same
 * code.
 */
public final class BotCore {
    private final BotContext context;
    private final Engine engine;
    private final DueWorker dueWorker;

    private BotCore(BotContext context, Engine engine, DueWorker dueWorker) {
        this.context = context;
        this.engine = engine;
        this.dueWorker = dueWorker;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Engine engine() {
        return engine;
    }

    public DueWorker dueWorker() {
        return dueWorker;
    }

    public BotContext context() {
        return context;
    }

    public CommandRegistry commands() {
        return context.commands();
    }

    /** Collects ports and features; every port is required. */
    public static final class Builder {
        private Clock clock;
        private BotSettings settings = BotSettings.defaults();
        private Gateways gateways = new Gateways();
        private EventDeduplicator deduplicator;
        private ButtonTokenStore buttons;
        private MemberProfileStore profiles;
        private DueQueue dueQueue;
        private CommunityAliases aliases;
        private Executor executor;
        private int maxPending = 10_000;
        private Duration lease = Duration.ofMinutes(2);
        private int dueBatch = 100;
        private EngineMetrics metrics = EngineMetrics.NONE;
        private final List<Feature> features = new ArrayList<>();

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder settings(BotSettings value) {
            this.settings = value;
            return this;
        }

        public Builder gateways(Gateways value) {
            this.gateways = value;
            return this;
        }

        public Builder deduplicator(EventDeduplicator value) {
            this.deduplicator = value;
            return this;
        }

        public Builder buttons(ButtonTokenStore value) {
            this.buttons = value;
            return this;
        }

        public Builder profiles(MemberProfileStore value) {
            this.profiles = value;
            return this;
        }

        public Builder dueQueue(DueQueue value) {
            this.dueQueue = value;
            return this;
        }

        /** The ids communities have now (the engine resolves every event's community through them). */
        public Builder aliases(CommunityAliases value) {
            this.aliases = value;
            return this;
        }

        /** Runs conversations; use a bounded pool in production and {@code Runnable::run} for deterministic replays. */
        public Builder executor(Executor value, int maxPendingEvents) {
            this.executor = value;
            this.maxPending = maxPendingEvents;
            return this;
        }

        public Builder dueWork(Duration leaseTime, int batchSize) {
            this.lease = leaseTime;
            this.dueBatch = batchSize;
            return this;
        }

        public Builder metrics(EngineMetrics value) {
            this.metrics = value;
            return this;
        }

        public Builder feature(Feature feature) {
            features.add(feature);
            return this;
        }

        public BotCore build() {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(deduplicator, "deduplicator");
            Objects.requireNonNull(buttons, "buttons");
            Objects.requireNonNull(profiles, "profiles");
            Objects.requireNonNull(dueQueue, "dueQueue");
            Objects.requireNonNull(aliases, "aliases");
            Objects.requireNonNull(executor, "executor");
            CommandRegistry commands = new CommandRegistry();
            Outbox outbox = new Outbox(gateways, buttons);
            Resumer resumer = new Resumer();
            java.util.Map<String, org.fellowship.core.schedule.DueLane> lanes =
                    new java.util.concurrent.ConcurrentHashMap<>();
            // Features schedule through the lane routing: an item goes on the lane its handler declares.
            BotContext context = new BotContext(clock, settings, outbox, gateways, buttons, profiles,
                    new LaneRouting(dueQueue, lanes), commands, deduplicator, resumer, aliases);
            FeatureRegistry registry = new FeatureRegistry(commands, lanes);
            new CoreCommands().install(registry, context);
            for (Feature feature : features) {
                feature.install(registry, context);
            }
            Engine engine = new Engine(context, deduplicator, new ConversationExecutor(executor, maxPending), registry,
                    metrics);
            resumer.bind(engine);
            DueWorker worker = new DueWorker(dueQueue, registry.dueHandlers(), clock, lease, dueBatch, metrics);
            return new BotCore(context, engine, worker);
        }
    }
}
