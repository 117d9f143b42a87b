package org.fellowship.core.mentor;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.CommandHandler;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.port.ChatAudience;

/**
 * The roster commands: {@code /mentor} (mentors set their own status), {@code /mentor_tier} and
 * {@code /mentor_channel} (moderators). Only in the fellowship's own groups, except going off call.
 */
final class RosterCommands {
    /** The most open alerts a mentor may hold at once. */
    static final int MAX_CAPACITY = 10;

    private final MentorStore store;
    private final FellowshipGroups groups;
    private final AlertMessenger messenger;
    private final Subcommands mentorRoutes;

    RosterCommands(MentorStore store, FellowshipGroups groups, AlertMessenger messenger) {
        this.store = store;
        this.groups = groups;
        this.messenger = messenger;
        this.mentorRoutes = Subcommands.of("mentor")
                .bare(turn -> {
                    groups.requireServed(turn);
                    turn.replyPrivately(status(current(turn)));
                })
                .sub("on", served((turn, rest) -> onCall(turn, true)))
                .sub("off", (turn, rest) -> onCall(turn, false)) // going off call is always allowed
                .sub("quiet", served(this::quiet))
                .sub("capacity", served(this::capacity))
                .sub("language", served(this::languages))
                .sub("languages", served(this::languages))
                .otherwise(served((turn, args) -> {
                    throw new UsageException("Say /mentor on, /mentor off, /mentor quiet 22:00-07:00, "
                            + "/mentor capacity 2 or /mentor language en.");
                }));
    }

    /** {@code /mentor}: a mentor's own status, on call or off, quiet hours, capacity and languages. */
    void mentor(Turn turn, String args) {
        if (!turn.actor().mentor()) {
            turn.replyPrivately(turn.conversation().isDirect()
                    ? "Mentor status comes from your group, so please send this command there (I'll answer you here)."
                    : "Only members the group has made mentors can go on call: on Discord the mentor role, on Telegram "
                    + "an administrator title with \"mentor\" in it. A moderator can set that up.");
            return;
        }
        mentorRoutes.handle(turn, args);
    }

    /** Runs {@code handler} only in the fellowship's own groups. */
    private CommandHandler served(CommandHandler handler) {
        return (turn, rest) -> {
            groups.requireServed(turn);
            handler.handle(turn, rest);
        };
    }

    private Mentor current(Turn turn) {
        ChatUserId id = turn.actor().id();
        return store.mentor(id).orElse(new Mentor(id, turn.actor().displayName(), 1, false));
    }

    private void onCall(Turn turn, boolean on) {
        store.saveMentor(current(turn).withOnCall(turn.actor().displayName(), on));
        turn.replyPrivately(on ? "You're on call. Alerts come to you here, in private. Thank you."
                : "You're off call. Thank you for being there.");
    }

    private void quiet(Turn turn, String rest) {
        QuietHours quiet = null;
        if (!rest.toLowerCase(Locale.ROOT).equals("off")) {
            try {
                quiet = QuietHours.parse(rest);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage() + " Or /mentor quiet off.");
            }
        }
        store.saveMentor(current(turn).withQuiet(quiet));
        ZoneId zone = messenger.zoneOf(turn.actor().id());
        turn.replyPrivately(quiet == null ? "No quiet hours: you can be paged any time you're on call."
                : "No pages between " + quiet.from() + " and " + quiet.to() + " (" + zone.getId()
                + (zone.equals(ZoneOffset.UTC) ? "; set yours with /timezone" : "") + ").");
    }

    private void capacity(Turn turn, String rest) {
        if (!rest.matches("\\d{1,2}") || Integer.parseInt(rest) < 1 || Integer.parseInt(rest) > MAX_CAPACITY) {
            throw new UsageException("Give how many open alerts you can hold at once, 1 to " + MAX_CAPACITY
                    + ", for example /mentor capacity 2.");
        }
        store.saveMentor(current(turn).withCapacity(Integer.parseInt(rest)));
        turn.replyPrivately("You'll hold at most " + rest + " open alert" + (rest.equals("1") ? "" : "s")
                + " at a time.");
    }

    private void languages(Turn turn, String rest) {
        Set<String> codes = new LinkedHashSet<>();
        for (String code : rest.toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            if (code.isEmpty() || code.equals("any")) {
                continue;
            }
            if (!code.matches("[a-z]{2,3}")) {
                throw new UsageException("Give language codes such as en de es, or any.");
            }
            codes.add(code);
        }
        store.saveMentor(current(turn).withLanguages(codes));
        turn.replyPrivately(codes.isEmpty() ? "You'll be paged whatever language a member speaks."
                : "Members speaking " + String.join(", ", codes) + " will be paged to you first.");
    }

    private static String status(Mentor m) {
        return "You are " + (m.onCall() ? "on call" : "off call") + ", tier " + m.tier() + ", capacity "
                + m.capacity() + ", quiet hours " + (m.quiet() == null ? "none" : m.quiet().toString())
                + ", languages " + (m.languages().isEmpty() ? "any" : String.join(" ", m.languages())) + ".";
    }

    /** {@code /mentor_tier USER_ID TIER} (moderators). */
    void tier(Turn turn, String args) {
        groups.requireServed(turn);
        String[] parts = args.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].matches("[1-" + Mentor.MAX_TIER + "]")) {
            throw new UsageException("Give a member id and a tier from 1 to " + Mentor.MAX_TIER + ".");
        }
        ChatUserId id = new ChatUserId(turn.actor().id().platform(), parts[0]);
        int tier = Integer.parseInt(parts[1]);
        store.saveMentor(store.mentor(id).orElse(new Mentor(id, parts[0], tier, false)).withTier(tier));
        turn.reply("Tier " + tier + " set for mentor " + parts[0] + ".");
    }

    /**
     * {@code /mentor_channel [off]} (moderators): the chat it is sent in becomes the moderators' channel, once the
     * platform confirms that only moderators can read it.
     */
    void channel(Turn turn, String args) {
        groups.requireServed(turn);
        if (args.strip().equalsIgnoreCase("off")) {
            store.setModeratorsChannel(turn.conversation().platform(), null);
            turn.reply("Alerts no mentor acknowledged will no longer be posted to a moderators' channel.");
            return;
        }
        if (turn.conversation().isDirect()) {
            throw new UsageException("Run /mentor_channel in the moderators' own channel, not in a private chat.");
        }
        Optional<ChatAudience> audience = messenger.audienceOf(turn.conversation().id());
        if (audience.isEmpty()) {
            turn.replyPrivately("I couldn't check with " + turn.conversation().platform().lowerName() + " who can read "
                    + "this chat, so I won't post crisis alerts here: they go only where I can confirm that moderators "
                    + "alone read them. Please check the bot's rights here and try again.");
            return;
        }
        if (!audience.get().moderatorsOnly()) {
            turn.replyPrivately("This chat can't be the moderators' channel: " + audience.get().problem()
                    + " Crisis alerts go only where moderators alone can read them; run /mentor_channel again once "
                    + "that is fixed.");
            return;
        }
        store.setModeratorsChannel(turn.conversation().platform(), turn.conversation().id());
        turn.reply("Alerts no mentor acknowledged after the last tier will be posted here (a category, a link and a "
                + "Take button). I check before each post that only moderators can read this chat.");
    }
}
