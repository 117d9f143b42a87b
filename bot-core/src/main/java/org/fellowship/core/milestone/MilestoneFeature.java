package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.fellowship.core.model.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;

/**
 * Clean dates and milestones: {@code /cleandate}, {@code /cleantime}, {@code /milestones}, {@code /reset} and the
 * moderator commands {@code /milestoneladder} and {@code /milestonemorning}; celebrations run from the due-queue
 * ({@link MilestoneAnnouncer}).
 *
 * <p>Clean time is counted on local dates in the member's zone ({@link Turn#zone()}); the clean date is day 1
 * ({@link CleanTime}). Milestone dates follow {@link Milestone}. Dates are private: replies about them go to the
 * member privately, except {@code /cleantime} in a group by a member who opted into sharing, which shows their
 * clean time (never the date) in the group.
 */
public final class MilestoneFeature implements Feature {
    static final String RESET_BUTTON = "milestone.reset";
    private static final Pattern LABEL = Pattern.compile("[a-z][a-z0-9_-]{0,19}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final MilestoneStore store;
    private final CleanDateParser parser = new CleanDateParser();
    private MilestoneScheduler scheduler;

    public MilestoneFeature(MilestoneStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        scheduler = new MilestoneScheduler(context.dueQueue(), store);
        registry.command("cleandate", "[label] <date>", "Set your clean date, e.g. /cleandate 2024-03-15",
                Access.EVERYONE, this::cleandate);
        registry.command("cleantime", "", "Show your clean time (" + CleanTime.CONVENTION + ")", Access.EVERYONE,
                this::cleantime);
        registry.command("milestones", "[announce on|off | ladder default|aa|na|custom]",
                "Your milestone settings: group announcements and ladder", Access.EVERYONE, this::milestones);
        registry.command("reset", "[label]", "Restart your clean time from today (kept private)", Access.EVERYONE,
                this::reset);
        registry.command("milestoneladder", "<steps, e.g. 1d 7d 30d 6m 1y>",
                "Moderators: set this community's custom milestone ladder", Access.MODERATOR, this::customLadder);
        registry.command("milestonemorning", "<hour 0-23>",
                "Moderators: the local hour milestones are celebrated", Access.MODERATOR, this::morning);
        registry.button(RESET_BUTTON, this::resetPressed);
        registry.due(new MilestoneAnnouncer(store, scheduler, context));
    }

    private MemberMilestones mine(Turn turn) {
        return store.find(turn.actor().id()).orElseGet(() -> MemberMilestones.fresh(turn.actor().id()));
    }

    private static LocalDate today(Turn turn) {
        return CleanTime.today(turn.now(), turn.zone());
    }

    private void cleandate(Turn turn, String args) {
        String text = args.strip();
        if (text.isEmpty()) {
            throw new UsageException("Tell me the date your clean time started, e.g. /cleandate 2024-03-15.");
        }
        String label = MemberMilestones.DEFAULT_LABEL;
        String dateText = text;
        String[] parts = text.split("\\s+", 2);
        if (parts.length == 2 && !CleanDateParser.looksLikeDate(parts[0])) {
            label = parts[0].toLowerCase(Locale.ROOT);
            dateText = parts[1];
            if (!LABEL.matcher(label).matches()) {
                throw new UsageException("A label is one word of up to 20 letters or digits, e.g. alcohol.");
            }
        }
        LocalDate today = today(turn);
        LocalDate date;
        try {
            date = parser.parse(dateText, today);
        } catch (CleanDateParser.Problem p) {
            throw new UsageException(p.getMessage());
        }
        MemberMilestones before = mine(turn);
        if (!before.cleanDates().containsKey(label) && before.cleanDates().size() >= 10) {
            throw new UsageException("You can keep up to 10 clean dates. Change one by using its label.");
        }
        scheduler.cancel(before, label, today);
        MemberMilestones after = before.withCleanDate(label, date);
        store.save(after);
        scheduler.schedule(after, label, today.plusDays(1), turn.zone(), turn.now());
        CleanTime time = CleanTime.on(date, today);
        StringBuilder reply = new StringBuilder("Clean date ")
                .append(label.equals(MemberMilestones.DEFAULT_LABEL) ? "" : "for " + label + " ")
                .append("set to ").append(date.format(DATE)).append(". Today is ").append(time.describe()).append('.');
        Ladder ladder = scheduler.ladderOf(after);
        for (Milestone m : ladder.nextOnOrAfter(date, today)) {
            if (m.dateFrom(date).equals(today)) {
                reply.append(" Today is a milestone: ").append(ladder.describe(m)).append("!");
            }
        }
        reply.append(" This stays private.");
        turn.replyPrivately(reply.toString());
    }

    private void cleantime(Turn turn, String args) {
        MemberMilestones m = mine(turn);
        if (m.cleanDates().isEmpty()) {
            turn.replyPrivately("You haven't set a clean date yet. Set one with /cleandate 2024-03-15.");
            return;
        }
        LocalDate today = today(turn);
        boolean shareHere = !turn.conversation().isDirect() && m.sharing();
        Ladder ladder = scheduler.ladderOf(m);
        List<String> lines = new ArrayList<>();
        lines.add(shareHere ? turn.actor().displayName() + "'s clean time:" : "Your clean time:");
        List<Map.Entry<String, LocalDate>> entries = new ArrayList<>(m.cleanDates().entrySet());
        // The unlabelled date first, then the labels alphabetically.
        entries.sort(Map.Entry.comparingByKey((a, b) -> a.equals(b) ? 0
                : a.equals(MemberMilestones.DEFAULT_LABEL) ? -1
                : b.equals(MemberMilestones.DEFAULT_LABEL) ? 1 : a.compareTo(b)));
        if (shareHere && entries.size() > 1) {
            entries = entries.subList(0, 1); // the group sees one count, like announcements
        }
        for (Map.Entry<String, LocalDate> e : entries) {
            LocalDate date = e.getValue();
            // labels ("gambling") are private: announcements never show them, and neither does the group here
            String prefix = shareHere || e.getKey().equals(MemberMilestones.DEFAULT_LABEL) ? "" : e.getKey() + ": ";
            if (date.isAfter(today)) {
                // Set in a zone that is ahead of the member's current one.
                lines.add(prefix + "starts " + (shareHere ? "tomorrow" : date.format(DATE)));
                continue;
            }
            String line = prefix + CleanTime.on(date, today).describe();
            if (!shareHere) {
                Milestone next = ladder.nextOnOrAfter(date, today.plusDays(1)).get(0);
                LocalDate nextDate = next.dateFrom(date);
                line += " since " + date.format(DATE) + ". Next: " + ladder.describe(next) + " on "
                        + nextDate.format(DATE) + " (" + inDays(ChronoUnit.DAYS.between(today, nextDate)) + ")";
            }
            lines.add(line);
        }
        String text = String.join("\n", lines);
        if (shareHere) {
            turn.reply(text);
        } else {
            turn.replyPrivately(text);
        }
    }

    private void milestones(Turn turn, String args) {
        String[] words = args.strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (args.isBlank()) {
            showSettings(turn);
            return;
        }
        if (words.length == 2 && words[0].equals("announce")) {
            announce(turn, words[1]);
            return;
        }
        if (words.length == 2 && words[0].equals("ladder")) {
            ladder(turn, words[1]);
            return;
        }
        throw new UsageException("Try /milestones announce on, or /milestones ladder aa.");
    }

    private void showSettings(Turn turn) {
        MemberMilestones m = mine(turn);
        String sharing = m.sharing() ? "announced in your group (name and milestone, never the date)"
                : "private (only you are congratulated)";
        turn.replyPrivately("Ladder: " + describeChoice(m) + ". Milestones are " + sharing + ".\n"
                + "Change with /milestones announce on|off or /milestones ladder default|aa|na|custom.");
    }

    private String describeChoice(MemberMilestones m) {
        Ladder ladder = scheduler.ladderOf(m);
        StringBuilder steps = new StringBuilder();
        for (Milestone s : ladder.steps()) {
            steps.append(steps.length() == 0 ? "" : ", ").append(s.describe());
        }
        return ladder.name() + " (" + steps + ", then every year)";
    }

    private void announce(Turn turn, String value) {
        MemberMilestones before = mine(turn);
        MemberMilestones after;
        String reply;
        if (value.equals("on")) {
            if (turn.conversation().isDirect()) {
                throw new UsageException("Send /milestones announce on in the group where you'd like your "
                        + "milestones shared.");
            }
            after = before.withAnnouncements(new Announcements(turn.conversation().id(),
                    turn.conversation().community(), turn.actor().displayName()));
            reply = "Your milestones will be celebrated in this group as \"" + turn.actor().displayName()
                    + "\" with the milestone only, never your date. Turn it off any time: /milestones announce off";
        } else if (value.equals("off")) {
            after = before.withAnnouncements(null);
            reply = "Milestone announcements are off. You'll still get a private congratulation.";
        } else {
            throw new UsageException("Say on or off, e.g. /milestones announce on.");
        }
        LocalDate today = today(turn);
        scheduler.cancelAll(before, today.plusDays(1));
        store.save(after);
        scheduler.scheduleAll(after, today.plusDays(1), turn.zone(), turn.now());
        turn.replyPrivately(reply);
    }

    private void ladder(Turn turn, String value) {
        LadderChoice choice = LadderChoice.parse(value).orElseThrow(() ->
                new UsageException("I know the ladders default, aa, na and custom, e.g. /milestones ladder aa."));
        CommunityId community = null;
        if (choice == LadderChoice.CUSTOM) {
            community = turn.conversation().community();
            if (community == null) {
                throw new UsageException("Choose the custom ladder in the group whose ladder you want to follow.");
            }
            if (store.community(community).map(c -> c.customLadder().isEmpty()).orElse(true)) {
                throw new UsageException("This group has no custom ladder yet; a moderator can set one with "
                        + "/milestoneladder.");
            }
        }
        MemberMilestones before = mine(turn);
        LocalDate today = today(turn);
        scheduler.cancelAll(before, today.plusDays(1));
        MemberMilestones after = before.withLadder(choice, community);
        store.save(after);
        scheduler.scheduleAll(after, today.plusDays(1), turn.zone(), turn.now());
        turn.replyPrivately("You now follow the " + describeChoice(after) + ".");
    }

    private void reset(Turn turn, String args) {
        MemberMilestones m = mine(turn);
        String label = args.isBlank() ? MemberMilestones.DEFAULT_LABEL : args.strip().toLowerCase(Locale.ROOT);
        LocalDate date = m.cleanDates().get(label);
        if (date == null) {
            if (m.cleanDates().isEmpty()) {
                throw new UsageException("You haven't set a clean date yet. Set one with /cleandate 2024-03-15.");
            }
            throw new UsageException("You have no clean date called \"" + clip(label) + "\". Yours: "
                    + String.join(", ", m.cleanDates().keySet()) + ".");
        }
        List<ButtonRow> buttons = List.of(new ButtonRow(List.of(
                turn.button("Yes, start again today", RESET_BUTTON, Map.of("label", label, "date", date.toString(),
                        "go", "yes")),
                turn.button("Cancel", RESET_BUTTON, Map.of("label", label, "date", date.toString(), "go", "no")))));
        turn.replyPrivately("Start your clean time" + (label.equals(MemberMilestones.DEFAULT_LABEL) ? "" : " for "
                + label) + " again from today? Your earlier date stays in your private history; nothing is posted "
                + "in any group.", buttons);
    }

    private void resetPressed(Turn turn, ButtonAction action) {
        if (!"yes".equals(action.get("go"))) {
            turn.replyPrivately("Okay, nothing changed.");
            return;
        }
        String label = action.get("label");
        MemberMilestones before = mine(turn);
        LocalDate date = before.cleanDates().get(label);
        if (date == null || !date.toString().equals(action.get("date"))) {
            turn.replyPrivately("That question is out of date; nothing changed. Send /reset again if you like.");
            return;
        }
        LocalDate today = today(turn);
        scheduler.cancel(before, label, today);
        MemberMilestones after = before.restart(label, today);
        store.save(after);
        scheduler.schedule(after, label, today.plusDays(1), turn.zone(), turn.now());
        turn.replyPrivately("Welcome back, " + turn.actor().displayName() + ". Coming back is what recovery looks "
                + "like, and we're glad you're here. Today is day 1. Your earlier "
                + CleanTime.on(date, today.isBefore(date) ? date : today).days()
                + " days still count and are kept privately in your history.");
    }

    private void customLadder(Turn turn, String args) {
        CommunityId community = requireCommunity(turn);
        List<Milestone> steps = new ArrayList<>();
        for (String word : args.strip().split("[\\s,]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                steps.add(Milestone.parse(word));
            } catch (IllegalArgumentException e) {
                throw new UsageException("\"" + clip(word) + "\" isn't a step. Write steps like 1d 7d 30d 6m 1y.");
            }
        }
        if (steps.isEmpty()) {
            throw new UsageException("List the steps, e.g. /milestoneladder 1d 7d 30d 100d 6m 1y.");
        }
        Ladder ladder;
        try {
            ladder = Ladder.custom(steps);
        } catch (IllegalArgumentException e) {
            throw new UsageException("A ladder has at most " + Ladder.MAX_STEPS + " steps.");
        }
        CommunityMilestones settings = store.community(community).orElseGet(() -> CommunityMilestones.defaults(community));
        store.saveCommunity(settings.withCustomLadder(ladder.steps()));
        StringBuilder text = new StringBuilder();
        for (Milestone s : ladder.steps()) {
            text.append(text.length() == 0 ? "" : ", ").append(s.describe());
        }
        turn.reply("Custom ladder set: " + text + ", then every year. Members can pick it with "
                + "/milestones ladder custom.");
    }

    private void morning(Turn turn, String args) {
        CommunityId community = requireCommunity(turn);
        int hour;
        try {
            hour = Integer.parseInt(args.strip());
        } catch (NumberFormatException e) {
            hour = -1;
        }
        if (hour < 0 || hour > 23) {
            throw new UsageException("Give an hour from 0 to 23, e.g. /milestonemorning 9.");
        }
        CommunityMilestones settings = store.community(community).orElseGet(() -> CommunityMilestones.defaults(community));
        store.saveCommunity(settings.withMorningHour(hour));
        turn.reply(String.format(Locale.ROOT, "Milestones will be celebrated at %02d:00 in each member's own time "
                + "zone (from their next milestone on).", hour));
    }

    private static CommunityId requireCommunity(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send this in the group it is for.");
        }
        return community;
    }

    private static String inDays(long days) {
        return days == 1 ? "tomorrow" : "in " + days + " days";
    }

    /** Echo at most a short, single-line piece of what the member typed. */
    private static String clip(String typed) {
        String oneLine = typed.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 20 ? oneLine.substring(0, 20) + "..." : oneLine;
    }

    static ZoneId zoneOf(BotContext context, org.fellowship.core.model.ChatUserId member) {
        return context.profiles().find(member).map(p -> p.zoneOr(context.settings().defaultZone()))
                .orElse(context.settings().defaultZone());
    }
}
