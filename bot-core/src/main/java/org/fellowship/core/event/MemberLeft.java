package org.fellowship.core.event;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;

/** A member left (or was removed from) a group conversation. */
public record MemberLeft(String eventId, Conversation conversation, Member actor, Instant at)
        implements InboundEvent {
    public MemberLeft {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
