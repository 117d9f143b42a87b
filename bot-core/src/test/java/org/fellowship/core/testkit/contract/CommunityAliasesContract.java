package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.CommunityAliases;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link CommunityAliases} must have. */
public abstract class CommunityAliasesContract {
    private static final CommunityId A = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final CommunityId B = new CommunityId(Platform.TELEGRAM, "-1002");
    private static final CommunityId C = new CommunityId(Platform.TELEGRAM, "-1003");
    private static final CommunityId ELSEWHERE = new CommunityId(Platform.TELEGRAM, "-10010");

    /** A fresh, empty store of aliases. */
    protected abstract CommunityAliases newAliases();

    @Test
    void anIdThatNeverMovedIsItsOwnCurrentId() {
        CommunityAliases aliases = newAliases();
        assertThat(aliases.current(A)).isEqualTo(A);
        assertThat(aliases.current(new CommunityId(Platform.DISCORD, "81"))).isEqualTo(new CommunityId(Platform.DISCORD,
                "81"));
    }

    @Test
    void aStepResolvesToItsNewIdAndLeavesOtherIdsAlone() {
        CommunityAliases aliases = newAliases();
        assertThat(aliases.record(A, B)).isTrue();
        assertThat(aliases.current(A)).isEqualTo(B);
        assertThat(aliases.current(B)).isEqualTo(B);
        assertThat(aliases.current(ELSEWHERE)).as("an id that starts alike").isEqualTo(ELSEWHERE);
        assertThat(aliases.current(new CommunityId(Platform.DISCORD, A.value()))).as("the same id on another platform")
                .isEqualTo(new CommunityId(Platform.DISCORD, A.value()));
    }

    @Test
    void chainsResolveToTheirEnd() {
        CommunityAliases aliases = newAliases();
        assertThat(aliases.record(A, B)).isTrue();
        assertThat(aliases.record(B, C)).isTrue();
        assertThat(aliases.current(A)).isEqualTo(C);
        assertThat(aliases.current(B)).isEqualTo(C);
        assertThat(aliases.current(C)).isEqualTo(C);
    }

    @Test
    void recordingTwiceIsIdempotentEvenAtOnce() throws Exception {
        CommunityAliases aliases = newAliases();
        List<CompletableFuture<Boolean>> reports = List.of(
                CompletableFuture.supplyAsync(() -> aliases.record(A, B)),
                CompletableFuture.supplyAsync(() -> aliases.record(A, B)));
        for (CompletableFuture<Boolean> report : reports) {
            assertThat(report.get()).isTrue();
        }
        assertThat(aliases.record(A, B)).as("a late repeat").isTrue();
        assertThat(aliases.current(A)).isEqualTo(B);
        assertThat(aliases.record(B, C)).isTrue();
        assertThat(aliases.record(A, B)).as("a repeat after the chain grew").isTrue();
        assertThat(aliases.current(A)).isEqualTo(C);
    }

    @Test
    void cyclesSelfStepsAndSecondTargetsAreRefused() {
        CommunityAliases aliases = newAliases();
        assertThat(aliases.record(A, A)).isFalse();
        assertThat(aliases.current(A)).isEqualTo(A);
        assertThat(aliases.record(A, B)).isTrue();
        assertThat(aliases.record(B, A)).as("a direct cycle").isFalse();
        assertThat(aliases.record(B, C)).isTrue();
        assertThat(aliases.record(C, A)).as("a cycle through the chain").isFalse();
        assertThat(aliases.record(A, ELSEWHERE)).as("an id moves once").isFalse();
        assertThat(aliases.current(A)).isEqualTo(C);
        assertThat(aliases.current(C)).isEqualTo(C);
    }

    @Test
    void aStepBetweenPlatformsIsAnError() {
        CommunityAliases aliases = newAliases();
        assertThatThrownBy(() -> aliases.record(A, new CommunityId(Platform.DISCORD, "81")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(aliases.current(A)).isEqualTo(A);
    }
}
