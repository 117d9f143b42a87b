package org.fellowship.core.store;

import org.fellowship.core.engine.EngineMetrics;

/** A deliberate violation for {@code ArchitectureRulesCatchViolationsTest}: store -> engine closes a cycle. */
final class PlantedStoreCallingEngine {
    EngineMetrics metrics = EngineMetrics.NONE;
}
