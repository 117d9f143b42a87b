package org.fellowship.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import org.fellowship.app.meetings.HttpFeedSource;
import org.fellowship.app.meetings.IcsCalendarExport;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.EngineMetrics;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.meeting.CalendarExport;
import org.fellowship.core.meeting.FeedSource;
import org.fellowship.core.meeting.MeetingsFeature;
import org.fellowship.core.milestone.MilestoneFeature;
import org.fellowship.core.privacy.PrivacyFeature;
import org.fellowship.app.nlp.OpenNlpAnalyzer;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.store.MemberDataEraser;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.safety.MentorChain;
import org.fellowship.moderation.ModerationFeature;
import org.fellowship.redis.RedisStore;

/**
 * Builds the bot from a Redis store, a clock and the connected platforms. The Spring app, the console and replay
 * modes and the benchmarks all assemble the bot here, so every mode runs the same features in the same order.
 */
public final class BotAssembly {
    private BotAssembly() {
    }

    /**
     * Every feature, in the order they are installed (command listing order follows it). Crisis support installs
     * the safety screen with OpenNLP stage 2 (models load once per process, about a second).
     *
     * @param feeds where meeting feeds are fetched from (the app's HTTP fetcher)
     */
    public static List<Feature> features(RedisStore store, FeedSource feeds) {
        return features(store, feeds, CheckinFeature.DEFAULT_NUDGE_DELAY);
    }

    /** {@link #features(RedisStore, FeedSource)} with the check-in reminder delay. */
    public static List<Feature> features(RedisStore store, FeedSource feeds, Duration nudgeDelay) {
        return features(store, feeds, nudgeDelay, new IcsCalendarExport());
    }

    /** As above, with the calendar export that knows the community's subscription links (the web app's). */
    public static List<Feature> features(RedisStore store, FeedSource feeds, Duration nudgeDelay,
                                         CalendarExport calendar) {
        MentorChain mentors = MentorChain.on(store.mentors());
        return List.of(new ProfileFeature(),
                new CrisisFeature(CrisisDetector.standard(OpenNlpAnalyzer.shared()), store.policies(),
                        CrisisResources.builtInTable(), mentors),
                mentors, new MilestoneFeature(store.milestones()), new MeetingsFeature(store.meetings(), feeds, calendar),
                new CheckinFeature(store.checkins(), mentors, nudgeDelay),
                new PrivacyFeature(MemberDataEraser.combined(List.of(store.meetings().asEraser(),
                        store.mentors().asEraser(), store.checkins().asEraser(), store.cases().asEraser(),
                        store.eraser()))),
                // Moderation's guard runs after the crisis feature's safety screen and never touches what it flags.
                new ModerationFeature(store.moderationRules(), store.warnings(), store.cases(), store.rateLimits()));
    }

    public static BotCore build(RedisStore store, Clock clock, Gateways gateways, BotSettings settings,
                                Executor executor, int maxPendingEvents) {
        return build(store, clock, gateways, settings, executor, maxPendingEvents, EngineMetrics.NONE);
    }

    public static BotCore build(RedisStore store, Clock clock, Gateways gateways, BotSettings settings,
                                Executor executor, int maxPendingEvents, EngineMetrics metrics) {
        return build(store, clock, gateways, settings, executor, maxPendingEvents, metrics,
                CheckinFeature.DEFAULT_NUDGE_DELAY);
    }

    /** As above, with the check-in reminder delay ({@code fellowship.checkins.nudge-delay}). */
    public static BotCore build(RedisStore store, Clock clock, Gateways gateways, BotSettings settings,
                                Executor executor, int maxPendingEvents, EngineMetrics metrics, Duration nudgeDelay) {
        return build(store, clock, gateways, settings, executor, maxPendingEvents, metrics, nudgeDelay,
                new IcsCalendarExport());
    }

    /** As above, with the calendar export (the web app's knows the calendar links it serves). */
    public static BotCore build(RedisStore store, Clock clock, Gateways gateways, BotSettings settings,
                                Executor executor, int maxPendingEvents, EngineMetrics metrics, Duration nudgeDelay,
                                CalendarExport calendar) {
        BotCore.Builder builder = BotCore.builder()
                .metrics(metrics)
                .clock(clock)
                .settings(settings)
                .gateways(gateways)
                .deduplicator(store.deduplicator())
                .buttons(store.buttons())
                .profiles(store.profiles())
                .dueQueue(store.dueQueue())
                .executor(executor, maxPendingEvents);
        features(store, new HttpFeedSource(Duration.ofSeconds(10)), nudgeDelay, calendar).forEach(builder::feature);
        return builder.build();
    }
}
