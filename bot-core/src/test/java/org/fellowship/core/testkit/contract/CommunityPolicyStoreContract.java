package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.safety.CommunityPolicy;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.DetectorThresholds;
import org.fellowship.core.safety.LexiconEntry;
import org.junit.jupiter.api.Test;

/** What every {@link CommunityPolicyStore} must do; run against the in-memory store and Redis. */
public abstract class CommunityPolicyStoreContract {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final CommunityId OTHER = new CommunityId(Platform.DISCORD, "900");

    /** A fresh, empty store (its own namespace). */
    protected abstract CommunityPolicyStore newStore();

    @Test
    void unknownCommunitiesAndDirectChatsGetTheDefaults() {
        CommunityPolicyStore store = newStore();
        assertThat(store.policy(GROUP)).isEqualTo(CommunityPolicy.defaults());
        assertThat(store.policy(null)).isEqualTo(CommunityPolicy.defaults());
    }

    @Test
    void aFullPolicyRoundTripsPerCommunity() {
        CommunityPolicyStore store = newStore();
        CommunityPolicy policy = new CommunityPolicy(
                List.of(new LexiconEntry("going to the bridge", CrisisCategory.OVERDOSE_LETHAL_MEANS, 0.7),
                        new LexiconEntry("unalive", CrisisCategory.SUICIDAL_IDEATION, 0.8)),
                Set.of("suicide silence"), new DetectorThresholds(0.4, 0.55, 0.85), "DE",
                Map.of("DE", List.of("Telefonseelsorge 0800 111 0 111", "Notruf 112")));
        store.save(GROUP, policy);
        assertThat(store.policy(GROUP)).isEqualTo(policy);
        assertThat(store.policy(OTHER)).isEqualTo(CommunityPolicy.defaults());

        CommunityPolicy changed = policy.without("unalive").withCountry(null).withLines("DE", null);
        store.save(GROUP, changed);
        assertThat(store.policy(GROUP)).isEqualTo(changed);
        assertThat(store.policy(GROUP).additions()).extracting(LexiconEntry::phrase).containsExactly("going to the bridge");
    }
}
