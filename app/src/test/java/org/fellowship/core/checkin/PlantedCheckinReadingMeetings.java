package org.fellowship.core.checkin;

import org.fellowship.core.meeting.Meeting;

/** A deliberate violation for {@code ArchitectureRulesCatchViolationsTest}: one feature reading another's type. */
final class PlantedCheckinReadingMeetings {
    Meeting meeting;
}
