package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.checkin.CheckinRecord;
import org.fellowship.core.checkin.CheckinStore;
import org.fellowship.core.checkin.DayLog;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.privacy.PrivacyFeature;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.CheckinStoreContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedisCheckinStoreIT extends CheckinStoreContract {
    private final List<RedisStore> stores = new ArrayList<>();

    /** A store whose expiries run on {@code clock}: the same clock as the bot instance using it. */
    private RedisStore connect(KeySchema keys, MutableClock clock) {
        RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
        stores.add(store);
        return store;
    }

    @Override
    protected CheckinStore newStore() {
        return connect(RedisTestServer.freshKeys(), MutableClock.at("2026-03-08T09:00:00Z")).checkins();
    }

    @AfterEach
    void closeStores() {
        stores.forEach(RedisStore::close);
    }

    private static BotHarness instance(RedisStore redis, MutableClock clock, FakeChatGateway gateway) {
        return BotHarness.builder().gateway(gateway).clock(clock).dueBatch(1)
                .stores(redis.deduplicator(), redis.buttons(), redis.profiles(), redis.dueQueue())
                .feature(new ProfileFeature())
                .feature(new CheckinFeature(redis.checkins(), MentorNotes.NONE, CheckinFeature.DEFAULT_NUDGE_DELAY))
                .feature(new PrivacyFeature(org.fellowship.core.store.MemberDataEraser.combined(List.of(
                        redis.checkins().asEraser(), redis.eraser()))))
                .build();
    }

    @Test
    void twoInstancesOnOneRedisNeverDoubleSend() throws Exception {
        KeySchema keys = RedisTestServer.freshKeys();
        MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
        FakeChatGateway gatewayA = FakeChatGateway.telegram();
        FakeChatGateway gatewayB = FakeChatGateway.telegram();
        RedisStore redisA = connect(keys, clock);
        BotHarness a = instance(redisA, clock, gatewayA);
        BotHarness b = instance(connect(keys, clock), clock, gatewayB);
        int members = 120;
        for (int i = 0; i < members; i++) {
            BotHarness.User m = a.member(Integer.toString(1000 + i), "M" + i);
            a.say(m, "/timezone UTC");
            a.say(m, "/checkin on 10:00");
        }
        gatewayA.clear();
        // Extra waves so both instances have work to claim at once and select the same due members.
        for (int w = 1; w <= 6; w++) {
            redisA.dueQueue().schedule(new DueItem("ci:w:extra" + w, "checkin.wave",
                    Instant.parse("2026-03-08T10:00:00Z"), ""));
        }
        clock.set(Instant.parse("2026-03-08T10:00:30Z"));
        CompletableFuture<Integer> runA = CompletableFuture.supplyAsync(() -> a.core().dueWorker().runDue());
        CompletableFuture<Integer> runB = CompletableFuture.supplyAsync(() -> b.core().dueWorker().runDue());
        runA.get();
        runB.get();
        Map<String, Integer> prompts = new HashMap<>();
        for (OutboundMessage m : concat(gatewayA.sent(), gatewayB.sent())) {
            prompts.merge(m.to().value(), 1, Integer::sum);
        }
        assertThat(prompts).hasSize(members);
        assertThat(prompts.values()).allMatch(n -> n == 1);
    }

    private static List<OutboundMessage> concat(List<OutboundMessage> x, List<OutboundMessage> y) {
        List<OutboundMessage> all = new ArrayList<>(x);
        all.addAll(y);
        return all;
    }

    @Test
    void restartOnRedisMidWaveLosesNothingAndSendsNothingTwice() {
        KeySchema keys = RedisTestServer.freshKeys();
        MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
        FakeChatGateway first = FakeChatGateway.telegram();
        BotHarness a = instance(connect(keys, clock), clock, first);
        for (int i = 0; i < 20; i++) {
            BotHarness.User m = a.member(Integer.toString(2000 + i), "M" + i);
            a.say(m, "/timezone UTC");
            a.say(m, "/checkin on 10:00");
        }
        first.clear();
        first.crashAfterSends(7);
        clock.set(Instant.parse("2026-03-08T10:00:00Z"));
        try {
            a.core().dueWorker().runDue();
        } catch (FakeChatGateway.SimulatedCrash expected) {
            // the process "died" after its 7th prompt, holding the wave's lease
        }
        FakeChatGateway second = FakeChatGateway.telegram();
        BotHarness b = instance(connect(keys, clock), clock, second);
        b.advance(Duration.ofMinutes(3));
        assertThat(first.sent()).hasSize(7);
        assertThat(second.sent()).hasSize(13);
        assertThat(concat(first.sent(), second.sent())).extracting(m -> m.to().value()).doesNotHaveDuplicates();
    }

    @Test
    void forgetErasesCheckinsAndExportIncludesThem() {
        KeySchema keys = RedisTestServer.freshKeys();
        MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
        RedisStore redis = connect(keys, clock);
        BotHarness bot = instance(redis, clock, FakeChatGateway.telegram());
        BotHarness.User sam = bot.member("42", "Sam");
        bot.say(sam, "/checkin on 20:00");
        bot.say(sam, "/checkin");
        bot.press(sam, "2");
        bot.press(sam, "6");
        bot.say(sam, "tough one");
        bot.say(sam, "/export");
        assertThat(bot.lastReply().text()).contains("\n\nCheck-ins\n").contains("mood 2, craving 6").contains("tough one")
                .doesNotContain("fs:v1", "null");
        bot.say(sam, "/forget");
        bot.press(sam, "Yes, erase everything");
        assertThat(bot.lastReply().text()).startsWith("Done.");
        assertThat(redis.checkins().find(sam.id())).isEmpty();
        assertThat(redis.checkins().notes(sam.id())).isEmpty();
        assertThat(redis.eraser().holdsAnything(sam.id())).isFalse();
        assertThat(redis.checkins().nextEventAt()).isEmpty();
    }

    @Test
    void bucketsStayListpackEncodedAndValuesShort() {
        KeySchema keys = RedisTestServer.freshKeys();
        RedisStore redis = connect(keys, MutableClock.at("2026-03-08T09:00:00Z"));
        LocalDate day = LocalDate.of(2026, 3, 8);
        CheckinRecord r = CheckinRecord.fresh(new ChatUserId(Platform.TELEGRAM, "123456789"), LocalTime.of(20, 0),
                ZoneId.of("America/Argentina/Buenos_Aires"), day).withSchedule(true, LocalTime.of(20, 0),
                ZoneId.of("America/Argentina/Buenos_Aires"), day);
        DayLog log = r.log();
        for (int i = 0; i < 100; i++) {
            log = log.with(day.plusDays(i), DayLog.answer(5, 10));
        }
        CheckinRecord full = r.withLog(log);
        CheckinCodec codec = new CheckinCodec();
        assertThat(codec.writeDays(full.log()).length()).isLessThanOrEqualTo(64);
        assertThat(codec.writeSettings(full).length()).isLessThanOrEqualTo(64);
        redis.checkins().replace(null, full, Instant.parse("2026-03-08T23:00:00Z"));
        assertThat(redis.checkins().find(full.member())).contains(full);
        int bucket = RedisCheckinStore.bucket(RedisCheckinStore.field(full.member()));
        io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.uri());
        try (var connection = client.connect()) {
            assertThat(connection.sync().objectEncoding(keys.checkinSettings(bucket))).isIn("listpack", "ziplist");
            assertThat(connection.sync().objectEncoding(keys.checkinDays(bucket))).isIn("listpack", "ziplist");
        } finally {
            client.shutdown();
        }
    }
}
