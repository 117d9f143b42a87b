package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.MeetingTexts.DAY;
import static org.fellowship.core.meeting.MeetingTexts.HM;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.ButtonRow;

/** {@code /meetings} (the next 7 days), {@code /meetings today} and {@code /meeting <name>}, in the viewer's zone. */
final class MeetingListing {
    static final int MAX_LISTED = 40;

    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final Rsvps rsvps;

    MeetingListing(MeetingStore store, MeetingLookup lookup, Rsvps rsvps) {
        this.store = store;
        this.lookup = lookup;
        this.rsvps = rsvps;
    }

    /** The community's occurrences of the next 7 days, or of the viewer's today, at most {@link #MAX_LISTED}. */
    void list(Turn turn, boolean today) {
        CommunityId community = MeetingLookup.community(turn);
        ZoneId viewer = turn.zone();
        Instant from;
        Instant to;
        if (today) {
            LocalDate date = LocalDate.ofInstant(turn.now(), viewer);
            from = date.atStartOfDay(viewer).toInstant();
            to = date.plusDays(1).atStartOfDay(viewer).toInstant();
        } else {
            from = turn.now();
            to = from.plus(Duration.ofDays(7));
        }
        List<Meeting> all = store.meetings(community);
        if (all.isEmpty()) {
            turn.reply("No meetings are scheduled here yet. Moderators can add them with /meetings add or "
                    + "/meetings import.");
            return;
        }
        List<Occurrence> upcoming = new ArrayList<>();
        for (Meeting m : all) {
            // For today: include a meeting that is still running.
            m.occurrences(today ? from.minus(m.duration()) : from, to).stream()
                    .filter(o -> o.end().isAfter(turn.now()))
                    .forEach(upcoming::add);
        }
        upcoming.sort(Comparator.comparing(Occurrence::instant).thenComparing(o -> o.meeting().name()));
        String title = today ? "Meetings today" : "Meetings in the next 7 days";
        if (upcoming.isEmpty()) {
            turn.reply(title + ": none. /meetings shows the whole week.");
            return;
        }
        StringBuilder sb = new StringBuilder(title + " (times in " + viewer.getId() + "):");
        LocalDate shown = null;
        int count = 0;
        for (Occurrence o : upcoming) {
            if (count == MAX_LISTED) {
                sb.append("\n...and ").append(upcoming.size() - MAX_LISTED)
                        .append(" more. /meetings today or /meeting <name> show less at once.");
                break;
            }
            ZonedDateTime local = o.start().withZoneSameInstant(viewer);
            if (!local.toLocalDate().equals(shown)) {
                shown = local.toLocalDate();
                sb.append('\n').append(local.format(DAY));
            }
            sb.append("\n  ").append(local.format(HM)).append(' ').append(o.meeting().name());
            if (o.meeting().temporarilyClosed()) {
                sb.append(" (").append(MeetingTexts.CLOSED).append(')');
            } else if (o.instant().isBefore(turn.now())) {
                sb.append(" (now)");
            }
            sb.append(" [").append(o.meeting().slug()).append(']');
            o.meeting().link().ifPresent(l -> sb.append(' ').append(l));
            o.meeting().dialIn().ifPresent(p -> sb.append(" dial-in ").append(p));
            count++;
        }
        turn.reply(sb.toString());
    }

    /** {@code /meeting <name>}: the meeting, its next occurrence in the viewer's zone, who is going, and how to act. */
    void details(Turn turn, String args) {
        if (args.isBlank()) {
            throw new UsageException("Which meeting? Send /meetings to see their names.");
        }
        CommunityId community = MeetingLookup.community(turn);
        Meeting m = lookup.find(community, args);
        ZoneId viewer = turn.zone();
        Occurrence next = m.nextAfter(turn.now());
        ZonedDateTime local = next.start().withZoneSameInstant(viewer);
        StringBuilder sb = new StringBuilder(MeetingTexts.summary(m, "\nNext: " + local.format(DAY) + ' '
                + local.format(HM) + " your time (" + viewer.getId() + ')'));
        sb.append("\n").append(rsvps.goingLine(community, m.slug(), next.instant()));
        sb.append("\nReminders: /remind ").append(m.slug()).append(" 15m");
        sb.append("\nCalendar file: /meetings ics ").append(m.slug());
        // Anyone who sees the listing may answer; names of those going are shown only if they agreed.
        turn.reply(sb.toString(), List.of(new ButtonRow(List.of(rsvps.button(community, m, next.instant(), null)))));
    }
}
