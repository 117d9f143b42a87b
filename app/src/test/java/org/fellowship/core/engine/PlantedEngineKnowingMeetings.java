package org.fellowship.core.engine;

import org.fellowship.core.meeting.Meeting;

/** A deliberate violation for {@code ArchitectureRulesCatchViolationsTest}: the engine knowing a feature. */
final class PlantedEngineKnowingMeetings {
    Meeting meeting;
}
