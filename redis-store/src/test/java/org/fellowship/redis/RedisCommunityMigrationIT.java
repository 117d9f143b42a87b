package org.fellowship.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.store.CommunityMigration;
import org.fellowship.core.testkit.contract.CommunityMigrationContract;
import org.fellowship.redis.testing.RedisTestServer;
import org.junit.jupiter.api.AfterEach;

/**
 * The supergroup migration end to end over real Redis: the app's {@code CommunityMigration}, the meeting store, the
 * due-queue, button tokens and profiles all in Redis; "nothing left" is checked over every key and every set member
 * of the test's namespace.
 */
class RedisCommunityMigrationIT extends CommunityMigrationContract {
    private final KeySchema keys = RedisTestServer.freshKeys();
    private final RedisStore store = RedisStore.connect(RedisTestServer.uri(), keys, Duration.ofDays(2), clock);
    private final io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(RedisTestServer.uri());
    private final io.lettuce.core.api.sync.RedisCommands<String, String> raw = client.connect().sync();

    @AfterEach
    void close() {
        client.shutdown();
        store.close();
    }

    @Override
    protected Stores stores() {
        return new Stores(store.meetings(), store.checkins(), store.milestones(), store.mentors(), store.buttons(),
                store.profiles(), store.dueQueue(), store.aliases());
    }

    @Override
    protected int migrate(CommunityId from, CommunityId to) {
        return new CommunityMigration(store.aliases(), store.communityMover()).migrate(from, to);
    }

    @Override
    protected List<String> recordsNaming(CommunityId community) {
        List<String> found = new ArrayList<>();
        String tag = community.hashTag();
        String named = ":" + community + ":";
        String value = community.value();
        String done = keys.dueDone("x").substring(0, keys.dueDone("x").lastIndexOf(':') + 1);
        String buttons = keys.buttonToken("");
        ScanArgs match = ScanArgs.Builder.matches(RedisCommunityStateMover.globEscape(keys.prefix()) + "*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = raw.scan(cursor, match);
            for (String key : page.getKeys()) {
                if (key.startsWith(done)) {
                    continue; // a finished item's idempotency marker: holds no data, expires, must not run again
                }
                if (key.startsWith(buttons)) {
                    continue; // buttons already sent carry the old id until they expire; the aliases resolve them
                }
                if (key.contains(tag) || key.contains(named)) {
                    found.add(key);
                }
                if (raw.type(key).equals("set")) {
                    raw.smembers(key).stream().filter(m -> m.contains(tag) || m.contains(named))
                            .forEach(m -> found.add(key + " contains " + m));
                }
                if (raw.type(key).equals("string")) { // member records (JSON) and community records
                    String v = raw.get(key);
                    if (v != null && (v.contains(tag) || v.contains("\"" + value + "\"")
                            || v.contains("|" + value) || v.contains(community.toString()))) {
                        found.add(key + " value");
                    }
                }
                if (raw.type(key).equals("hash")) { // the due-queue's pending items: ids and payloads
                    raw.hgetall(key).forEach((field, v) -> {
                        for (String text : List.of(field, v)) {
                            if (text.contains(tag) || text.contains(":" + value + ":") || text.contains("\t" + value + "\t")
                                    || text.contains("|" + value) || text.contains(community.toString())) {
                                found.add(key + " field " + field);
                            }
                        }
                    });
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }
}
