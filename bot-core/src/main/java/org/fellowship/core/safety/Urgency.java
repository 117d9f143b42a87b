package org.fellowship.core.safety;

import java.util.Locale;
import java.util.regex.Pattern;
import org.fellowship.core.alert.CrisisCategory;

/** How urgent a flagged message reads, to tell whether a second message inside the reply cooldown is worse. */
final class Urgency {
    /** A stated time: the danger is near. */
    private static final Pattern NEAR_TIME = Pattern.compile(
            "\\b(now|tonight|today|this (evening|morning|afternoon|weekend)|in (an|one|a few|\\d+) (hour|minute|min)s?"
                    + "|at \\d{1,2}(:\\d\\d)?\\s*(am|pm)?|before (morning|tomorrow))\\b");
    /** An attempt under way or done. */
    private static final Pattern IN_PROGRESS = Pattern.compile(
            "\\b(i|i've|ive|i have|i've just|just)\\s+(just\\s+|already\\s+)?(took|taken|swallowed|cut|overdosed|drank)"
                    + "\\b|\\b(i'm|im|i am)\\s+(taking|swallowing|cutting|doing it)\\b|\\bin my hand\\b"
                    + "|\\b(it's|its) (started|done)\\b");

    private Urgency() {
    }

    /**
     * How urgent a flagged message reads, for comparing two messages of one member: the detector's severity, plus one
     * each for a method or means, a stated time, and an attempt under way. A rule, not a learned weight: it only decides
     * whether a second message inside the reply cooldown is answered again.
     */
    static int of(Detection d, String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int urgency = d.severity().ordinal();
        if (d.evidence().stream().anyMatch(e -> e.category() == CrisisCategory.OVERDOSE_LETHAL_MEANS
                || e.category() == CrisisCategory.SELF_HARM)) {
            urgency++;
        }
        if (NEAR_TIME.matcher(t).find()) {
            urgency++;
        }
        if (IN_PROGRESS.matcher(t).find()) {
            urgency++;
        }
        return urgency;
    }
}
