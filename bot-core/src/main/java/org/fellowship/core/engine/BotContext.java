package org.fellowship.core.engine;

import java.time.Clock;
import org.fellowship.core.command.CommandRegistry;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.MemberProfileStore;

/** The shared services features are built with. */
public record BotContext(Clock clock, BotSettings settings, Outbox outbox, Gateways gateways,
                         ButtonTokenStore buttons, MemberProfileStore profiles, DueQueue dueQueue,
                         CommandRegistry commands) {
}
