package org.fellowship.core.milestone;

import org.fellowship.core.testkit.InMemoryMilestones;
import org.fellowship.core.testkit.contract.MilestoneStoreContract;

class InMemoryMilestoneStoreTest extends MilestoneStoreContract {
    @Override
    protected MilestoneStore newStore() {
        return new InMemoryMilestones();
    }
}
