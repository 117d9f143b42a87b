package org.fellowship.core.mentor;

import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.contract.MentorChainRestartContract;

/** The restart contract over the in-memory stores (every life sees the same store objects). */
class MentorChainRestartTest extends MentorChainRestartContract {
    private final Life shared = new Life(new InMemoryMentorStore(clock), new InMemoryStores.Buttons(clock),
            new InMemoryStores.Profiles(), new InMemoryDueQueue());

    @Override
    protected Life newLife() {
        return shared;
    }
}
