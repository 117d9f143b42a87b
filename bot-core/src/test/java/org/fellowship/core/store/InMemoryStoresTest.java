package org.fellowship.core.store;

import java.time.Duration;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.ButtonTokenStoreContract;
import org.fellowship.core.testkit.contract.SimpleStoresContract;
import org.junit.jupiter.api.Nested;

class InMemoryStoresTest {
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");

    @Nested
    class Buttons extends ButtonTokenStoreContract {
        @Override
        protected ButtonTokenStore newStore() {
            return new InMemoryStores.Buttons(clock);
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
        }
    }

    @Nested
    class Simple extends SimpleStoresContract {
        @Override
        protected EventDeduplicator newDeduplicator() {
            return new InMemoryStores.Deduplicator(clock);
        }

        @Override
        protected MemberProfileStore newProfiles() {
            return new InMemoryStores.Profiles();
        }

        @Override
        protected DirectChatRegistry newDirectChats() {
            return new InMemoryStores.DirectChats();
        }

        @Override
        protected void elapse(Duration duration) {
            clock.advance(duration);
        }
    }
}
