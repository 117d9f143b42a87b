package org.fellowship.core.safety;

/** How urgent a detection is. */
enum Severity {
    NONE, LOW, MEDIUM, HIGH
}
