package org.fellowship.core.meeting;

import static org.fellowship.core.meeting.MeetingTexts.DAY;
import static org.fellowship.core.meeting.MeetingTexts.HM;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.command.Clip;
import org.fellowship.core.command.OnOff;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.store.ButtonAction;

/**
 * "I'm going": the RSVP button on a meeting's details, reminders and group announcements, what pressing it answers,
 * the "Going: 3 (Ana and 2 others)" line, and {@code /meetings names on|off}, a member's consent to be named in it.
 */
final class Rsvps {
    static final String BUTTON = "meeting.rsvp";

    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final BotContext context;

    Rsvps(MeetingStore store, MeetingLookup lookup, BotContext context) {
        this.store = store;
        this.lookup = lookup;
        this.context = context;
    }

    /** The button for one occurrence, labelled with how many are going; {@code onlyFor} limits who may press it. */
    Button button(CommunityId community, Meeting m, Instant occurrence, ChatUserId onlyFor) {
        int going = store.going(community, m.slug(), occurrence);
        ButtonAction action = new ButtonAction(BUTTON, Map.of("p", community.platform().code(),
                "c", community.value(), "s", m.slug(), "o", Long.toString(occurrence.toEpochMilli())), onlyFor);
        return new Button("I'm going (" + going + ")", context.buttons().issue(action, context.settings().buttonTtl()));
    }

    /** A press toggles the member's RSVP and answers them privately. */
    void pressed(Turn turn, ButtonAction action) {
        Platform platform = MeetingLookup.platform(action.get("p"));
        String slug = action.get("s");
        String epoch = action.get("o");
        if (platform == null || slug == null || epoch == null || !epoch.matches("\\d{1,15}")
                || action.get("c") == null) {
            turn.replyPrivately("That button no longer works.");
            return;
        }
        CommunityId community = lookup.current(new CommunityId(platform, action.get("c")));
        Instant occurrence = Instant.ofEpochMilli(Long.parseLong(epoch));
        Optional<Meeting> meeting = store.meeting(community, slug);
        if (meeting.isEmpty() || !turn.now().isBefore(occurrence.plus(meeting.get().duration()))) {
            turn.replyPrivately("That meeting is over or no longer scheduled.");
            return;
        }
        ChatUserId member = turn.actor().id();
        boolean going = !store.isGoing(community, slug, occurrence, member);
        store.rsvp(community, slug, occurrence, member, going);
        ZonedDateTime local = occurrence.atZone(turn.zone());
        String when = local.format(DAY) + " " + local.format(HM) + " your time";
        String goingLine = goingLine(community, slug, occurrence);
        turn.replyPrivately(going
                ? "See you at " + meeting.get().name() + " on " + when + ". " + goingLine
                + ". Press again if your plans change."
                : "OK, you're no longer down for " + meeting.get().name() + " on " + when + ". " + goingLine + ".");
    }

    /** "Going: 3 (Ana, Ben and 1 other)": names only of those who agreed, the rest counted. */
    String goingLine(CommunityId community, String slug, Instant occurrence) {
        Set<ChatUserId> going = store.goingMembers(community, slug, occurrence);
        Map<ChatUserId, String> named = going.isEmpty() ? Map.of() : store.shownNames(community, going);
        StringBuilder line = new StringBuilder("Going: ").append(going.size());
        if (!named.isEmpty()) {
            int others = going.size() - named.size();
            line.append(" (").append(String.join(", ", named.values().stream().map(n -> Clip.typed(n, 40)).toList()));
            if (others > 0) {
                line.append(" and ").append(others).append(others == 1 ? " other" : " others");
            }
            line.append(')');
        }
        return line.toString();
    }

    /** A member's consent to be named to others going to the same meeting in this community (default: counts only). */
    void names(Turn turn, String choice) {
        CommunityId community = MeetingLookup.community(turn);
        boolean on = OnOff.read(choice).orElseThrow(() -> new UsageException("Say /meetings names on to let others "
                + "going to a meeting here see your name, or /meetings names off (the default: only the count is "
                + "shown)."));
        String name = turn.actor().displayName();
        store.setShownName(community, turn.actor().id(), on ? (name == null || name.isBlank() ? "a member" : name)
                : null);
        turn.replyPrivately(on ? "Others going to the same meeting here will see your name next to the count. "
                + "/meetings names off takes it back." : "Only the count is shown; your name is not.");
    }
}
