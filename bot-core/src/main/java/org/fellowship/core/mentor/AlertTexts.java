package org.fellowship.core.mentor;

import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.mentor.MentorStore.MentorAlert;

/** Wording shared by pages, reminders and notices about one alert. */
final class AlertTexts {
    private AlertTexts() {
    }

    /** The excerpt and link lines of a mentor's DM, or "" when there are none. Never logged. */
    static String describe(AlertContext c) {
        String text = c.excerpt() == null ? "" : "\n\nThey wrote: \u201c" + c.excerpt() + "\u201d";
        return c.link() == null ? text : text + "\nMessage: " + c.link();
    }

    /** What a member's alert is about, for a page or a notice: a category, or that they asked. */
    static String what(MentorAlert alert) {
        return alert.category() == null ? "asked for a mentor"
                : "may be in crisis (" + alert.category().label() + ")";
    }
}
