package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

/** The member's notice of an automatic action names what happened and for how long, and only what succeeded. */
class RuleGuardNoticeTest {
    private static Rule rule(ActionType action) {
        return new Rule(new CommunityId(Platform.TELEGRAM, "-1001"), 3, RuleKind.KEYWORD, "spam*", 0, null, action,
                Duration.ofMinutes(90), RuleMode.ENFORCE, new ChatUserId(Platform.TELEGRAM, "7"), Instant.EPOCH);
    }

    @Test
    void everyActionSaysWhatHappened() {
        assertThat(RuleGuard.notice(rule(ActionType.DELETE), "Morning group", true, false)).isEqualTo(
                "Your message in Morning group was removed: it contained words this group's filter doesn't allow "
                        + "(rule #3).");
        assertThat(RuleGuard.notice(rule(ActionType.MUTE), "Morning group", true, true)).isEqualTo(
                "Your message in Morning group was removed and you are muted there for 90 minutes: it contained "
                        + "words this group's filter doesn't allow (rule #3).");
        assertThat(RuleGuard.notice(rule(ActionType.MUTE), null, false, true)).isEqualTo(
                "You are muted in the group for 90 minutes: it contained words this group's filter doesn't allow "
                        + "(rule #3).");
        assertThat(RuleGuard.notice(rule(ActionType.MUTE), "Spirit", true, false)).startsWith(
                "Your message in Spirit was removed:");
        assertThat(RuleGuard.notice(rule(ActionType.KICK), "Spirit", true, true)).startsWith(
                "Your message in Spirit was removed and you are removed from it (you may join again):");
        assertThat(RuleGuard.notice(rule(ActionType.BAN), "Spirit", false, true)).startsWith(
                "You are banned from Spirit:");
    }
}
