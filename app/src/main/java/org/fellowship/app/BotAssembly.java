package org.fellowship.app;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import org.fellowship.app.http.AddressPolicy;
import org.fellowship.app.http.OutboundHttp;
import org.fellowship.app.meetings.HttpFeedSource;
import org.fellowship.app.meetings.IcsCalendarExport;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.EngineMetrics;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.meeting.CalendarExport;
import org.fellowship.core.meeting.feed.FeedSource;
import org.fellowship.core.meeting.MeetingsFeature;
import org.fellowship.core.mentor.EscalationPolicy;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.milestone.MilestoneFeature;
import org.fellowship.core.privacy.PrivacyFeature;
import org.fellowship.app.nlp.OpenNlpAnalyzer;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.store.MemberDataEraser;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.safety.SemanticStage;
import org.fellowship.moderation.ModerationFeature;
import org.fellowship.redis.RedisStore;

/**
 * Builds the bot from a Redis store, a clock and the connected platforms. The Spring app, the console and replay
 * modes and the benchmarks all assemble the bot here, so every mode runs the same features in the same order.
 */
public final class BotAssembly {
    private BotAssembly() {
    }

    /** Total deadline of a feed fetch where no configuration says otherwise ({@code fellowship.http.deadline}). */
    public static final Duration DEFAULT_HTTP_DEADLINE = Duration.ofSeconds(20);

    /**
     * What differs between deployments.
     *
     * @param nudgeDelay         the check-in reminder delay ({@code fellowship.checkins.nudge-delay})
     * @param calendar           renders {@code /meetings ics} (the web app's knows the calendar links it serves)
     * @param mentorCommunities  the fellowship's own groups, which alone shape the mentor chain; empty: every group
     * @param feeds              where meeting feeds are fetched from: the server's runs on its own bounded executor
     * @param semantic           the crisis detector's semantic stage, or {@code null} for the lexicon alone
     */
    public record Options(Duration nudgeDelay, CalendarExport calendar, Set<CommunityId> mentorCommunities,
                          EscalationPolicy escalation, boolean everyGroupWhenNoneSet, FeedSource feeds,
                          SemanticStage semantic) {
        public Options {
            Objects.requireNonNull(nudgeDelay, "nudgeDelay");
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(escalation, "escalation");
            Objects.requireNonNull(feeds, "feeds");
            mentorCommunities = Set.copyOf(mentorCommunities);
        }

        /**
         * A deployment: only configured and claimed groups shape the mentor chain (secure by default: with none, no
         * group does until the operator claims one).
         *
         * @param feeds the server's feed source, fetching on threads of its own
         */
        public static Options deployment(Duration nudgeDelay, CalendarExport calendar,
                                         Set<CommunityId> mentorCommunities, EscalationPolicy escalation,
                                         FeedSource feeds) {
            return new Options(nudgeDelay, calendar, mentorCommunities, escalation, false, feeds, null);
        }

        /** The same options with a semantic stage ({@code null}: none). */
        public Options withSemantic(SemanticStage stage) {
            return new Options(nudgeDelay, calendar, mentorCommunities, escalation, everyGroupWhenNoneSet, feeds,
                    stage);
        }

        /**
         * Local modes and tests: default reminder delay, calendar files without links, every group served, feeds
         * fetched on the caller's thread ({@link #localFeeds()}).
         */
        public static Options defaults() {
            return new Options(CheckinFeature.DEFAULT_NUDGE_DELAY, new IcsCalendarExport(), Set.of(),
                    EscalationPolicy.defaults(), true, localFeeds(), null);
        }
    }

    /**
     * Feeds fetched on the caller's thread, within {@link #DEFAULT_HTTP_DEADLINE}, public addresses only: for the
     * replay and console modes and the benchmarks, whose output must not depend on thread timing. The server uses its
     * own bounded executor instead (see {@code BotConfiguration}).
     */
    public static FeedSource localFeeds() {
        return LocalFeeds.SOURCE;
    }

    /** Made on first use; its one OkHttp client needs no closing (idle connections time out on a daemon thread). */
    private static final class LocalFeeds {
        static final FeedSource SOURCE = new HttpFeedSource(OutboundHttp.onCallerThread(AddressPolicy.publicOnly(),
                DEFAULT_HTTP_DEADLINE));
    }

    /**
     * Every feature, in the order they are installed (command listing order follows it). Crisis support installs
     * the safety screen with OpenNLP stage 2 (models load once per process, about a second).
     *
     * @param feeds where meeting feeds are fetched from (the app's HTTP fetcher)
     */
    public static List<Feature> features(RedisStore store, FeedSource feeds) {
        return features(store, feeds, Options.defaults());
    }

    /** {@link #features(RedisStore, FeedSource)} with a deployment's options. */
    public static List<Feature> features(RedisStore store, FeedSource feeds, Options options) {
        MentorChain chain = MentorChain.on(store.mentors()).with(options.escalation());
        MentorChain mentors = options.everyGroupWhenNoneSet() && options.mentorCommunities().isEmpty()
                ? chain.forEveryGroup() : chain.onlyFor(options.mentorCommunities());
        ModerationFeature moderation = new ModerationFeature(store.moderationRules(), store.warnings(), store.cases(),
                store.rateLimits());
        return List.of(new ProfileFeature(),
                new CrisisFeature(CrisisDetector.standard(OpenNlpAnalyzer.shared()), store.policies(),
                        CrisisResources.builtInTable(), mentors, options.escalation().followUps(),
                        options.semantic()),
                mentors, new MilestoneFeature(store.milestones()),
                new MeetingsFeature(store.meetings(), feeds, options.calendar()),
                new CheckinFeature(store.checkins(), mentors, options.nudgeDelay()),
                new PrivacyFeature(MemberDataEraser.combined(List.of(store.meetings().asEraser(),
                        store.mentors().asEraser(), store.checkins().asEraser(), moderation.eraser(),
                        store.eraser()))),
                // Moderation's guard runs after the crisis feature's safety screen and never touches what it flags.
                moderation);
    }

    public static BotCore build(RedisStore store, Clock clock, Gateways gateways, BotSettings settings,
                                Executor executor, int maxPendingEvents) {
        return build(store, clock, gateways, settings, executor, maxPendingEvents, EngineMetrics.NONE);
    }

    public static BotCore build(RedisStore store, Clock clock, Gateways gateways, BotSettings settings,
                                Executor executor, int maxPendingEvents, EngineMetrics metrics) {
        return build(store, clock, gateways, settings, executor, maxPendingEvents, metrics, Options.defaults());
    }

    /** As above, with a deployment's options. */
    public static BotCore build(RedisStore store, Clock clock, Gateways gateways, BotSettings settings,
                                Executor executor, int maxPendingEvents, EngineMetrics metrics, Options options) {
        BotCore.Builder builder = BotCore.builder()
                .metrics(metrics)
                .clock(clock)
                .settings(settings)
                .gateways(gateways)
                .deduplicator(store.deduplicator())
                .buttons(store.buttons())
                .profiles(store.profiles())
                .dueQueue(store.dueQueue())
                .aliases(store.aliases())
                .executor(executor, maxPendingEvents);
        features(store, options.feeds(), options).forEach(builder::feature);
        return builder.build();
    }
}
