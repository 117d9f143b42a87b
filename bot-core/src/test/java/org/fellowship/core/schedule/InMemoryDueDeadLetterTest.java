package org.fellowship.core.schedule;

import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.core.testkit.contract.DueDeadLetterContract;

class InMemoryDueDeadLetterTest extends DueDeadLetterContract {
    @Override
    protected DueQueue newQueue(MutableClock clock) {
        return new InMemoryDueQueue();
    }
}
