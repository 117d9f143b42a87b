package org.fellowship.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.ArrayList;
import java.util.List;

/** Key scans for rare whole-keyspace jobs (a community's migration). Stateless. */
final class Scans {
    private Scans() {
    }

    /** Every key matching the glob {@code pattern} (escape literal parts with {@link RedisCommunityStateMover#globEscape}). */
    static List<String> keys(Redis redis, String pattern) {
        ScanArgs match = ScanArgs.Builder.matches(pattern).limit(500);
        List<String> found = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor current = cursor;
            KeyScanCursor<String> page = redis.call("scan", c -> c.scan(current, match));
            found.addAll(page.getKeys());
            cursor = page;
        } while (!cursor.isFinished());
        return found;
    }
}
