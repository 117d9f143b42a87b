package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.FirstWord;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;

/**
 * {@code /cleandate}, {@code /cleantime} and {@code /reset} with its confirmation button. Dates are private: every
 * reply goes to the member privately, except {@code /cleantime} in a group by a member who opted into sharing.
 */
final class CleanDateCommands {
    static final String RESET_BUTTON = "milestone.reset";
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_-]{0,19}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final MilestoneStore store;
    private final MilestoneScheduler scheduler;
    private final MemberLookup members;
    private final CleanDateParser parser = new CleanDateParser();

    CleanDateCommands(MilestoneStore store, MilestoneScheduler scheduler, MemberLookup members) {
        this.store = store;
        this.scheduler = scheduler;
        this.members = members;
    }

    void cleandate(Turn turn, String args) {
        String text = args.strip();
        if (text.isEmpty()) {
            throw new UsageException("Tell me the date your clean time started, e.g. /cleandate 2024-03-15.");
        }
        String label = MemberMilestones.DEFAULT_LABEL;
        String dateText = text;
        FirstWord first = FirstWord.of(text);
        if (!first.rest().isEmpty() && !CleanDateParser.looksLikeDate(first.word())) {
            label = first.key();
            dateText = first.rest();
            if (!LABEL.matcher(label).matches()) {
                throw new UsageException("A label is one word of up to 20 letters or digits, e.g. alcohol.");
            }
        }
        LocalDate today = MemberLookup.today(turn);
        LocalDate date;
        try {
            date = parser.parse(dateText, today);
        } catch (CleanDateParser.Problem p) {
            throw new UsageException(p.getMessage());
        }
        MemberMilestones before = members.mine(turn);
        if (!before.cleanDates().containsKey(label) && before.cleanDates().size() >= 10) {
            throw new UsageException("You can keep up to 10 clean dates. Change one by using its label.");
        }
        MemberMilestones after = replace(turn, today, before, label, before.withCleanDate(label, date));
        CleanTime time = CleanTime.on(date, today);
        StringBuilder reply = new StringBuilder("Clean date ")
                .append(label.equals(MemberMilestones.DEFAULT_LABEL) ? "" : "for " + label + " ")
                .append("set to ").append(date.format(DATE)).append(". Today is ").append(time.describe()).append('.');
        Ladder ladder = scheduler.ladderOf(after);
        for (Milestone m : ladder.nextOnOrAfter(date, today)) {
            if (m.dateFrom(date).equals(today)) {
                reply.append(" Today is a milestone: ").append(ladder.describe(m)).append("!");
            }
        }
        reply.append(" This stays private.");
        turn.replyPrivately(reply.toString());
    }

    void cleantime(Turn turn, String args) {
        MemberMilestones m = members.mine(turn);
        if (m.cleanDates().isEmpty()) {
            turn.replyPrivately("You haven't set a clean date yet. Set one with /cleandate 2024-03-15.");
            return;
        }
        LocalDate today = MemberLookup.today(turn);
        boolean shareHere = !turn.conversation().isDirect() && m.sharing();
        Ladder ladder = scheduler.ladderOf(m);
        List<String> lines = new ArrayList<>();
        lines.add(shareHere ? turn.actor().displayName() + "'s clean time:" : "Your clean time:");
        List<Map.Entry<String, LocalDate>> entries = new ArrayList<>(m.cleanDates().entrySet());
        // The unlabelled date first, then the labels alphabetically.
        entries.sort(Map.Entry.comparingByKey((a, b) -> a.equals(b) ? 0
                : a.equals(MemberMilestones.DEFAULT_LABEL) ? -1
                : b.equals(MemberMilestones.DEFAULT_LABEL) ? 1 : a.compareTo(b)));
        if (shareHere && entries.size() > 1) {
            entries = entries.subList(0, 1); // the group sees one count, like announcements
        }
        for (Map.Entry<String, LocalDate> e : entries) {
            LocalDate date = e.getValue();
            // labels ("gambling") are private: announcements never show them, and neither does the group here
            String prefix = shareHere || e.getKey().equals(MemberMilestones.DEFAULT_LABEL) ? "" : e.getKey() + ": ";
            if (date.isAfter(today)) {
                // Set in a zone that is ahead of the member's current one.
                lines.add(prefix + "starts " + (shareHere ? "tomorrow" : date.format(DATE)));
                continue;
            }
            String line = prefix + CleanTime.on(date, today).describe();
            if (!shareHere) {
                Milestone next = ladder.nextOnOrAfter(date, today.plusDays(1)).get(0);
                LocalDate nextDate = next.dateFrom(date);
                line += " since " + date.format(DATE) + ". Next: " + ladder.describe(next) + " on "
                        + nextDate.format(DATE) + " (" + inDays(ChronoUnit.DAYS.between(today, nextDate)) + ")";
            }
            lines.add(line);
        }
        String text = String.join("\n", lines);
        if (shareHere) {
            turn.reply(text);
        } else {
            turn.replyPrivately(text);
        }
    }

    /** Asks before restarting: the buttons carry the date they are about, so a stale answer changes nothing. */
    void reset(Turn turn, String args) {
        MemberMilestones m = members.mine(turn);
        String label = args.isBlank() ? MemberMilestones.DEFAULT_LABEL : args.strip().toLowerCase(Locale.ROOT);
        LocalDate date = m.cleanDates().get(label);
        if (date == null) {
            if (m.cleanDates().isEmpty()) {
                throw new UsageException("You haven't set a clean date yet. Set one with /cleandate 2024-03-15.");
            }
            throw new UsageException("You have no clean date called \"" + Clip.typed(label, 20) + "\". Yours: "
                    + String.join(", ", m.cleanDates().keySet()) + ".");
        }
        List<ButtonRow> buttons = List.of(new ButtonRow(List.of(
                turn.button("Yes, start again today", RESET_BUTTON, Map.of("label", label, "date", date.toString(),
                        "go", "yes")),
                turn.button("Cancel", RESET_BUTTON, Map.of("label", label, "date", date.toString(), "go", "no")))));
        turn.replyPrivately("Start your clean time" + (label.equals(MemberMilestones.DEFAULT_LABEL) ? "" : " for "
                + label) + " again from today? Your earlier date stays in your private history; nothing is posted "
                + "in any group.", buttons);
    }

    void resetPressed(Turn turn, ButtonAction action) {
        if (!"yes".equals(action.get("go"))) {
            turn.replyPrivately("Okay, nothing changed.");
            return;
        }
        String label = action.get("label");
        MemberMilestones before = members.mine(turn);
        LocalDate date = before.cleanDates().get(label);
        if (date == null || !date.toString().equals(action.get("date"))) {
            turn.replyPrivately("That question is out of date; nothing changed. Send /reset again if you like.");
            return;
        }
        LocalDate today = MemberLookup.today(turn);
        replace(turn, today, before, label, before.restart(label, today));
        turn.replyPrivately("Welcome back, " + turn.actor().displayName() + ". Coming back is what recovery looks "
                + "like, and we're glad you're here. Today is day 1. Your earlier "
                + CleanTime.on(date, today.isBefore(date) ? date : today).days()
                + " days still count and are kept privately in your history.");
    }

    /** Saves a changed clean date, moving its queued milestone: the old one is cancelled, the next one queued. */
    private MemberMilestones replace(Turn turn, LocalDate today, MemberMilestones before, String label,
                                     MemberMilestones after) {
        scheduler.cancel(before, label, today);
        store.save(after);
        scheduler.schedule(after, label, today.plusDays(1), turn.zone(), turn.now());
        return after;
    }

    private static String inDays(long days) {
        return days == 1 ? "tomorrow" : "in " + days + " days";
    }
}
