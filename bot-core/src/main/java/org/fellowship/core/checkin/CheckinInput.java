package org.fellowship.core.checkin;

import java.time.LocalTime;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.ClockTime;
import org.fellowship.core.command.UsageException;

/** Reading the time of day members type after a check-in command; a bad one is one clear {@link UsageException}. */
final class CheckinInput {
    private CheckinInput() {
    }

    /** A 24-hour {@code HH:MM} time of day. */
    static LocalTime parseTime(String text) {
        return ClockTime.parse(text).orElseThrow(() -> new UsageException("\"" + Clip.typed(text, 20)
                + "\" isn't a time of day. Use 24-hour HH:MM, e.g. 20:30."));
    }
}
