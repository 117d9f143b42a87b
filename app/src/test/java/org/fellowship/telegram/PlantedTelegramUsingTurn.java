package org.fellowship.telegram;

import org.fellowship.core.engine.Turn;

/** A deliberate violation for {@code ArchitectureRulesCatchViolationsTest}: an adapter seeing the engine. */
final class PlantedTelegramUsingTurn {
    Turn turn;
}
