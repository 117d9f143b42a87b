package org.fellowship.core.mentor;

import java.time.Instant;
import java.util.Objects;
import org.fellowship.core.model.ChatUserId;

/**
 * One transition of a crisis alert, as kept in the append-only audit trail. Carries ids only: the alert, the tier
 * and the mentor or moderator who acted (or was paged), never the member's words or name, so the trail may outlive
 * the alert's content.
 *
 * @param actor the mentor paged or acting, or {@code null} for the chain's own steps
 */
public record MentorAudit(Instant at, String alertId, Action action, int tier, ChatUserId actor) {
    /** What happened. */
    public enum Action { OPENED, PAGED, NO_MENTOR_AVAILABLE, ESCALATED, MODERATORS_NOTIFIED, ACKNOWLEDGED, TAKEN,
        RENOTIFIED, MEMBER_WROTE_AGAIN, RESOLVED,
        /** Someone who is neither a rostered mentor nor a fellowship moderator pressed an alert button. */
        REFUSED_PRESS,
        /** The moderators' channel could not be confirmed moderators-only, so nothing was posted there. */
        CHANNEL_NOT_PRIVATE,
        /** Nobody answered within the give-up time: the final notice went out and paging stopped. */
        UNANSWERED,
        /** The holder's reminders reached the give-up time and stopped. */
        REMINDERS_STOPPED }

    public MentorAudit {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(action, "action");
    }
}
