package org.fellowship.core.safety;

/** How urgent a detection is. */
public enum Severity {
    NONE, LOW, MEDIUM, HIGH
}
