package org.fellowship.core.meeting;

import java.util.Objects;
import org.fellowship.core.model.Access;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.meeting.feed.FeedSource;

/**
 * Meeting schedules: {@code /meetings} (next 7 days in the viewer's zone), {@code /meetings today},
 * {@code /meeting <name>}, {@code /meetings ics [name]} (an iCalendar file in the chat), moderator
 * import (URL, pasted JSON, or an uploaded file)/add/remove/zone/announce, RSVP buttons, and
 * {@code /remind <meeting> 15m} reminders on the due-queue (idempotency key = member + community + meeting +
 * occurrence instant, so each occurrence is reminded once).
 *
 * <p>This class only wires the parts together and registers them; each command family and due handler is a class of
 * its own in this package.
 */
public final class MeetingsFeature implements Feature {
    private final MeetingStore store;
    private final FeedSource source;
    private final CalendarExport calendar;

    public MeetingsFeature(MeetingStore store, FeedSource source) {
        this(store, source, CalendarExport.NONE);
    }

    /** @param calendar renders {@code /meetings ics} files */
    public MeetingsFeature(MeetingStore store, FeedSource source, CalendarExport calendar) {
        this.store = Objects.requireNonNull(store, "store");
        this.source = Objects.requireNonNull(source, "source");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        MeetingLookup lookup = new MeetingLookup(store, context);
        Rsvps rsvps = new Rsvps(store, lookup, context);
        MeetingListing listing = new MeetingListing(store, lookup, rsvps);
        FeedImporter importer = new FeedImporter(store, lookup);
        FeedRefreshHandler refresh = new FeedRefreshHandler(store, source, importer, context);
        MeetingForm form = new MeetingForm(store, lookup);
        GuidedAdd guided = new GuidedAdd(store, lookup, form);
        ReminderHandler reminders = new ReminderHandler(store, lookup, rsvps, context);
        AnnouncementHandler announcements = new AnnouncementHandler(store, lookup, rsvps, context);
        MeetingsCommand meetings = new MeetingsCommand(listing, new CalendarFileCommand(store, calendar, lookup),
                new FeedImportCommand(store, source, importer, refresh, context), new ManualAdd(form, guided),
                new RemoveAndZoneCommands(store, lookup), new AnnounceCommand(store, lookup, announcements), rsvps);
        RemindCommand remind = new RemindCommand(store, lookup, reminders);

        registry.commandWithFile("meetings", "[today|ics [name]]", "Next 7 days of meetings, your time; ics file; "
                + "names on|off; mods: import|add|remove|zone|announce", Access.EVERYONE, meetings::handle);
        registry.command("meeting", "<name>", "Details of one meeting", Access.EVERYONE, listing::details);
        registry.command("remind", "<meeting> <minutes>m|off", "DM me before each meeting, e.g. /remind step-study 15m",
                Access.EVERYONE, remind::remind);
        registry.due(reminders);
        registry.due(refresh);
        registry.due(announcements);
        registry.button(Rsvps.BUTTON, rsvps::pressed);
        registry.button(GuidedAdd.BUTTON, guided::buttonPressed);
        registry.listener(guided::onPrivateMessage);
    }
}
