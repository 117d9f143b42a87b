package org.fellowship.core.engine;

/**
 * What a member is told when they may not run a command or subcommand (its {@link org.fellowship.core.model.Access}
 * is for moderators and the platform does not report them as one). Runs on the event's conversation thread; it may
 * answer, or throw {@link org.fellowship.core.command.UsageException} to have the engine answer with the usage.
 */
@FunctionalInterface
public interface Refusal {
    /** The engine's own answer, privately: {@code "/meetings import is for moderators of this group."}. */
    Refusal PRIVATELY = (turn, command) -> turn.replyPrivately(command + " is for moderators of this group.");

    /**
     * @param turn    the refused member's turn
     * @param command what they tried, as typed texts name it: {@code "/filter"} or {@code "/meetings import"}
     */
    void refuse(Turn turn, String command);
}
