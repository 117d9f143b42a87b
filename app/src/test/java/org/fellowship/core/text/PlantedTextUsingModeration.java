package org.fellowship.core.text;

import org.fellowship.moderation.ModerationFeature;

/** A deliberate violation for {@code ArchitectureRulesCatchViolationsTest}: bot-core reaching into a module above it. */
final class PlantedTextUsingModeration {
    ModerationFeature feature;
}
