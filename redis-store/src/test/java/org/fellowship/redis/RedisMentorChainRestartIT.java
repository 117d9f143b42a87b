package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.safety.MentorChain;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A restart mid-chain against Redis: a new connection, engine and chain over the same keys. */
class RedisMentorChainRestartIT {
    private final KeySchema keys = RedisTestServer.freshKeys();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final FakeChatGateway gateway = FakeChatGateway.telegram();
    private final List<RedisStore> stores = new ArrayList<>();

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }

    /** One process's life: its own Redis connection, engine and chain. */
    private BotHarness boot() {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2));
        stores.add(store);
        MentorChain chain = MentorChain.on(store.mentors());
        BotHarness bot = BotHarness.builder().clock(clock).gateway(gateway)
                // the harness numbers events from 1 in every life, so de-duplication stays per life
                .stores(new InMemoryStores.Deduplicator(clock), store.buttons(), store.profiles(), store.dueQueue())
                .feature(chain)
                .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                        CrisisResources.builtInTable(), chain))
                .build();
        bot.replies();
        return bot;
    }

    private static List<OutboundMessage> to(BotHarness.User user, List<OutboundMessage> sent) {
        return sent.stream().filter(m -> user.id().equals(m.recipient())).toList();
    }

    @Test
    void escalationSurvivesARestartAndPagesOnce() {
        BotHarness before = boot();
        BotHarness.User sam = before.member("42", "Sam");
        BotHarness.User ana = before.mentor("7", "Ana");
        BotHarness.User ben = before.mentor("8", "Ben");
        BotHarness.User mod = before.moderator("1", "Mo");
        before.say(ana, "/mentor on");
        before.say(ben, "/mentor on");
        before.say(mod, "/mentor_tier 8 2");
        before.replies();
        before.say(sam, "/help-now");
        before.press(sam, "Yes, connect me with a mentor");
        assertThat(to(ana, before.replies())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Crisis alert"));

        BotHarness after = boot();
        after.advance(Duration.ofMinutes(6));
        List<OutboundMessage> escalated = after.replies();
        assertThat(to(ben, escalated)).singleElement().satisfies(m -> assertThat(m.text()).contains("Crisis alert"));
        assertThat(to(ana, escalated)).isEmpty();

        BotHarness again = boot();
        again.advance(Duration.ofMinutes(1));
        assertThat(again.replies()).isEmpty();
        again.press(ana, "Take");
        assertThat(to(sam, again.replies())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Ana").contains("on the way"));
        again.press(ben, "Take");
        assertThat(to(ben, again.replies())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Another mentor has already taken"));
    }
}
