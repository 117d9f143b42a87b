package org.fellowship.core.mentor;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.port.ChatAudience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What moderators hear of an alert no mentor answered: content-free notices (the alert id, a category, a link and a
 * Take button; never the member's words or name), in the moderators' channel or privately.
 */
final class ModeratorNotices {
    /** What the moderators are told. */
    enum Notice { NO_MENTOR, UNACKNOWLEDGED, REPEAT, UNANSWERED }

    /** At most this many moderators are told privately about one alert (a large group has many admins). */
    static final int MAX_MODERATORS_TOLD = 10;

    private static final Logger LOG = LoggerFactory.getLogger(ModeratorNotices.class);

    private final MentorStore store;
    private final EscalationPolicy policy;
    private final FellowshipGroups groups;
    private final AlertMessenger messenger;
    private final AuditTrail audit;

    ModeratorNotices(MentorStore store, EscalationPolicy policy, FellowshipGroups groups, AlertMessenger messenger,
                     AuditTrail audit) {
        this.store = store;
        this.policy = policy;
        this.groups = groups;
        this.messenger = messenger;
        this.audit = audit;
    }

    /**
     * Tells moderators about an alert, content-free (category, link, a Take button): in the moderators' channel when
     * one is set and only moderators can read it, else privately (at most {@link #MAX_MODERATORS_TOLD} moderators of the
     * alert's group and of the fellowship's groups). Repeats go to the channel only, so a private inbox hears of one
     * alert at most twice (no mentor on call or unacknowledged, and the final notice).
     *
     * @return {@code true} when at least one message reached moderators
     */
    boolean tell(MentorAlert alert, Instant now, Notice notice) {
        Optional<ConversationId> channel = store.moderatorsChannel(alert.member().platform());
        boolean posted = false;
        boolean channelProblem = false;
        if (channel.isPresent()) {
            Optional<ChatAudience> audience = messenger.audienceOf(channel.get());
            if (audience.isPresent() && audience.get().moderatorsOnly()) {
                posted = post(alert, channel.get(), notice);
            } else {
                channelProblem = true;
                audit.record(now, alert, MentorAudit.Action.CHANNEL_NOT_PRIVATE, null);
                LOG.warn("alert {} not posted: the moderators' channel {} is not confirmed moderators-only", alert.id(),
                        channel.get());
            }
        }
        if (posted) {
            audit.record(now, alert, MentorAudit.Action.MODERATORS_NOTIFIED, null);
            return true;
        }
        if (notice == Notice.REPEAT || notice == Notice.UNACKNOWLEDGED && alreadyTold(alert)) {
            return false; // private inboxes hear of an alert once, and of its end once
        }
        int told = 0;
        String text = noticeText(alert, notice) + (channelProblem ? "\n\n(Not posted in the moderators' channel: I "
                + "couldn't confirm that only moderators can read it. Run /mentor_channel there to check.)" : "");
        for (ChatUserId moderator : moderatorsOf(alert)) {
            List<ButtonRow> take = notice == Notice.UNANSWERED ? List.of()
                    : List.of(ButtonRow.of(messenger.button(moderator, "Take", alert.id(), "take")));
            if (messenger.send(Conversation.direct(moderator).id(), text, take, Delivery.PRIVATE, moderator)) {
                told++;
            }
        }
        if (told > 0) {
            audit.record(now, alert, MentorAudit.Action.MODERATORS_NOTIFIED, null);
            LOG.warn("alert {} told privately to {} moderators", alert.id(), told);
        }
        return told > 0;
    }

    private boolean alreadyTold(MentorAlert alert) {
        try {
            return store.auditOf(alert.id()).stream().anyMatch(a -> a.action() == MentorAudit.Action.MODERATORS_NOTIFIED);
        } catch (RuntimeException e) {
            return false; // telling twice beats telling nobody
        }
    }

    private boolean post(MentorAlert alert, ConversationId channel, Notice notice) {
        List<ButtonRow> take = List.of();
        if (notice != Notice.UNANSWERED) {
            take = List.of(ButtonRow.of(messenger.button(null, "Take", alert.id(), "take")));
        }
        boolean sent = messenger.send(channel, noticeText(alert, notice), take, Delivery.PUBLIC, null);
        if (sent) {
            LOG.warn("alert {} posted to the moderators' channel", alert.id());
        }
        return sent;
    }

    /** A notice for moderators: the alert id, the category and the link; never the member's words or name. */
    private String noticeText(MentorAlert alert, Notice notice) {
        String link = alert.context().link() == null ? "" : "\nMessage: " + alert.context().link();
        return switch (notice) {
            case NO_MENTOR -> "Crisis alert " + alert.id() + ": a member " + AlertTexts.what(alert) + " and no mentor is on call "
                    + "right now. Could a moderator or mentor take it and reach out?" + link;
            case UNACKNOWLEDGED, REPEAT -> "Crisis alert " + alert.id() + ": a member " + AlertTexts.what(alert)
                    + " and no mentor has acknowledged it. Could a moderator or mentor take it and reach out now?" + link;
            case UNANSWERED -> "Crisis alert " + alert.id() + " has had no answer for " + policy.giveUpAfter().toHours()
                    + " hours, so I've stopped paging about it. It stays open: a mentor or moderator can still take it "
                    + "from an earlier message." + link;
        };
    }

    /**
     * The moderators who may hear of an alert privately: those of the group it came from and of the fellowship's
     * Telegram groups (a Telegram group's chat id is its community id), as the platform lists them now.
     */
    private List<ChatUserId> moderatorsOf(MentorAlert alert) {
        Set<ChatUserId> found = new LinkedHashSet<>();
        for (ConversationId group : groups.groupsOf(alert)) {
            found.addAll(messenger.moderatorsOfGroup(group).orElse(Set.of()));
        }
        found.remove(alert.member());
        return found.stream().sorted(Comparator.comparing(ChatUserId::value)).limit(MAX_MODERATORS_TOLD).toList();
    }
}
