/**
 * Meeting schedules of a community: the model ({@link org.fellowship.core.meeting.Meeting}, its occurrences,
 * reminder subscriptions and group announcements), the {@link org.fellowship.core.meeting.MeetingStore} and
 * {@link org.fellowship.core.meeting.CalendarExport} ports, and the feature.
 *
 * <p>{@link org.fellowship.core.meeting.MeetingsFeature} only wires and registers; each command family is a class of
 * its own: {@code MeetingsCommand} routes {@code /meetings} sub-commands to {@code MeetingListing} (listing and
 * {@code /meeting} details), {@code CalendarFileCommand} ({@code ics}), {@code FeedImportCommand} (import, with
 * {@code FeedImporter} and the daily {@code FeedRefreshHandler}), {@code ManualAdd} and {@code GuidedAdd} (both read
 * through {@code MeetingForm}; a guided add in progress is a {@code MeetingDraft}), {@code RemoveAndZoneCommands},
 * {@code AnnounceCommand} with {@code AnnouncementHandler}, and {@code Rsvps}; {@code /remind} is
 * {@code RemindCommand} with {@code ReminderHandler}. Feed formats are read in {@code meeting.feed}.
 */
package org.fellowship.core.meeting;
