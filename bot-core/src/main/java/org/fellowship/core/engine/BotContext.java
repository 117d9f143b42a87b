package org.fellowship.core.engine;

import java.time.Clock;
import org.fellowship.core.command.CommandRegistry;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;

/**
 * The shared services features are built with.
 *
 * @param deliveries set-once markers with a time to live: a handler that must send something exactly once records
 *                   its delivery here before sending (the event de-duplicator's store, under keys of its own)
 * @param resumer    hands work finished off the engine's threads back to an event's conversation
 */
public record BotContext(Clock clock, BotSettings settings, Outbox outbox, Gateways gateways,
                         ButtonTokenStore buttons, MemberProfileStore profiles, DueQueue dueQueue,
                         CommandRegistry commands, EventDeduplicator deliveries, Resumer resumer) {
}
