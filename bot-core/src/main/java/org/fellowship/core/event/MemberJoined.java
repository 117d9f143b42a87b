package org.fellowship.core.event;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Member;

/** A member joined a group conversation. */
public record MemberJoined(String eventId, Conversation conversation, Member actor, Instant at)
        implements InboundEvent {
    public MemberJoined {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }
}
