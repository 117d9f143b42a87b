package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An earlier clean date a member restarted from, kept privately (only they see it).
 *
 * @param label   which clean date it was
 * @param date    the earlier clean date
 * @param endedOn the local date of the restart
 */
public record PastCleanDate(String label, LocalDate date, LocalDate endedOn) {
    public PastCleanDate {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(endedOn, "endedOn");
    }
}
