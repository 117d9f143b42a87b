package org.fellowship.core.checkin;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.command.Access;
import org.fellowship.core.command.CommandHandler;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.ButtonHandler;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Daily check-ins: {@code /checkin} (check in now, {@code on [HH:MM]}, {@code off}, {@code nudges on|off},
 * {@code weekly on|off}, {@code mentor <name>|off}; moderators: {@code default HH:MM}, {@code summary on|off}),
 * {@code /checkins} (the member's last 14 days) and {@code /away until YYYY-MM-DD|off}.
 *
 * <p>Prompts go privately at the member's local time (see {@link PromptTimes}, {@link CheckinDispatcher}); the answer
 * is mood 1-5 then craving 0-10 by buttons, then an optional short private note typed within
 * {@link #NOTE_WINDOW}. An answer counts for the local date of the prompt it answers, however late; answering again
 * updates that day. Streaks follow {@link DayLog#streak}. Risk signals (mood 1, craving 8 or more, three missed days
 * in a row) reach the member's named mentor through {@link MentorNotes} only when the member consented; never a
 * group. Everything is private; the group summary shows only a count, and only when at least five checked in.
 *
 * <p>Thread-safe. Logs carry member ids only, never moods, notes or names.
 */
public final class CheckinFeature implements Feature {
    static final String MOOD_BUTTON = "checkin.mood";
    static final String CRAVING_BUTTON = "checkin.craving";
    static final String CONSENT_BUTTON = "checkin.consent";
    public static final int NOTE_LIMIT = 280;
    static final Duration NOTE_WINDOW = Duration.ofMinutes(30);
    static final Duration ANSWER_TTL = Duration.ofDays(2);
    public static final Duration DEFAULT_NUDGE_DELAY = Duration.ofHours(3);
    private static final Logger LOG = LoggerFactory.getLogger(CheckinFeature.class);
    private static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private final CheckinStore store;
    private final MentorNotes mentors;
    private final Duration nudgeDelay;
    private volatile BotContext context;
    private volatile CheckinSchedule schedule;

    /**
     * @param store      where records live (shared by every instance)
     * @param mentors    the mentor roster and alert path (use {@link MentorNotes#NONE} without one)
     * @param nudgeDelay how long after an unanswered prompt the one reminder comes
     */
    public CheckinFeature(CheckinStore store, MentorNotes mentors, Duration nudgeDelay) {
        this.store = Objects.requireNonNull(store, "store");
        this.mentors = Objects.requireNonNull(mentors, "mentors");
        this.nudgeDelay = Objects.requireNonNull(nudgeDelay, "nudgeDelay");
        if (nudgeDelay.isNegative() || nudgeDelay.isZero()) {
            throw new IllegalArgumentException("nudgeDelay must be positive");
        }
    }

    @Override
    public void install(FeatureRegistry registry, BotContext botContext) {
        this.context = botContext;
        this.schedule = new CheckinSchedule(store, botContext.dueQueue(), nudgeDelay);
        registry.command("checkin", "[on [HH:MM] | off | nudges on|off | weekly on|off | mentor <name>|off]",
                "Daily private check-in: check in now, or turn daily prompts on or off", Access.EVERYONE,
                guarded(this::checkin));
        registry.command("checkins", "", "Your last 14 check-ins, streak and averages (private)", Access.EVERYONE,
                guarded((turn, args) -> view(turn)));
        registry.command("away", "until YYYY-MM-DD | off", "Pause check-in prompts and protect your streak",
                Access.EVERYONE, guarded(this::away));
        registry.button(MOOD_BUTTON, guardedButton(this::moodPressed));
        registry.button(CRAVING_BUTTON, guardedButton(this::cravingPressed));
        registry.button(CONSENT_BUTTON, guardedButton(this::consentPressed));
        registry.listener(this::maybeNote);
        registry.due(new CheckinDispatcher(store, schedule, this, botContext, mentors));
        registry.due(new CheckinDispatcher.Summary(store, botContext, this));
    }

    // --- commands ---------------------------------------------------------------------------------------------

    private void checkin(Turn turn, String args) {
        String[] words = args.strip().split("\\s+", 2);
        String sub = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        switch (sub) {
            case "" -> checkInNow(turn);
            case "on" -> turnOn(turn, rest);
            case "off" -> turnOff(turn);
            case "nudges", "nudge" -> nudges(turn, rest);
            case "weekly" -> weekly(turn, rest);
            case "mentor" -> mentor(turn, rest);
            case "default" -> communityDefault(turn, rest);
            case "summary" -> summary(turn, rest);
            default -> throw new UsageException("I don't know \"/checkin " + clip(words[0]) + "\". Try /checkin on 20:00, "
                    + "/checkin off or just /checkin.");
        }
    }

    private CheckinRecord fresh(Turn turn) {
        return CheckinRecord.fresh(turn.actor().id(), defaultTime(turn.conversation().community()), turn.zone(),
                today(turn));
    }

    /** The community's default prompt time (the member's community when asked in a DM), else 20:00. */
    private LocalTime defaultTime(CommunityId community) {
        return Optional.ofNullable(community).flatMap(store::community).map(CommunityCheckins::defaultTime)
                .orElse(CommunityCheckins.DEFAULT_TIME);
    }

    private CheckinRecord update(Turn turn, java.util.function.UnaryOperator<CheckinRecord> change) {
        CommunityId community = turn.conversation().community();
        return schedule.update(turn.actor().id(), fresh(turn), r -> {
            CheckinRecord placed = community == null || community.equals(r.community()) ? r
                    : r.withPlace(community, turn.conversation().id());
            return change.apply(placed.withZone(turn.zone()));
        }, turn.now());
    }

    private static LocalDate today(Turn turn) {
        return LocalDate.ofInstant(turn.now(), turn.zone());
    }

    private void checkInNow(Turn turn) {
        LocalDate today = today(turn);
        CheckinRecord r = update(turn, x -> x);
        String already = r.log().answered(today) ? " You already checked in today; answering again updates it." : "";
        turn.replyPrivately("How is your mood today? (1 = very low, 5 = great)" + already,
                moodButtons(turn.actor().id(), today));
    }

    private void turnOn(Turn turn, String rest) {
        LocalTime time = rest.isEmpty() ? null : parseTime(rest);
        LocalDate today = today(turn);
        CheckinRecord r = update(turn, x -> {
            LocalTime at = time != null ? time : x.enabled() ? x.time() : defaultTime(x.community());
            // Days before opting (back) in are neutral for the streak and the missed-days signal.
            CheckinRecord on = x.enabled() ? x : x.withLog(x.log().neutralThrough(today.minusDays(1)));
            return on.withSchedule(true, at, turn.zone(), PromptTimes.firstDay(turn.now(), at, turn.zone()));
        });
        LOG.info("check-ins on for {}", turn.actor().id());
        turn.replyPrivately(String.format(Locale.ROOT, "Daily check-ins are on: I'll message you privately at %s "
                        + "(%s), starting %s. /checkin off stops them; /away pauses them.", r.time(), r.zone().getId(),
                r.nextDay().equals(today) ? "today" : "tomorrow"));
    }

    private void turnOff(Turn turn) {
        update(turn, x -> x.withSchedule(false, x.time(), x.zone(), null));
        LOG.info("check-ins off for {}", turn.actor().id());
        turn.replyPrivately("Daily check-in prompts are off. Your history stays private; /checkin still works any "
                + "time, and /checkin on starts them again.");
    }

    private void nudges(Turn turn, String value) {
        boolean on = onOff(value, "/checkin nudges off");
        update(turn, x -> x.withNudges(on));
        turn.replyPrivately(on ? "If a check-in goes unanswered I'll send one gentle reminder a few hours later, "
                + "never more." : "No reminders: just the one daily prompt.");
    }

    private void weekly(Turn turn, String value) {
        boolean on = onOff(value, "/checkin weekly on");
        update(turn, x -> x.withWeekly(on));
        turn.replyPrivately(on ? "You'll get a private summary of your week with Monday's prompt."
                : "No weekly summary.");
    }

    private void mentor(Turn turn, String value) {
        if (value.isEmpty()) {
            throw new UsageException("Name a mentor from your community's roster, e.g. /checkin mentor @alex, or "
                    + "/checkin mentor off.");
        }
        if (value.equalsIgnoreCase("off")) {
            update(turn, x -> x.withMentor(null, false, null));
            turn.replyPrivately("No mentor gets check-in notes about you any more.");
            return;
        }
        MentorNotes.RosterMentor m = mentors.findMentor(turn.actor().id().platform(), value).orElseThrow(() ->
                new UsageException("\"" + clip(value) + "\" isn't on the mentor roster. Ask a moderator who the "
                        + "mentors are."));
        if (m.id().equals(turn.actor().id())) {
            throw new UsageException("You can't be your own mentor here.");
        }
        update(turn, x -> x.withMentor(m.id(), false, null));
        List<ButtonRow> buttons = List.of(ButtonRow.of(
                turn.button("Yes, share with " + m.name(), CONSENT_BUTTON, Map.of("mentor", m.id().value(), "go", "yes")),
                turn.button("No", CONSENT_BUTTON, Map.of("mentor", m.id().value(), "go", "no"))));
        turn.replyPrivately("May I send " + m.name() + " a short private note (\"" + turn.actor().displayName()
                + " may want a check-in\") when your mood is 1, your craving is 8 or more, or you miss three "
                + "check-ins in a row? Never your answers, notes or anything in a group. You can stop it any time with "
                + "/checkin mentor off.", buttons);
    }

    private void consentPressed(Turn turn, ButtonAction action) {
        ChatUserId mentor = new ChatUserId(turn.actor().id().platform(), action.get("mentor"));
        boolean yes = "yes".equals(action.get("go"));
        CheckinRecord r = store.find(turn.actor().id()).orElse(null);
        if (r == null || !mentor.equals(r.mentor())) {
            turn.replyPrivately("That question is out of date; nothing changed. Send /checkin mentor again if you like.");
            return;
        }
        update(turn, x -> x.withMentor(mentor, yes, turn.actor().displayName()));
        turn.replyPrivately(yes ? "Thank you. Your mentor will get that short note only in those moments. "
                + "/checkin mentor off stops it." : "Okay: nothing will be shared with your mentor.");
    }

    private void communityDefault(Turn turn, String value) {
        CommunityId community = moderatorCommunity(turn);
        LocalTime time = parseTime(value);
        CommunityCheckins c = store.community(community).orElseGet(() -> CommunityCheckins.defaults(community));
        store.saveCommunity(c.withDefaultTime(time));
        turn.reply("New check-ins in this community default to " + time + " in each member's own time zone.");
    }

    private void summary(Turn turn, String value) {
        CommunityId community = moderatorCommunity(turn);
        boolean on = onOff(value, "/checkin summary on");
        CommunityCheckins c = store.community(community).orElseGet(() -> CommunityCheckins.defaults(community))
                .withSummary(on, turn.conversation().id(), turn.zone());
        store.saveCommunity(c);
        if (on) {
            LocalDate today = LocalDate.ofInstant(turn.now(), c.zone());
            scheduleSummary(c, PromptTimes.promptAt(today, c.summaryTime(), c.zone()).isAfter(turn.now()) ? today
                    : today.plusDays(1));
        }
        turn.reply(on ? "Every evening at " + c.summaryTime() + " (" + c.zone().getId() + ") I'll post how many members "
                + "checked in today: only the number, never names or answers, and only when at least "
                + CheckinDispatcher.Summary.K_ANONYMITY + " did." : "The daily check-in summary is off.");
    }

    void scheduleSummary(CommunityCheckins c, LocalDate day) {
        context.dueQueue().schedule(new DueItem("ci:sum:" + c.community() + ":" + day, CheckinDispatcher.Summary.KIND,
                PromptTimes.promptAt(day, c.summaryTime(), c.zone()),
                c.community().platform().name() + "|" + c.community().value() + "|" + day));
    }

    private static CommunityId moderatorCommunity(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send this in the group it is for.");
        }
        if (!turn.actor().moderator()) {
            throw new UsageException("Only moderators of this group can change its check-in settings.");
        }
        return community;
    }

    private void away(Turn turn, String args) {
        String[] words = args.strip().split("\\s+");
        if (words.length == 1 && words[0].equalsIgnoreCase("off")) {
            update(turn, x -> x.withAway(null));
            turn.replyPrivately("Welcome back! Check-in prompts continue as before.");
            return;
        }
        if (words.length != 2 || !words[0].equalsIgnoreCase("until")) {
            throw new UsageException("Say until which date you're away, e.g. /away until 2026-12-24, or /away off.");
        }
        LocalDate until;
        try {
            until = LocalDate.parse(words[1], ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw new UsageException("\"" + clip(words[1]) + "\" isn't a date I can use; write it as YYYY-MM-DD, "
                    + "e.g. 2026-12-24.");
        }
        LocalDate today = today(turn);
        if (until.isBefore(today)) {
            throw new UsageException(until.format(SHOWN) + " has already passed. Give a date from today on.");
        }
        if (until.isAfter(today.plusYears(1))) {
            throw new UsageException("Away mode lasts at most a year; give an earlier date.");
        }
        update(turn, x -> {
            CheckinRecord away = x.withAway(until);
            return away.log().answered(today) ? away : away.withLog(away.log().with(today, DayLog.AWAY));
        });
        turn.replyPrivately("You're away until " + until.format(SHOWN) + ": no prompts until then, and your streak "
                + "is kept safe. /away off if you're back sooner. Take care.");
    }

    private void view(Turn turn) {
        LocalDate today = today(turn);
        CheckinRecord r = store.find(turn.actor().id()).orElse(null);
        if (r == null || r.log().days().chars().noneMatch(c -> DayLog.isAnswer((char) c))) {
            boolean prompted = r != null && r.enabled();
            turn.replyPrivately("No check-ins yet. Send /checkin to do your first one" + (prompted
                    ? "; your daily prompt comes at " + r.time() + " (" + r.zone().getId() + ")."
                    : ", or /checkin on for a daily prompt."));
            return;
        }
        List<Character> days = r.log().lastDays(today, 14);
        double moodSum = 0;
        double cravingSum = 0;
        int moods = 0;
        int cravings = 0;
        for (Character c : days) {
            if (c != null && DayLog.isAnswer(c)) {
                moodSum += DayLog.moodOf(c);
                moods++;
                if (DayLog.cravingOf(c) != DayLog.NO_CRAVING) {
                    cravingSum += DayLog.cravingOf(c);
                    cravings++;
                }
            }
        }
        int streak = r.log().streak(today);
        String text = "Your last 14 days (oldest first; . missed, _ no prompt sent, ~ away, - before you started):\n"
                + "Mood:    " + CheckinTexts.trend(days, true) + "\n"
                + "Craving: " + CheckinTexts.trend(days, false) + "\n"
                + "Checked in " + moods + " of 14 days. Average mood " + CheckinTexts.average(moodSum, moods)
                + ", average craving " + CheckinTexts.average(cravingSum, cravings) + ".\n"
                + "Streak: " + streak + (streak == 1 ? " day" : " days")
                + " (one missed day in any 7 keeps it; away days don't count against it).";
        turn.replyPrivately(text);
    }

    /** A private summary of the 7 days ending on {@code last}. */
    String weekSummary(DayLog log, LocalDate last) {
        int answered = 0;
        double mood = 0;
        double craving = 0;
        int cravings = 0;
        for (Character c : log.lastDays(last, 7)) {
            if (c != null && DayLog.isAnswer(c)) {
                answered++;
                mood += DayLog.moodOf(c);
                if (DayLog.cravingOf(c) != DayLog.NO_CRAVING) {
                    craving += DayLog.cravingOf(c);
                    cravings++;
                }
            }
        }
        return "Your week: checked in " + answered + " of 7 days, average mood " + CheckinTexts.average(mood, answered)
                + ", average craving " + CheckinTexts.average(craving, cravings) + ". Streak: " + log.streak(last)
                + " days.";
    }

    // --- answering ------------------------------------------------------------------------------------------------

    /** The data key the pressed value fills, and the mood and craving scales. */
    static final String CHOICE = "v";
    static final List<String> MOODS = List.of("1", "2", "3", "4", "5");
    static final List<String> CRAVINGS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");

    ButtonAction moodAction(ChatUserId member, LocalDate day) {
        return new ButtonAction(MOOD_BUTTON, Map.of("day", day.toString()), member);
    }

    List<ButtonRow> moodButtons(ChatUserId member, LocalDate day) {
        List<String> tokens = context.buttons().issueChoices(moodAction(member, day), CHOICE, MOODS, ANSWER_TTL);
        return CheckinDispatcher.rows(tokens, MOODS, 5);
    }

    private LocalDate answerDay(Turn turn, ButtonAction action) {
        String text = action.get("day");
        if (text == null || action.get(CHOICE) == null) {
            throw new UsageException("That button doesn't work any more. Send /checkin to check in.");
        }
        LocalDate day = LocalDate.parse(text);
        if (day.isBefore(today(turn).minusDays(DayLog.WINDOW - 1))) {
            throw new UsageException("That check-in is too old to change now.");
        }
        return day;
    }

    private void moodPressed(Turn turn, ButtonAction action) {
        LocalDate day = answerDay(turn, action);
        int mood = Integer.parseInt(action.get(CHOICE));
        boolean[] first = {false};
        CheckinRecord r = update(turn, x -> {
            char before = x.log().on(day);
            first[0] = !DayLog.isAnswer(before);
            int craving = first[0] ? DayLog.NO_CRAVING : DayLog.cravingOf(before);
            CheckinRecord answered = x.withLog(x.log().with(day, DayLog.answer(mood, craving)));
            return answered.nudgeDay() != null && answered.nudgeDay().equals(day)
                    ? answered.promptedFor(answered.nextDay(), null) : answered;
        });
        if (first[0] && r.community() != null) {
            store.countCheckin(r.community(), day);
        }
        List<String> tokens = context.buttons().issueChoices(new ButtonAction(CRAVING_BUTTON, Map.of("day",
                day.toString()), turn.actor().id()), CHOICE, CRAVINGS, ANSWER_TTL);
        turn.replyPrivately("Thanks. And cravings right now, from 0 (none) to 10 (very strong)?",
                CheckinDispatcher.rows(tokens, CRAVINGS, 6));
        if (mood == 1) {
            signalOnce(r, day, "a very low mood");
        }
    }

    private void cravingPressed(Turn turn, ButtonAction action) {
        LocalDate day = answerDay(turn, action);
        int craving = Integer.parseInt(action.get(CHOICE));
        CheckinRecord r = update(turn, x -> {
            char before = x.log().on(day);
            int mood = DayLog.isAnswer(before) ? DayLog.moodOf(before) : 3;
            return x.withLog(x.log().with(day, DayLog.answer(mood, craving)))
                    .withNoteWindow(turn.now().plus(NOTE_WINDOW), day);
        });
        int mood = DayLog.moodOf(r.log().on(day));
        int streak = r.log().streak(today(turn));
        turn.replyPrivately(CheckinTexts.warmReply(mood, craving, day) + " Streak: " + streak
                + (streak == 1 ? " day." : " days.") + "\nIf you like, write a short private note now (up to "
                + NOTE_LIMIT + " characters); only you can see it.");
        LOG.info("check-in recorded for {}", turn.actor().id());
        if (craving >= 8) {
            signalOnce(r, day, "strong cravings");
        }
    }

    private void maybeNote(Turn turn) {
        if (!(turn.event() instanceof MessageReceived m) || !turn.conversation().isDirect()) {
            return;
        }
        if (turn.flagged()) {
            return; // a crisis written as a note gets the crisis reply only, and is not kept as a note
        }
        try {
            Optional<CheckinRecord> found = store.find(turn.actor().id());
            if (found.isEmpty() || found.get().noteUntil() == null || turn.now().isAfter(found.get().noteUntil())) {
                return;
            }
            LocalDate day = found.get().noteDay();
            String note = m.text().strip();
            boolean cut = note.codePointCount(0, note.length()) > NOTE_LIMIT;
            if (cut) {
                note = note.substring(0, note.offsetByCodePoints(0, NOTE_LIMIT));
            }
            store.saveNote(turn.actor().id(), day, note);
            update(turn, x -> x.withNoteWindow(null, null));
            turn.replyPrivately(cut ? "Saved your note privately, but only the first " + NOTE_LIMIT
                    + " characters: notes are kept short." : "Saved your note privately.");
        } catch (StoreUnavailableException e) {
            LOG.warn("check-in note for {} not saved: store unavailable", turn.actor().id());
            turn.replyPrivately(UNAVAILABLE);
        }
    }

    // --- risk signals -------------------------------------------------------------------------------------------

    private void signalOnce(CheckinRecord r, LocalDate day, String why) {
        if (!r.signalsAllowed() || day.equals(r.signalDay())) {
            return;
        }
        CheckinRecord marked = schedule.update(r.member(), r, x -> x.withSignalDay(day), context.clock().instant());
        signal(marked, why);
    }

    /** Sends the consented, minimal note to the member's mentor. */
    void signal(CheckinRecord r, String why) {
        if (!r.signalsAllowed()) {
            return;
        }
        String name = r.name() == null ? "A member you mentor" : r.name();
        mentors.notifyMentor(r.mentor(), "Check-in note: " + name + " may want a check-in (" + why + "). They chose "
                + "to share this with you; please reach out privately.");
        LOG.info("check-in risk signal for {} sent to their mentor", r.member());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static final String UNAVAILABLE = "I can't reach my storage right now, so nothing was saved. Please try "
            + "again in a few minutes.";

    private static CommandHandler guarded(CommandHandler handler) {
        return (turn, args) -> {
            try {
                handler.handle(turn, args);
            } catch (StoreUnavailableException e) {
                LOG.warn("check-in command of {} failed: store unavailable", turn.actor().id());
                turn.replyPrivately(UNAVAILABLE);
            }
        };
    }

    private static ButtonHandler guardedButton(ButtonHandler handler) {
        return (turn, action) -> {
            try {
                handler.pressed(turn, action);
            } catch (UsageException e) {
                turn.replyPrivately(e.getMessage());
            } catch (StoreUnavailableException e) {
                LOG.warn("check-in button of {} failed: store unavailable", turn.actor().id());
                turn.replyPrivately(UNAVAILABLE);
            } catch (NumberFormatException | DateTimeException e) {
                // Only a malformed (hand-made or very old) button lands here; real bugs reach the engine's handler.
                LOG.warn("check-in button of {} had bad data", turn.actor().id());
                turn.replyPrivately("That button doesn't work any more. Send /checkin to check in.");
            }
        };
    }

    static LocalTime parseTime(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (m.matches()) {
            int h = Integer.parseInt(m.group(1));
            int min = Integer.parseInt(m.group(2));
            if (h <= 23 && min <= 59) {
                return LocalTime.of(h, min);
            }
        }
        throw new UsageException("\"" + clip(text) + "\" isn't a time of day. Use 24-hour HH:MM, e.g. 20:30.");
    }

    private static boolean onOff(String value, String example) {
        if (value.equalsIgnoreCase("on")) {
            return true;
        }
        if (value.equalsIgnoreCase("off")) {
            return false;
        }
        throw new UsageException("Say on or off, e.g. " + example + ".");
    }

    /** Echo at most a short, single-line piece of what the member typed. */
    private static String clip(String typed) {
        String oneLine = typed.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 20 ? oneLine.substring(0, 20) + "..." : oneLine;
    }



}
