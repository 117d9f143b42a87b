package org.fellowship.core.alert;

import java.util.Locale;

/** What kind of danger a piece of text points at. The lexicon file names them in lower case. */
public enum CrisisCategory {
    SUICIDAL_IDEATION("suicidal thoughts"),
    SELF_HARM("self-harm"),
    OVERDOSE_LETHAL_MEANS("overdose or lethal means"),
    HARM_TO_OTHERS("harm to others"),
    RELAPSE_DANGER("imminent relapse danger");

    private final String label;

    CrisisCategory(String label) {
        this.label = label;
    }

    /** A short human label (never shown to the group). */
    public String label() {
        return label;
    }

    /** {@code true} for the categories that are a crisis in the sense of the safety principles (not relapse). */
    public boolean isCrisis() {
        return this != RELAPSE_DANGER;
    }

    /** Parses the lexicon spelling ({@code suicidal_ideation}); {@code null} when unknown. */
    public static CrisisCategory parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
