package org.fellowship.core.checkin;

import java.time.LocalDate;
import java.util.Optional;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * The daily anonymous group summary of one community: only how many members checked in, and only when at least
 * {@link #K_ANONYMITY} did. Each run schedules the next day's; a run repeated after a crash posts nothing twice.
 */
final class GroupSummary implements DueHandler<GroupSummary.Day> {
    /** Summaries are queued one day at a time; stored as {@code TELEGRAM|<community>|<date>}. */
    static final DueKind<Day> KIND = new DueKind<>("checkin.summary", PayloadCodec.of(Day::encode, Day::decode));
    static final int K_ANONYMITY = 5;

    /** The day whose check-ins a summary counts, of the community it was queued for. */
    record Day(CommunityId community, LocalDate day) {
        String encode() {
            return PayloadFields.join('|', community.platform().name(), community.value(), day.toString());
        }

        static Day decode(String text) {
            PayloadFields f = PayloadFields.split(text, '|', 3);
            return new Day(new CommunityId(f.platformName(0), f.text(1)), f.date(2));
        }
    }

    private final CheckinStore store;
    private final BotContext context;

    GroupSummary(CheckinStore store, BotContext context) {
        this.store = store;
        this.context = context;
    }

    @Override
    public DueKind<Day> kind() {
        return KIND;
    }

    @Override
    public void run(DueItem item, Day summary) {
        CommunityId queued = summary.community();
        // queued before the group got a new id (a Telegram supergroup): the community lives under its new id now
        CommunityId community = context.aliases().current(queued);
        LocalDate day = summary.day();
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
        context.dueQueue().schedule(KIND.item("ci:sum:" + c.community() + ":" + day,
                PromptTimes.promptAt(day, c.summaryTime(), c.zone()), new Day(c.community(), day)));
    }
}
