package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a due milestone: queues the member's next milestone, then (once per idempotency key, recorded in the
 * {@link MilestoneStore} before sending, so a crash or a second instance never sends it twice) congratulates the
 * member privately and, if they opted in, announces their name and the milestone in their group (never the date,
 * and never the 1-day milestone, which stays private so a restart is never visible).
 *
 * <p>A stale item (the clean date changed or was restarted) does nothing; an item whose milestone left the member's
 * ladder queues the next milestone of the current ladder instead.
 */
final class MilestoneAnnouncer implements DueHandler<MilestoneScheduler.Target> {
    private static final Logger LOG = LoggerFactory.getLogger(MilestoneAnnouncer.class);

    private final MilestoneStore store;
    private final MilestoneScheduler scheduler;
    private final BotContext context;

    MilestoneAnnouncer(MilestoneStore store, MilestoneScheduler scheduler, BotContext context) {
        this.store = store;
        this.scheduler = scheduler;
        this.context = context;
    }

    @Override
    public DueKind<MilestoneScheduler.Target> kind() {
        return MilestoneScheduler.KIND;
    }

    @Override
    public void run(DueItem item, MilestoneScheduler.Target target) {
        ChatUserId member = target.member();
        Optional<MemberMilestones> found = store.find(member);
        if (found.isEmpty() || !target.cleanDate().equals(found.get().cleanDates().get(target.label()))) {
            LOG.info("milestone item {} is stale; skipping it", item.id());
            return;
        }
        MemberMilestones m = found.get();
        ZoneId zone = zoneOf(member);
        LocalDate day = target.milestone().dateFrom(target.cleanDate());
        Ladder ladder = scheduler.ladderOf(m);
        scheduler.schedule(m, target.label(), day.plusDays(1), zone, context.clock().instant());
        if (!ladder.contains(target.milestone())) {
            LOG.info("milestone item {} is no longer on the member's ladder; skipping it", item.id());
            return;
        }
        if (!store.firstDelivery(member, item.id())) {
            LOG.info("milestone item {} was already delivered", item.id());
            return;
        }
        String what = ladder.describe(target.milestone());
        String forLabel = target.label().equals(MemberMilestones.DEFAULT_LABEL) ? "" : " (" + target.label() + ")";
        ConversationId to = m.announcements() != null ? m.announcements().group()
                : new ConversationId(member.platform(), member.value());
        context.outbox().send(new OutboundMessage(to, "Congratulations on " + what + forLabel + " clean today! "
                + "One day at a time, and it adds up. Proud of you.", TextStyle.PLAIN, java.util.List.of(), null,
                Delivery.PRIVATE, member, Priority.NORMAL), false);
        if (m.announcements() != null && !target.milestone().equals(Milestone.days(1))) {
            context.outbox().send(OutboundMessage.text(m.announcements().group(), "Let's celebrate: "
                    + m.announcements().name() + " reaches " + what + " today!"), false);
        }
        LOG.info("milestone item {} delivered", item.id());
    }

    /** The member's zone from their profile, else the bot's default: celebrations come at their local morning. */
    private ZoneId zoneOf(ChatUserId member) {
        return context.profiles().find(member).map(p -> p.zoneOr(context.settings().defaultZone()))
                .orElse(context.settings().defaultZone());
    }
}
