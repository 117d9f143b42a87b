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
     * The meeting a member named: exact slug or name first, else the one meeting whose name or slug contains it; a
     * usage error naming the candidates when none or several do.
     */
    Meeting find(CommunityId community, String typed) {
        if (typed.length() > Meeting.MAX_NAME) {
            throw new UsageException("That is too long for a meeting name.");
        }
        List<Meeting> all = store.meetings(community);
        for (Meeting m : all) {
            if (m.matches(typed)) {
                return m;
            }
        }
        String t = typed.strip().toLowerCase(Locale.ROOT);
        List<Meeting> partial = all.stream().filter(m -> m.name().toLowerCase(Locale.ROOT).contains(t)
                || m.slug().contains(t)).toList();
        if (partial.size() == 1) {
            return partial.get(0);
        }
        if (partial.isEmpty()) {
            throw new UsageException("I don't know a meeting called \"" + Clip.typed(typed, 40)
                    + "\". Send /meetings to see them.");
        }
        throw new UsageException("Which one? " + partial.stream().limit(5).map(m -> m.name() + " [" + m.slug() + "]")
                .collect(Collectors.joining(", ")) + (partial.size() > 5 ? ", ..." : "") + ".");
    }
}
