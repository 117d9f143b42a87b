package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.fellowship.core.milestone.Announcements;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.LadderChoice;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.Milestone;
import org.fellowship.core.milestone.MilestoneStore;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link MilestoneStore} must have. */
public abstract class MilestoneStoreContract {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");

    /** A fresh, empty store (its own namespace). */
    protected abstract MilestoneStore newStore();

    @Test
    void memberRecordRoundTripsWithEverything() {
        MilestoneStore store = newStore();
        assertThat(store.find(SAM)).isEmpty();
        MemberMilestones m = MemberMilestones.fresh(SAM)
                .withCleanDate(MemberMilestones.DEFAULT_LABEL, LocalDate.of(2024, 2, 29))
                .withCleanDate("gambling", LocalDate.of(2025, 1, 2))
                .restart("gambling", LocalDate.of(2026, 3, 8))
                .withLadder(LadderChoice.CUSTOM, GROUP)
                .withAnnouncements(new Announcements(new ConversationId(Platform.TELEGRAM, "-1001"), GROUP, "Sam Ö"));
        store.save(m);
        MemberMilestones read = store.find(SAM).orElseThrow();
        assertThat(read).isEqualTo(m);
        assertThat(read.history()).hasSize(1);
        assertThat(read.history().get(0).date()).isEqualTo(LocalDate.of(2025, 1, 2));
        assertThat(store.find(new ChatUserId(Platform.DISCORD, "42"))).as("other platform").isEmpty();
    }

    @Test
    void freshRecordAndLastWriteWins() {
        MilestoneStore store = newStore();
        store.save(MemberMilestones.fresh(SAM));
        assertThat(store.find(SAM)).contains(MemberMilestones.fresh(SAM));
        store.save(MemberMilestones.fresh(SAM).withLadder(LadderChoice.AA, null));
        assertThat(store.find(SAM).orElseThrow().ladder()).isEqualTo(LadderChoice.AA);
        assertThat(store.find(SAM).orElseThrow().announcements()).isNull();
    }

    @Test
    void communitySettingsRoundTrip() {
        MilestoneStore store = newStore();
        assertThat(store.community(GROUP)).isEmpty();
        CommunityMilestones settings = CommunityMilestones.defaults(GROUP)
                .withCustomLadder(List.of(Milestone.days(7), Milestone.months(3), Milestone.years(1)))
                .withMorningHour(8);
        store.saveCommunity(settings);
        assertThat(store.community(GROUP)).contains(settings);
        assertThat(store.community(new CommunityId(Platform.DISCORD, "-1001"))).isEmpty();
    }

    @Test
    void firstDeliveryIsTrueExactlyOncePerKeyEvenConcurrently() throws Exception {
        MilestoneStore store = newStore();
        assertThat(store.firstDelivery(SAM, "ms:a")).isTrue();
        assertThat(store.firstDelivery(SAM, "ms:a")).isFalse();
        assertThat(store.firstDelivery(SAM, "ms:b")).isTrue();
        assertThat(store.firstDelivery(new ChatUserId(Platform.DISCORD, "42"), "ms:a")).isTrue();

        ConcurrentLinkedQueue<Boolean> results = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> threads.add(new Thread(() -> results.add(store.firstDelivery(SAM, "ms:c")))));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(results).containsOnlyOnce(true);
    }
}
