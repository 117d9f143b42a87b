package org.fellowship.app.meetings;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.WeekDay;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Feature;
import net.fortuna.ical4j.model.parameter.Label;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Conference;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;
import org.fellowship.core.meeting.Meeting;
import org.fellowship.core.model.CommunityId;

/**
 * Renders meetings as iCalendar (RFC 5545) with ical4j: one VEVENT per meeting with a weekly RRULE on its
 * weekdays, DTSTART in the meeting's own zone (TZID) and one VTIMEZONE per zone used, so calendar apps keep the
 * local time across daylight-saving changes. A dial-in goes into the DESCRIPTION and, as a {@code tel:} URI, into an
 * RFC 7986 CONFERENCE property. Content lines are folded at 75 octets ({@link OctetFolding}).
 *
 * <p><b>Threading:</b> thread-safe (the zone registry is created once and only read). <b>Nullness:</b> arguments
 * non-null. <b>Failure:</b> {@link IllegalArgumentException} for a zone ical4j has no definition for.
 */
public final class MeetingCalendar {
    private static final String PRODUCT = "-//Fellowship//Meetings 1//EN";
    private final TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * The calendar of some meetings of one community.
     *
     * @param since the first event of each meeting is its first occurrence at or after this instant; keep it fixed
     *              (for example when the meeting was first exported) so the file stays the same for the same data
     * @param stamp DTSTAMP of every event
     */
    public String render(CommunityId community, List<Meeting> meetings, Instant since, Instant stamp) {
        Objects.requireNonNull(community, "community");
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        TreeSet<String> zones = new TreeSet<>();
        meetings.forEach(m -> zones.add(m.zone().getId()));
        for (String zone : zones) {
            TimeZone tz = registry.getTimeZone(zone);
            if (tz == null) {
                throw new IllegalArgumentException("no VTIMEZONE definition for a meeting's zone");
            }
            calendar.add(tz.getVTimeZone());
        }
        meetings.stream().sorted(Comparator.comparing(Meeting::slug))
                .forEach(m -> calendar.add(event(community, m, since, stamp)));
        try {
            java.io.StringWriter out = new java.io.StringWriter();
            new CalendarOutputter(false).output(calendar, out);
            return OctetFolding.refold(out.toString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not write the calendar", e);
        }
    }

    private VEvent event(CommunityId community, Meeting m, Instant since, Instant stamp) {
        ZonedDateTime start = m.nextAfter(since.minusNanos(1)).start();
        // ical4j resolves the TZID of a ZonedDateTime through its registry: keep the meeting's own zone id.
        ZonedDateTime local = start.withZoneSameInstant(ZoneId.of(m.zone().getId()));
        VEvent event = new VEvent(local, local.plus(m.duration()), m.name());
        event.replace(new DtStamp(stamp));
        event.add(new Uid(m.slug() + "." + community.platform().code() + "." + community.value() + "@fellowship"));
        List<WeekDay> days = m.days().stream().sorted().map(WeekDay::getWeekDay).toList();
        event.add(new RRule<>(new Recur.Builder<ZonedDateTime>().frequency(Frequency.WEEKLY).dayList(days).build()));
        if (m.location() != null) {
            event.add(new Location(m.location()));
        }
        if (m.url() != null) {
            try {
                event.add(new Url(new URI(m.url())));
            } catch (URISyntaxException e) {
                // not a usable URI: leave it out of the calendar, the chat listing still shows it
            }
        }
        m.dialIn().flatMap(MeetingCalendar::telUri).ifPresent(tel -> event.add(new Conference(new ParameterList(
                List.of(Value.URI, Feature.PHONE, new Label("Dial-in"))), tel)));
        StringBuilder description = new StringBuilder();
        if (m.url() != null) {
            description.append(m.url());
        }
        m.dialIn().ifPresent(phone -> description.append(description.isEmpty() ? "" : "\n").append("Dial-in: ")
                .append(phone));
        if (m.notes() != null) {
            description.append(description.isEmpty() ? "" : "\n").append(m.notes());
        }
        if (!description.isEmpty()) {
            event.add(new Description(description.toString()));
        }
        if (!m.types().isEmpty()) {
            event.add(new Categories(String.join(",", m.types())));
        }
        return event;
    }

    /**
     * The dial-in as an RFC 3966 {@code tel:} URI for RFC 7986's CONFERENCE ("+1 (605) 313-5164,,7712345#" ->
     * "tel:+1(605)313-5164,,7712345#": spaces dropped, pauses and tones kept as phones dial them), or empty when it
     * holds more than digits, separators, pauses and tones (then the DESCRIPTION alone carries it).
     */
    static Optional<String> telUri(String phone) {
        String dialled = phone.replaceAll("[\\s\u00a0]+", "");
        return dialled.matches("\\+?[0-9][0-9()*#,;.\\-]{2,99}") ? Optional.of("tel:" + dialled) : Optional.empty();
    }
}
