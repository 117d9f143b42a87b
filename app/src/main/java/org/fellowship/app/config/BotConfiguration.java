package org.fellowship.app.config;

import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fellowship.app.BotAssembly;
import org.fellowship.app.http.AddressPolicy;
import org.fellowship.app.http.OutboundHttp;
import org.fellowship.app.meetings.CalendarLinks;
import org.fellowship.app.meetings.HttpFeedSource;
import org.fellowship.app.meetings.IcsCalendarExport;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.Gateways;
import org.fellowship.app.semantic.EmbeddingSemanticScorer;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.safety.SemanticScorer;
import org.fellowship.core.safety.SemanticStage;
import io.micrometer.core.instrument.MeterRegistry;
import org.fellowship.redis.RedisStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bot itself: clock, engine threads, connected platforms and the assembled core. */
@Configuration(proxyBeanMethods = false)
public class BotConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Bounded: the engine submits at most one task per active conversation, and never more than max-pending. */
    @Bean(destroyMethod = "")
    ExecutorService engineExecutor(EngineSettings settings) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(settings.threads(), settings.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(settings.maxPending()), r -> {
                    Thread t = new Thread(r, "engine-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    /** Outbound HTTP (meeting feeds) on threads of its own, within one total deadline per request. */
    @Bean(destroyMethod = "close")
    OutboundHttp outboundHttp(HttpSettings settings) {
        return OutboundHttp.withThreads(AddressPolicy.publicOnly(), settings.deadline(), settings.threads());
    }

    @Bean
    Gateways gateways() {
        return new Gateways();
    }

    /**
     * The crisis detector's semantic stage on threads of its own (absent when turned off). Loading the model and
     * embedding the reference bank takes a second or two at start-up.
     */
    @Bean(destroyMethod = "close")
    SemanticStage semanticStage(SemanticSettings settings, Clock clock, MeterRegistry registry) {
        if (!settings.enabled()) {
            org.slf4j.LoggerFactory.getLogger(BotConfiguration.class).info("crisis detection: semantic stage off "
                    + "(fellowship.crisis.semantic.enabled=false); the lexicon alone decides");
            return SemanticStage.inline(SemanticScorer.NONE, clock);
        }
        return SemanticStage.threaded(EmbeddingSemanticScorer.shared(), clock, new MicrometerSemanticMetrics(registry),
                new SemanticStage.Settings(settings.threads(), settings.queue(), settings.maxWait()));
    }

    @Bean
    BotCore botCore(RedisStore store, Clock clock, Gateways gateways, EngineSettings settings,
                    CheckinSettings checkins, ExecutorService engineExecutor, MeterRegistry registry,
                    CalendarLinks calendarLinks, MentorSettings mentors, OutboundHttp outboundHttp,
                    SemanticSettings semanticSettings, SemanticStage semanticStage) {
        if (mentors.fellowship().isEmpty() && store.mentors().claimedCommunities().isEmpty()) {
            // secure by default: no group shapes the mentor chain until the operator names or claims it
            String code = store.mentors().claimCode(MentorChain.freshClaimCode());
            org.slf4j.LoggerFactory.getLogger(BotConfiguration.class).warn("No fellowship groups are set, so no group "
                    + "can set up the mentor chain yet. Claim one: a moderator sends /fellowship claim {} in that "
                    + "group (the code works once), or list your groups in FELLOWSHIP_MENTOR_COMMUNITIES.", code);
        }
        BotSettings bot = new BotSettings(settings.zone(), BotSettings.defaults().dedupeWindow(),
                BotSettings.defaults().buttonTtl());
        BotCore core = BotAssembly.build(store, clock, gateways, bot, engineExecutor, settings.maxPending(),
                new MicrometerEngineMetrics(registry), BotAssembly.Options.deployment(checkins.nudgeDelay(),
                        new IcsCalendarExport(calendarLinks), mentors.fellowship(), mentors.escalation(),
                        new HttpFeedSource(outboundHttp))
                        .withSemantic(semanticSettings.enabled() ? semanticStage : null));
        MicrometerEngineMetrics.registerAtZero(registry, core.dueWorker().kinds());
        return core;
    }

    /** The calendar URLs' token key: the configured secret, else one made once and kept in Redis. */
    @Bean
    CalendarLinks calendarLinks(RedisStore store, CalendarSettings settings) {
        String secret = settings.secret() == null || settings.secret().isBlank() ? store.sharedSecret("calendar")
                : settings.secret();
        return new CalendarLinks(secret, settings.publicUrl());
    }
}
