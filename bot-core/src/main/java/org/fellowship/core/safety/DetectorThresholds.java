package org.fellowship.core.safety;

/**
 * Per-community score thresholds (scores are in [0, 1]).
 *
 * @param crisis  score at which a crisis category alerts (suicide, self-harm, overdose, harm to others)
 * @param relapse score at which imminent relapse danger is reported
 * @param high    score from which an alert is {@link Severity#HIGH}
 */
public record DetectorThresholds(double crisis, double relapse, double high) {
    public DetectorThresholds {
        check(crisis, "crisis");
        check(relapse, "relapse");
        check(high, "high");
    }

    /**
     * The built-in defaults: crisis 0.5 (more likely than not; a false alert costs a kind private message, a
     * missed one costs much more), relapse 0.55, high 0.85.
     */
    public static DetectorThresholds defaults() {
        return new DetectorThresholds(0.5, 0.55, 0.85);
    }

    private static void check(double value, String name) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " threshold must be in (0, 1]: " + value);
        }
    }
}
