package org.fellowship.core.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /checkin mentor <name>|off}, the consent buttons that follow it, and the risk signals a consenting member's
 * named mentor gets: a minimal private note, at most one a day, never the answers or notes. Logs carry member ids
 * only. Thread-safe (stateless apart from its collaborators).
 */
final class MentorSignals {
    static final String CONSENT_BUTTON = "checkin.consent";
    private static final Logger LOG = LoggerFactory.getLogger(MentorSignals.class);

    private final CheckinStore store;
    private final MemberRecords records;
    private final CheckinSchedule schedule;
    private final MentorNotes mentors;
    private final Clock clock;

    MentorSignals(CheckinStore store, MemberRecords records, CheckinSchedule schedule, MentorNotes mentors,
                  Clock clock) {
        this.store = store;
        this.records = records;
        this.schedule = schedule;
        this.mentors = mentors;
        this.clock = clock;
    }

    /** {@code /checkin mentor <name>|off}: names a roster mentor and asks for consent, or stops sharing. */
    void mentor(Turn turn, String value) {
        if (value.isEmpty()) {
            throw new UsageException("Name a mentor from your community's roster, e.g. /checkin mentor @alex, or "
                    + "/checkin mentor off.");
        }
        if (value.equalsIgnoreCase("off")) {
            records.update(turn, x -> x.withMentor(null, false, null));
            turn.replyPrivately("No mentor gets check-in notes about you any more.");
            return;
        }
        MentorNotes.RosterMentor m = mentors.findMentor(turn.actor().id().platform(), value).orElseThrow(() ->
                new UsageException("\"" + Clip.typed(value, 20) + "\" isn't on the mentor roster. Ask a moderator "
                        + "who the mentors are."));
        if (m.id().equals(turn.actor().id())) {
            throw new UsageException("You can't be your own mentor here.");
        }
        records.update(turn, x -> x.withMentor(m.id(), false, null));
        List<ButtonRow> buttons = List.of(ButtonRow.of(
                turn.button("Yes, share with " + m.name(), CONSENT_BUTTON, Map.of("mentor", m.id().value(), "go", "yes")),
                turn.button("No", CONSENT_BUTTON, Map.of("mentor", m.id().value(), "go", "no"))));
        turn.replyPrivately("May I send " + m.name() + " a short private note (\"" + turn.actor().displayName()
                + " may want a check-in\") when your mood is 1, your craving is 8 or more, or you miss three "
                + "check-ins in a row? Never your answers, notes or anything in a group. You can stop it any time with "
                + "/checkin mentor off.", buttons);
    }

    void consentPressed(Turn turn, ButtonAction action) {
        ChatUserId mentor = new ChatUserId(turn.actor().id().platform(), action.get("mentor"));
        boolean yes = "yes".equals(action.get("go"));
        CheckinRecord r = store.find(turn.actor().id()).orElse(null);
        if (r == null || !mentor.equals(r.mentor())) {
            turn.replyPrivately("That question is out of date; nothing changed. Send /checkin mentor again if you like.");
            return;
        }
        records.update(turn, x -> x.withMentor(mentor, yes, turn.actor().displayName()));
        turn.replyPrivately(yes ? "Thank you. Your mentor will get that short note only in those moments. "
                + "/checkin mentor off stops it." : "Okay: nothing will be shared with your mentor.");
    }

    /** Signals {@code why} for {@code day} unless the member did not consent or {@code day} was already signalled. */
    void signalOnce(CheckinRecord r, LocalDate day, String why) {
        if (!r.signalsAllowed() || day.equals(r.signalDay())) {
            return;
        }
        CheckinRecord marked = schedule.update(r.member(), r, x -> x.withSignalDay(day), clock.instant());
        signal(marked, why);
    }

    /** Sends the consented, minimal note to the member's mentor. */
    void signal(CheckinRecord r, String why) {
        if (!r.signalsAllowed()) {
            return;
        }
        String name = r.name() == null ? "A member you mentor" : r.name();
        mentors.notifyMentor(r.mentor(), "Check-in note: " + name + " may want a check-in (" + why + "). They chose "
                + "to share this with you; please reach out privately.");
        LOG.info("check-in risk signal for {} sent to their mentor", r.member());
    }
}
