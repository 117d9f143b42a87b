package org.fellowship.core.meeting;

import org.fellowship.core.testkit.InMemoryMeetingStore;
import org.fellowship.core.testkit.contract.MeetingStoreContract;

class InMemoryMeetingStoreTest extends MeetingStoreContract {
    @Override
    protected MeetingStore newStore() {
        return new InMemoryMeetingStore(clock);
    }
}
