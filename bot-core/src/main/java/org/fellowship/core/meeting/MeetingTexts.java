package org.fellowship.core.meeting;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** How meeting answers write days, times and a meeting's summary. */
final class MeetingTexts {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private MeetingTexts() {
    }

    /** "Daily", or the short weekday names such as "Mon, Thu". */
    static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "Daily";
        }
        return days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }

    /** What a listing says after a temporarily closed meeting's name (type code TC in plain words). */
    static final String CLOSED = "temporarily closed";

    /**
     * Name (and "temporarily closed"), days and times in the meeting's zone, {@code afterTimes}, then link, dial-in,
     * place, types and notes.
     */
    static String summary(Meeting m, String afterTimes) {
        StringBuilder sb = new StringBuilder(m.name()).append(m.temporarilyClosed() ? " (" + CLOSED + ")" : "")
                .append('\n').append(days(m.days())).append(' ')
                .append(m.start().format(HM)).append('-').append(m.start().plus(m.duration()).format(HM)).append(' ')
                .append(m.zone().getId()).append(afterTimes);
        m.link().ifPresent(l -> sb.append("\nOnline: ").append(l));
        m.dialIn().ifPresent(p -> sb.append("\nDial-in: ").append(p));
        if (m.location() != null) {
            sb.append("\nWhere: ").append(m.location());
        }
        if (!m.types().isEmpty()) {
            sb.append("\nTypes: ").append(m.types().stream()
                    .map(t -> t.equals(Meeting.TEMPORARILY_CLOSED) ? CLOSED : t).collect(Collectors.joining(", ")));
        }
        if (m.notes() != null) {
            sb.append("\nNotes: ").append(m.notes());
        }
        return sb.toString();
    }
}
