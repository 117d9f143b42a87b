/**
 * The milestone feature: clean dates ({@code /cleandate}, {@code /cleantime}), the day-count convention
 * ({@code CleanTime}), milestone ladders, and opt-in announcements in the member's groups at the member's local
 * morning, scheduled on the due queue.
 *
 * <p>{@link org.fellowship.core.milestone.MilestoneFeature} installs it; the commands live in one class per family
 * (clean dates and {@code /reset}, the member's {@code /milestones} settings, the moderators' community settings)
 * and the celebrations in {@code MilestoneAnnouncer}.
 */
package org.fellowship.core.milestone;
