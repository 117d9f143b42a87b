package org.fellowship.core.milestone;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * Puts milestone celebrations on the due-queue: one item per (member, label, clean date, milestone), whose id is
 * the idempotency key ({@link Target#id()}: the member id plus a digest of label, clean date and milestone). Only the next milestone of each
 * clean date is queued; running it queues the one after. Items are due at the member's local morning (the
 * community's morning hour in the member's zone; a skipped hour in a DST gap moves to the next valid time).
 * Thread-safe (stateless apart from its collaborators).
 */
final class MilestoneScheduler {
    /** One celebration per item; stored as {@code tg|<user>|<label>|<clean date>|<milestone>}. */
    static final DueKind<Target> KIND = new DueKind<>("milestone", PayloadCodec.of(Target::encode, Target::decode));

    private final DueQueue queue;
    private final MilestoneStore store;

    MilestoneScheduler(DueQueue queue, MilestoneStore store) {
        this.queue = queue;
        this.store = store;
    }

    /** What a queued item stands for (its payload). */
    record Target(ChatUserId member, String label, LocalDate cleanDate, Milestone milestone) {
        /**
         * The idempotency key: {@code ms:<platform>:<user>:<digest>} where the digest (SHA-256, 20 hex chars) covers
         * label, clean date and milestone. Ids appear in logs, so the label and the date never do.
         */
        String id() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest((label + "|" + cleanDate + "|"
                        + milestone.key()).getBytes(StandardCharsets.UTF_8));
                return "ms:" + member + ":" + HexFormat.of().formatHex(digest).substring(0, 20);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JVM", e);
            }
        }

        String encode() {
            return PayloadFields.join('|', member.platform().code(), member.value(), label, cleanDate.toString(),
                    milestone.key());
        }

        static Target decode(String text) {
            PayloadFields f = PayloadFields.split(text, '|', 5);
            return new Target(new ChatUserId(f.platformCode(0), f.text(1)), f.text(2), f.date(3),
                    Milestone.parse(f.text(4)));
        }
    }

    /** The ladder a member follows right now (a custom ladder of a community without one falls back to default). */
    Ladder ladderOf(MemberMilestones m) {
        return switch (m.ladder()) {
            case DEFAULT -> Ladder.DEFAULT;
            case AA -> Ladder.AA;
            case NA -> Ladder.NA;
            case CUSTOM -> m.ladderCommunity() == null ? Ladder.DEFAULT
                    : store.community(m.ladderCommunity()).filter(c -> !c.customLadder().isEmpty())
                            .map(c -> Ladder.custom(c.customLadder())).orElse(Ladder.DEFAULT);
        };
    }

    int morningHour(MemberMilestones m) {
        if (m.announcements() == null) {
            return CommunityMilestones.DEFAULT_MORNING_HOUR;
        }
        return store.community(m.announcements().community()).map(CommunityMilestones::morningHour)
                .orElse(CommunityMilestones.DEFAULT_MORNING_HOUR);
    }

    /** The next milestones of one clean date on or after {@code from}. */
    List<Target> next(MemberMilestones m, String label, LocalDate from) {
        LocalDate cleanDate = m.cleanDates().get(label);
        List<Target> targets = new ArrayList<>();
        if (cleanDate != null) {
            for (Milestone milestone : ladderOf(m).nextOnOrAfter(cleanDate, from)) {
                targets.add(new Target(m.member(), label, cleanDate, milestone));
            }
        }
        return targets;
    }

    /** Queues the next milestones of every clean date on or after {@code from}. */
    void scheduleAll(MemberMilestones m, LocalDate from, ZoneId zone, Instant now) {
        for (String label : m.cleanDates().keySet()) {
            schedule(m, label, from, zone, now);
        }
    }

    void schedule(MemberMilestones m, String label, LocalDate from, ZoneId zone, Instant now) {
        int hour = morningHour(m);
        for (Target t : next(m, label, from)) {
            Instant due = t.milestone().dateFrom(t.cleanDate()).atTime(LocalTime.of(hour, 0)).atZone(zone).toInstant();
            queue.schedule(KIND.item(t.id(), due.isBefore(now) ? now : due, t).about(t.member()));
        }
    }

    /** Cancels the queued next milestones of every clean date (before a change of dates or ladder). */
    void cancelAll(MemberMilestones m, LocalDate from) {
        for (String label : m.cleanDates().keySet()) {
            cancel(m, label, from);
        }
    }

    void cancel(MemberMilestones m, String label, LocalDate from) {
        for (Target t : next(m, label, from)) {
            queue.cancel(t.id());
        }
    }
}
