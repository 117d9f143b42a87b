package org.fellowship.moderation;

import java.time.Duration;
import java.util.Objects;

/**
 * One rung of the warning ladder: when a member's active points reach {@code points}, {@code action} runs.
 *
 * @param muteFor how long a {@link ActionType#MUTE} lasts; ignored for other actions
 */
public record LadderStep(int points, ActionType action, Duration muteFor) {
    public LadderStep {
        if (points < 1 || points > 1000) {
            throw new IllegalArgumentException("points must be 1-1000");
        }
        Objects.requireNonNull(action, "action");
        if (action == ActionType.WARN || action == ActionType.DELETE) {
            throw new IllegalArgumentException("a ladder step mutes, kicks, bans or alerts");
        }
        muteFor = muteFor == null ? Rule.DEFAULT_MUTE : muteFor;
    }

    public String describe() {
        return points + " points: " + (action == ActionType.MUTE ? "mute " + Durations.words(muteFor) : action.word());
    }
}
