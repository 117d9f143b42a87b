package org.fellowship.core.engine;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Engine-wide settings.
 *
 * @param defaultZone  zone for members who have not set one
 * @param dedupeWindow how long an inbound event id is remembered
 * @param buttonTtl    how long a button keeps working
 */
public record BotSettings(ZoneId defaultZone, Duration dedupeWindow, Duration buttonTtl) {
    public BotSettings {
        Objects.requireNonNull(defaultZone, "defaultZone");
        Objects.requireNonNull(dedupeWindow, "dedupeWindow");
        Objects.requireNonNull(buttonTtl, "buttonTtl");
    }

    public static BotSettings defaults() {
        return new BotSettings(ZoneId.of("UTC"), Duration.ofDays(2), Duration.ofDays(7));
    }
}
