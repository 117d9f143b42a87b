package org.fellowship.core.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.core.port.CommunityAliases;
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
 * @param aliases    the id a community has now: a due item or button that carries a community id made earlier resolves
 *                   it here (the engine already did for the turn's community)
 */
public record BotContext(Clock clock, BotSettings settings, Outbox outbox, Gateways gateways,
                         ButtonTokenStore buttons, MemberProfileStore profiles, DueQueue dueQueue,
                         CommandRegistry commands, EventDeduplicator deliveries, Resumer resumer,
                         CommunityAliases aliases) {
    /**
     * How long a due item's delivery record is kept: far longer than an item can be run again after a crash, a lost
     * lease or retries.
     */
    public static final Duration DELIVERY_RECORD = Duration.ofDays(3);

    /**
     * Records that due item {@code dueItemId} delivers now, before it sends: {@code true} the first time, {@code false}
     * when it already did (a second run after a crash or on another instance), so it is sent at most once. A crash
     * between recording and sending loses that one message rather than sending it twice.
     */
    public boolean firstDelivery(String dueItemId) {
        return deliveries.firstSeen("sent:" + dueItemId, DELIVERY_RECORD);
    }

    /**
     * The zone to show {@code reader} times in: their own ({@code /timezone}), else the deployment's default zone
     * (UTC unless configured), also when their profile cannot be read right now.
     */
    public ZoneId readerZone(ChatUserId reader) {
        try {
            return profiles.find(reader).map(p -> p.zoneOr(settings.defaultZone())).orElse(settings.defaultZone());
        } catch (StoreUnavailableException e) {
            return settings.defaultZone(); // a time in the default zone (named) beats no answer
        }
    }
}
