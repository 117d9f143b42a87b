package org.fellowship.core.schedule;

import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.contract.DueQueueContract;

class InMemoryDueQueueTest extends DueQueueContract {
    @Override
    protected DueQueue newQueue() {
        return new InMemoryDueQueue();
    }
}
