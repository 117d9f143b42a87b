package org.fellowship.core.checkin;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answering a check-in: mood 1-5 then craving 0-10 by buttons, then an optional short private note typed within
 * {@link #NOTE_WINDOW}. An answer counts for the local date of the prompt it answers, however late; answering again
 * updates that day. A mood of 1 or a craving of 8 or more is a risk signal (see {@link MentorSignals}). Logs carry
 * member ids only, never moods or notes. Thread-safe (stateless apart from its collaborators).
 */
final class CheckinAnswers {
    static final String MOOD_BUTTON = "checkin.mood";
    static final String CRAVING_BUTTON = "checkin.craving";
    static final int NOTE_LIMIT = 280;
    static final Duration NOTE_WINDOW = Duration.ofMinutes(30);
    static final Duration ANSWER_TTL = Duration.ofDays(2);
    /** The data key the pressed value fills, and the mood and craving scales. */
    static final String CHOICE = "v";
    static final List<String> MOODS = List.of("1", "2", "3", "4", "5");
    static final List<String> CRAVINGS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    private static final Logger LOG = LoggerFactory.getLogger(CheckinAnswers.class);

    private final CheckinStore store;
    private final MemberRecords records;
    private final ButtonTokenStore buttons;
    private final MentorSignals signals;

    CheckinAnswers(CheckinStore store, MemberRecords records, ButtonTokenStore buttons, MentorSignals signals) {
        this.store = store;
        this.records = records;
        this.buttons = buttons;
        this.signals = signals;
    }

    /** The mood question's button action for {@code member}'s answer on {@code day}. */
    static ButtonAction moodAction(ChatUserId member, LocalDate day) {
        return new ButtonAction(MOOD_BUTTON, Map.of("day", day.toString()), member);
    }

    /** The mood buttons, one row of five, for {@code member}'s answer on {@code day}. */
    List<ButtonRow> moodButtons(ChatUserId member, LocalDate day) {
        List<String> tokens = buttons.issueChoices(moodAction(member, day), CHOICE, MOODS, ANSWER_TTL);
        return rows(tokens, MOODS, 5);
    }

    /** Buttons labelled {@code labels}, {@code perRow} to a row. */
    static List<ButtonRow> rows(List<String> tokens, List<String> labels, int perRow) {
        List<ButtonRow> rows = new ArrayList<>();
        List<Button> row = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            row.add(new Button(labels.get(i), tokens.get(i)));
            if (row.size() == perRow) {
                rows.add(new ButtonRow(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            rows.add(new ButtonRow(row));
        }
        return rows;
    }

    private static LocalDate answerDay(Turn turn, ButtonAction action) {
        String text = action.get("day");
        if (text == null || action.get(CHOICE) == null) {
            throw new UsageException("That button doesn't work any more. Send /checkin to check in.");
        }
        LocalDate day = LocalDate.parse(text);
        if (day.isBefore(MemberRecords.today(turn).minusDays(DayLog.WINDOW - 1))) {
            throw new UsageException("That check-in is too old to change now.");
        }
        return day;
    }

    void moodPressed(Turn turn, ButtonAction action) {
        LocalDate day = answerDay(turn, action);
        int mood = Integer.parseInt(action.get(CHOICE));
        boolean[] first = {false};
        CheckinRecord r = records.update(turn, x -> {
            char before = x.log().on(day);
            first[0] = !DayLog.isAnswer(before);
            int craving = first[0] ? DayLog.NO_CRAVING : DayLog.cravingOf(before);
            CheckinRecord answered = x.withLog(x.log().with(day, DayLog.answer(mood, craving)));
            return answered.nudgeDay() != null && answered.nudgeDay().equals(day)
                    ? answered.promptedFor(answered.nextDay(), null) : answered;
        });
        if (first[0] && r.community() != null) {
            store.countCheckin(r.community(), day);
        }
        List<String> tokens = buttons.issueChoices(new ButtonAction(CRAVING_BUTTON, Map.of("day",
                day.toString()), turn.actor().id()), CHOICE, CRAVINGS, ANSWER_TTL);
        turn.replyPrivately("Thanks. And cravings right now, from 0 (none) to 10 (very strong)?",
                rows(tokens, CRAVINGS, 6));
        if (mood == 1) {
            signals.signalOnce(r, day, "a very low mood");
        }
    }

    void cravingPressed(Turn turn, ButtonAction action) {
        LocalDate day = answerDay(turn, action);
        int craving = Integer.parseInt(action.get(CHOICE));
        CheckinRecord r = records.update(turn, x -> {
            char before = x.log().on(day);
            int mood = DayLog.isAnswer(before) ? DayLog.moodOf(before) : 3;
            return x.withLog(x.log().with(day, DayLog.answer(mood, craving)))
                    .withNoteWindow(turn.now().plus(NOTE_WINDOW), day);
        });
        int mood = DayLog.moodOf(r.log().on(day));
        int streak = r.log().streak(MemberRecords.today(turn));
        turn.replyPrivately(CheckinTexts.warmReply(mood, craving, day) + " Streak: " + streak
                + (streak == 1 ? " day." : " days.") + "\nIf you like, write a short private note now (up to "
                + NOTE_LIMIT + " characters); only you can see it.");
        LOG.info("check-in recorded for {}", turn.actor().id());
        if (craving >= 8) {
            signals.signalOnce(r, day, "strong cravings");
        }
    }

    /** Keeps a direct message typed within the note window as the day's private note. */
    void maybeNote(Turn turn) {
        if (!(turn.event() instanceof MessageReceived m) || !turn.conversation().isDirect()) {
            return;
        }
        if (turn.flagged()) {
            return; // a crisis written as a note gets the crisis reply only, and is not kept as a note
        }
        try {
            Optional<CheckinRecord> found = store.find(turn.actor().id());
            if (found.isEmpty() || found.get().noteUntil() == null || turn.now().isAfter(found.get().noteUntil())) {
                return;
            }
            LocalDate day = found.get().noteDay();
            String note = m.text().strip();
            boolean cut = note.codePointCount(0, note.length()) > NOTE_LIMIT;
            if (cut) {
                note = note.substring(0, note.offsetByCodePoints(0, NOTE_LIMIT));
            }
            store.saveNote(turn.actor().id(), day, note);
            records.update(turn, x -> x.withNoteWindow(null, null));
            turn.replyPrivately(cut ? "Saved your note privately, but only the first " + NOTE_LIMIT
                    + " characters: notes are kept short." : "Saved your note privately.");
        } catch (StoreUnavailableException e) {
            LOG.warn("check-in note for {} not saved: store unavailable", turn.actor().id());
            turn.replyPrivately(CheckinGuards.UNAVAILABLE);
        }
    }
}
