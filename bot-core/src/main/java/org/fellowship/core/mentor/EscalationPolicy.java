package org.fellowship.core.mentor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The timing of the mentor chain, and its bounds: nothing about one alert repeats without end.
 *
 * <p>A new alert pages tier 1; nobody acknowledging within {@code tierDelay} pages the next tier, and after the last
 * tier the moderators' channel is told. From then on the alert is <em>repeated</em> (the first available tier paged
 * again and the channel told again) after each of {@code repeatDelays} in turn, the last delay repeating, until
 * {@code giveUpAfter} has passed since the alert opened: then the moderators get one final "unanswered" notice and the
 * chain stops (the alert stays open for anyone to take). An acknowledged alert re-notifies its mentor on the same
 * back-off, starting at {@code renotifyDelay}, for at most {@code giveUpAfter}. A member who was offered a mentor
 * and neither accepted nor declined gets one gentle follow-up after each of {@code followUps}.
 */
public record EscalationPolicy(Duration tierDelay, Duration renotifyDelay, List<Duration> repeatDelays,
                               Duration giveUpAfter, List<Duration> followUps) {
    public EscalationPolicy {
        Objects.requireNonNull(tierDelay, "tierDelay");
        Objects.requireNonNull(renotifyDelay, "renotifyDelay");
        Objects.requireNonNull(giveUpAfter, "giveUpAfter");
        repeatDelays = List.copyOf(repeatDelays);
        followUps = List.copyOf(followUps);
        if (repeatDelays.isEmpty()) {
            throw new IllegalArgumentException("at least one repeat delay is needed");
        }
        for (Duration d : concat(List.of(tierDelay, renotifyDelay, giveUpAfter), concat(repeatDelays, followUps))) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("escalation delays must be positive, not " + d);
            }
        }
    }

    /** Tiers 5 minutes apart; repeats after 5, 15 and 45 minutes, then every 3 hours, for 24 hours; follow-ups after
     * 30 minutes and a day. */
    public static EscalationPolicy defaults() {
        return new EscalationPolicy(Duration.ofMinutes(5), Duration.ofMinutes(15),
                List.of(Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(45), Duration.ofHours(3)),
                Duration.ofHours(24), List.of(Duration.ofMinutes(30), Duration.ofDays(1)));
    }

    /** The delay before repeat number {@code n} (0 first); the last configured delay repeats. */
    public Duration repeatDelay(int n) {
        return repeatDelays.get(Math.min(Math.max(n, 0), repeatDelays.size() - 1));
    }

    /** The delay before re-notify number {@code n} (0 first): {@code renotifyDelay}, then the repeat back-off. */
    Duration renotifyDelay(int n) {
        return n <= 0 ? renotifyDelay : max(renotifyDelay, repeatDelay(n + 1));
    }

    /**
     * The most messages the chain sends about one alert, however long nobody answers: pages and channel posts of the
     * tier walk and every repeat within {@code giveUpAfter}, plus the final notice (for the README and tests).
     */
    int maxRepeats() {
        Duration spent = Duration.ZERO;
        int n = 0;
        while (true) {
            spent = spent.plus(repeatDelay(n));
            if (spent.compareTo(giveUpAfter) > 0) {
                return n;
            }
            n++;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static List<Duration> concat(List<Duration> a, List<Duration> b) {
        java.util.ArrayList<Duration> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
