package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.Range;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fellowship.core.checkin.CheckinFeature;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.meeting.MeetingsFeature;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.milestone.MilestoneFeature;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.privacy.PrivacyFeature;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.store.MemberDataEraser;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.moderation.ModerationFeature;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /forget} over real Redis with every feature installed, the way the app assembles them: a member sets a
 * labelled clean date, checks in with a note, subscribes to a meeting reminder and says they're going, writes a crisis
 * message (a mentor is paged, follow-ups are queued) and a message a filter rule logs (a flood rule counts their
 * messages), and is warned. After
 * {@code /forget}, every key of the namespace, and every value of every type (strings, hashes, sets, sorted sets,
 * lists, streams), is searched for the member's id, names, label, date and words: only the moderation records
 * (the warning, the cases and their references) still hold the member's id, and nothing holds the rest.
 */
class ForgetLeavesNoTraceIT {
    private static final String ID = "8675309";
    private static final List<String> NEEDLES = List.of(ID, "Samantha", "Quill", "alcohol", "2024-03-15",
            "hummingbird", "end my life", "casino night");

    private final KeySchema keys = RedisTestServer.freshKeys();
    private final MutableClock clock = MutableClock.at("2026-03-09T08:00:00Z"); // a Monday
    private final RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(7), clock);
    private final io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.uri());
    private final RedisCommands<String, String> raw = client.connect().sync();
    private final BotHarness bot;

    ForgetLeavesNoTraceIT() {
        MentorChain mentors = MentorChain.on(store.mentors());
        bot = BotHarness.builder().clock(clock)
                .stores(store.deduplicator(), store.buttons(), store.profiles(), store.dueQueue())
                .feature(new ProfileFeature())
                .feature(new CrisisFeature(CrisisDetector.simple(), store.policies(), CrisisResources.builtInTable(),
                        mentors))
                .feature(mentors)
                .feature(new MilestoneFeature(store.milestones()))
                .feature(new MeetingsFeature(store.meetings(), url -> "[]"))
                .feature(new CheckinFeature(store.checkins(), mentors, CheckinFeature.DEFAULT_NUDGE_DELAY))
                .feature(new PrivacyFeature(MemberDataEraser.combined(List.of(store.meetings().asEraser(),
                        store.mentors().asEraser(), store.checkins().asEraser(), store.cases().asEraser(),
                        store.eraser()))))
                .feature(new ModerationFeature(store.moderationRules(), store.warnings(), store.cases(),
                        store.rateLimits()))
                .build();
    }

    @AfterEach
    void close() {
        client.shutdown();
        store.close();
    }

    @Test
    void afterForgetNothingInRedisNamesTheMember() {
        BotHarness.User sam = bot.member(ID, "Samantha Quill");
        BotHarness.User ana = bot.mentor("7", "Ana");
        BotHarness.User mod = bot.moderator("1", "Mo");
        bot.say(ana, "/mentor on");
        bot.sayInGroup(mod, "/meetings add Step Study | mon,thu | 19:30 UTC");
        bot.sayInGroup(mod, "/filter add keyword casino");
        bot.sayInGroup(mod, "/filter add flood 5 60"); // a window per member

        bot.say(sam, "/timezone Europe/Berlin");
        bot.say(sam, "/cleandate alcohol 2024-03-15");
        bot.sayInGroup(sam, "/milestones announce on");
        bot.sayInGroup(sam, "/checkin on 20:00");
        bot.say(sam, "/checkin");
        bot.press(sam, "4");
        bot.press(sam, "2");
        bot.say(sam, "Saw a hummingbird today and felt calm.");
        bot.sayInGroup(sam, "/remind step 15m");
        bot.deliver(new MessageReceived("e-casino", bot.group(), new Member(sam.id(), sam.name(), false, false, false),
                clock.instant(), new MessageRef(bot.group().id(), "m-casino"), "casino night anyone?", null, null, 0));
        bot.deliver(new MessageReceived("e-warn", bot.group(), new Member(mod.id(), mod.name(), true, false, false),
                clock.instant(), new MessageRef(bot.group().id(), "m-warn"), "/warn spam links", new MessageRef(
                bot.group().id(), "m-casino"), sam.id(), 0));
        bot.advance(Duration.ofHours(11).plusMinutes(15)); // the reminder (19:15) and check-in prompt (19:00 UTC)
        bot.press(sam, "I'm going (0)");
        bot.sayInGroup(sam, "I want to end my life");
        bot.advance(Duration.ofMinutes(1));
        List<String> before = found();
        for (String needle : NEEDLES) {
            assertThat(before).as("the scenario stored \"" + needle + "\" somewhere")
                    .anySatisfy(f -> assertThat(f).contains("\"" + needle + "\""));
        }
        assertThat(before).as("scheduled items, button tokens and markers named the member")
                .anySatisfy(f -> assertThat(f).contains(":payloads"))
                .anySatisfy(f -> assertThat(f).contains(":btn:"));

        bot.say(sam, "/export");
        assertThat(bot.lastReply().text()).as("a readable document: by feature, times in Sam's zone, no storage")
                .containsSubsequence("\n\nProfile and time zone\n• Time zone: Europe/Berlin",
                        "\n\nClean dates and milestones\n• Clean dates:\n    Alcohol: 15 Mar 2024", "\n\nCheck-ins\n",
                        "\n\nMeetings, RSVPs and reminders\n", "\n\nModeration records about you\n",
                        "\n\nScheduled messages\n")
                .contains("(Europe/Berlin)").contains("Reason: spam links")
                .doesNotContain("fs:v1", "{u:", "{tg:", "\"v\"", "null", ":btn:", "scheduled:", "mod-cases",
                        "meeting-refs", "T08:", "Z\n");

        bot.say(sam, "/forget");
        assertThat(bot.lastReply().text()).contains("Moderation records stay");
        bot.press(sam, "Yes, erase everything");
        assertThat(bot.lastReply().text()).contains("nothing about you is stored any more")
                .contains("moderation records");

        // Warnings and cases outlast /forget so a member cannot restart the ladder, by id alone: no name, no words
        List<String> kept = List.of(keys.keptIndex(sam.id()), keys.user(sam.id(), RedisCaseLog.MEMBER_INDEX),
                keys.community(bot.group().community(), "mod:cases"));
        String warnings = keys.user(sam.id(), RedisWarningStore.suffix(bot.group().community()));
        List<String> left = found();
        assertThat(left).as("the warning and its case are kept")
                .anySatisfy(f -> assertThat(f).startsWith(warnings + " ("))
                .anySatisfy(f -> assertThat(f).startsWith(kept.get(2) + " ("));
        assertThat(left).allSatisfy(f -> {
            assertThat(f).contains("contains \"" + ID + "\"");
            assertThat(f.startsWith(warnings + " ") || kept.stream().anyMatch(k -> f.startsWith(k + " ")))
                    .as("%s is a moderation record", f).isTrue();
        });
        assertThat(raw.hgetall(keys.community(bot.group().community(), "mod:case-words")))
                .as("no case keeps the member's words").isEmpty();
    }

    /** Every place in the namespace naming the member: key names, and every field and value of every type. */
    private List<String> found() {
        List<String> found = new ArrayList<>();
        ScanArgs match = ScanArgs.Builder.matches(RedisCommunityStateMover.globEscape(keys.prefix()) + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = raw.scan(cursor, match);
            for (String key : page.getKeys()) {
                check(found, key, "key name", key);
                switch (raw.type(key)) {
                    case "string" -> check(found, key, "value", raw.get(key));
                    case "hash" -> raw.hgetall(key).forEach((f, v) -> {
                        check(found, key, "field", f);
                        check(found, key, "field " + f, v);
                    });
                    case "set" -> raw.smembers(key).forEach(m -> check(found, key, "member", m));
                    case "zset" -> raw.zrange(key, 0, -1).forEach(m -> check(found, key, "member", m));
                    case "list" -> raw.lrange(key, 0, -1).forEach(v -> check(found, key, "element", v));
                    case "stream" -> {
                        for (StreamMessage<String, String> m : raw.xrange(key, Range.create("-", "+"))) {
                            for (Map.Entry<String, String> e : m.getBody().entrySet()) {
                                check(found, key, "entry " + m.getId(), e.getKey() + "=" + e.getValue());
                            }
                        }
                    }
                    default -> { }
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }

    private static void check(List<String> found, String key, String where, String text) {
        if (text == null) {
            return;
        }
        for (String needle : NEEDLES) {
            if (text.contains(needle)) {
                found.add(key + " (" + where + ") contains \"" + needle + "\": "
                        + (text.length() > 160 ? text.substring(0, 160) + "..." : text));
            }
        }
    }
}
