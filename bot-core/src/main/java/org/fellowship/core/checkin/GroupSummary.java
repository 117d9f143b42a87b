package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.util.Optional;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily anonymous group summary of one community: only how many members checked in, and only when at least
 * {@link #K_ANONYMITY} did. Each run schedules the next day's; a run repeated after a crash posts nothing twice.
 */
final class GroupSummary implements DueHandler {
    static final String KIND = "checkin.summary";
    static final int K_ANONYMITY = 5;
    private static final Logger LOG = LoggerFactory.getLogger(GroupSummary.class);

    private final CheckinStore store;
    private final BotContext context;

    GroupSummary(CheckinStore store, BotContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public void run(DueItem item) {
        String[] p = item.payload().split("\\|", -1);
        if (p.length != 3) {
            LOG.error("check-in summary {} has a malformed payload; dropping it", item.id());
            return;
        }
        CommunityId queued = new CommunityId(Platform.valueOf(p[0]), p[1]);
        // queued before the group got a new id (a Telegram supergroup): the community lives under its new id now
        CommunityId community = context.aliases().current(queued);
        LocalDate day = LocalDate.parse(p[2]);
        Optional<CommunityCheckins> settings = store.community(community);
        if (settings.isEmpty() || !settings.get().summary()) {
            return;
        }
        long count = store.checkins(community, day);
        // k-anonymity: with fewer than five, a count could point at a person.
        if (count >= K_ANONYMITY && context.firstDelivery(item.id())) {
            context.outbox().send(OutboundMessage.text(settings.get().summaryChat(), count
                    + " members checked in today. Every check-in counts; keep going, together."), false);
        }
        schedule(settings.get(), day.plusDays(1));
    }

    /** Queues the summary of {@code day} at the community's summary time. */
    void schedule(CommunityCheckins c, LocalDate day) {
        context.dueQueue().schedule(new DueItem("ci:sum:" + c.community() + ":" + day, KIND,
                PromptTimes.promptAt(day, c.summaryTime(), c.zone()),
                c.community().platform().name() + "|" + c.community().value() + "|" + day));
    }
}
