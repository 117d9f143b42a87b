package org.fellowship.core.safety;

import org.fellowship.core.testkit.contract.CommunityPolicyStoreContract;

class InMemoryCommunityPolicyStoreTest extends CommunityPolicyStoreContract {
    @Override
    protected CommunityPolicyStore newStore() {
        return CommunityPolicyStore.inMemory();
    }
}
