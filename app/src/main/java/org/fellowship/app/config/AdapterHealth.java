package org.fellowship.app.config;

import org.springframework.boot.health.contributor.Health;

/** The health both platform adapters report while they are not connected. */
final class AdapterHealth {
    private AdapterHealth() {
    }

    /**
     * DOWN with the last problem, and while a retry is booked the state "reconnecting (attempt N, next in Ts)".
     *
     * @param problem why the last attempt failed, or {@code null} when the adapter was stopped
     */
    static Health notConnected(String problem, Reconnects reconnects) {
        Health.Builder health = Health.down().withDetail("problem", problem == null ? "stopped" : problem);
        reconnects.status().ifPresent(state -> health.withDetail("state", state));
        return health.build();
    }
}
