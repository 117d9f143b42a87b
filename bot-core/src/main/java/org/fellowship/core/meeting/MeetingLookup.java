package org.fellowship.core.meeting;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.time.TimeZones;

/**
 * What every meeting command asks about the community it runs in: which community a turn is in, a meeting by the
 * name a member typed, the community's default zone, a zone a moderator typed, and the id a community has now.
 */
final class MeetingLookup {
    private final MeetingStore store;
    private final BotContext context;
    private final TimeZones zones = new TimeZones();

    MeetingLookup(MeetingStore store, BotContext context) {
        this.store = store;
        this.context = context;
    }

    /** The turn's community; a usage error in a private chat, since meetings belong to a group. */
    static CommunityId community(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Meetings belong to a group: send this in your group's chat (I answer "
                    + "reminders privately).");
        }
        return community;
    }

    /** The platform with that code, or {@code null} (a stored payload or button from elsewhere). */
    static Platform platform(String code) {
        for (Platform p : Platform.values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The community's id now: reminders, announcements, buttons and drafts made before a group got a new id carry the
     * old one, and find the community (and its members' subscriptions) under the new one.
     */
    CommunityId current(CommunityId community) {
        return context.aliases().current(community);
    }

    /** The zone of the community's meetings and feeds that name none. */
    ZoneId zoneOf(CommunityId community) {
        return store.zone(community).orElse(context.settings().defaultZone());
    }

    /** A zone a moderator typed; a usage error with suggestions when it is unknown. */
    ZoneId resolveZone(String typed) {
        if (typed.length() > 64) {
            throw new UsageException("That is too long for a time zone name.");
        }
        TimeZones.Match match = zones.resolve(typed.strip());
        return match.zone().orElseThrow(() -> new UsageException("I don't know the time zone \"" + Clip.typed(typed, 40)
                + "\"." + (match.suggestions().isEmpty() ? " Time zones look like Europe/Berlin."
                : " Did you mean " + String.join(", ", match.suggestions()) + "?")));
    }

    /**
     * The meeting a member named: its exact id (slug), else the one meeting of exactly that name, else the one whose
     * name or id contains it; a usage error naming the candidates (with their ids) when none or several do.
     */
    Meeting find(CommunityId community, String typed) {
        if (typed.length() > Meeting.MAX_NAME) {
            throw new UsageException("That is too long for a meeting name.");
        }
        List<Meeting> all = store.meetings(community);
        String t = typed.strip().toLowerCase(Locale.ROOT);
        for (Meeting m : all) {
            if (m.slug().equals(t)) {
                return m; // slugs are unique: the way to name one of several meetings that share a name
            }
        }
        List<Meeting> named = all.stream().filter(m -> m.matches(typed)).toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.size() > 1) {
            throw new UsageException(named.size() + " meetings are called " + named.get(0).name()
                    + ". Name one by its id: " + candidates(named) + ".");
        }
        List<Meeting> partial = all.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).contains(t)
                || m.slug().contains(t)).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        if (partial.isEmpty()) {
            throw new UsageException("I don't know a meeting called \"" + Clip.typed(typed, 40)
                    + "\". Send /meetings to see them.");
        }
        throw new UsageException("Which one? " + candidates(partial) + ".");
    }

    /** Up to five meetings as "name [id]", and how many more there are. */
    private static String candidates(List<Meeting> meetings) {
        return meetings.stream().limit(5).map(m -> m.name() + " [" + m.slug() + "]").collect(Collectors.joining(", "))
                + (meetings.size() > 5 ? " and " + (meetings.size() - 5) + " more" : "");
    }
}
