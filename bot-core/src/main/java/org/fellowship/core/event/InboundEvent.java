package org.fellowship.core.event;

import java.time.Instant;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;

/**
 * Something that happened on a platform, already translated into the core's vocabulary by an adapter.
 *
 * <p>{@link #eventId()} is the platform's own stable id for the event (a Telegram {@code update_id}, a Discord
 * message or interaction id, ...). Delivering the same event twice, for example after a reconnect or a webhook
 * retry, is safe: the engine handles each {@code (platform, eventId)} once.
 */
public sealed interface InboundEvent
        permits MessageReceived, MessageEdited, CommandInvoked, ButtonPressed, MemberJoined, MemberLeft {

    /** The platform's stable id for this event; unique per platform. */
    String eventId();

    /** Where it happened. */
    Conversation conversation();

    /** Who caused it. */
    Member actor();

    /** When the platform says it happened. */
    Instant at();

    /** The key the engine de-duplicates on: platform code plus event id. */
    default String dedupeKey() {
        return conversation().platform().code() + ":" + eventId();
    }
}
