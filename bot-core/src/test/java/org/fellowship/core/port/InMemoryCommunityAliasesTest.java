package org.fellowship.core.port;

import org.fellowship.core.testkit.InMemoryCommunityAliases;
import org.fellowship.core.testkit.contract.CommunityAliasesContract;

class InMemoryCommunityAliasesTest extends CommunityAliasesContract {
    @Override
    protected CommunityAliases newAliases() {
        return new InMemoryCommunityAliases();
    }
}
