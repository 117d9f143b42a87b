package org.fellowship.core.mentor;

import java.time.Duration;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.MentorStoreContract;

class InMemoryMentorStoreTest extends MentorStoreContract {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");

    @Override
    protected MentorStore newStore() {
        return new InMemoryMentorStore(clock);
    }

    @Override
    protected void letTimePass(Duration d) {
        clock.set(clock.instant().plus(d));
    }
}
