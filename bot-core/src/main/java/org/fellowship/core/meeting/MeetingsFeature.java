package org.fellowship.core.meeting;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fellowship.core.command.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.meeting.feed.FeedException;
import org.fellowship.core.meeting.feed.FeedParser;
import org.fellowship.core.meeting.feed.FeedSource;
import org.fellowship.core.meeting.feed.ParsedFeed;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundFile;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.time.TimeZones;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meeting schedules: {@code /meetings} (next 7 days in the viewer's zone), {@code /meetings today},
 * {@code /meeting <name>}, {@code /meetings ics [name]} (an iCalendar file in the chat), moderator
 * import (URL, pasted JSON, or an uploaded file)/add/remove/zone, and {@code /remind <meeting> 15m} reminders on the
 * due-queue (idempotency key = member + community + meeting + occurrence instant, so each occurrence is reminded
 * once).
 */
public final class MeetingsFeature implements Feature {
    /** Due-queue kind of a member's meeting reminder. */
    public static final String REMINDER_KIND = "meeting.reminder";
    /** Due-queue kind of the daily re-import of a community's feed URL. */
    public static final String REFRESH_KIND = "meeting.feed-refresh";
    /** Due-queue kind of a reminder posted in the group. */
    public static final String ANNOUNCE_KIND = "meeting.announcement";
    static final int MAX_LISTED = 40;
    private static final String RSVP_BUTTON = "meeting.rsvp";
    private static final String DRAFT_BUTTON = "meeting.draft";
    private static final Logger LOG = LoggerFactory.getLogger(MeetingsFeature.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final Pattern LEAD = Pattern.compile("(?i)(\\d{1,4})\\s*(m|min|mins|minutes?|h|hours?)?");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

    /** Largest feed file a moderator may upload (the parser's own limit, in bytes). */
    static final int MAX_UPLOAD_BYTES = FeedParser.MAX_FEED_CHARS;
    private static final Object[] APPLY_LOCKS = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object())
            .toArray();

    private final MeetingStore store;
    private final FeedSource source;
    private final CalendarExport calendar;
    private final FeedParser parser = new FeedParser();
    private final TimeZones zones = new TimeZones();
    private BotContext context;

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
    public void install(FeatureRegistry registry, BotContext botContext) {
        this.context = botContext;
        registry.commandWithFile("meetings", "[today|ics [name]]", "Next 7 days of meetings, your time; ics file; "
                + "names on|off; mods: import|add|remove|zone|announce", Access.EVERYONE, this::meetings);
        registry.command("meeting", "<name>", "Details of one meeting", Access.EVERYONE, this::meeting);
        registry.command("remind", "<meeting> <minutes>m|off", "DM me before each meeting, e.g. /remind step-study 15m",
                Access.EVERYONE, this::remind);
        registry.due(new ReminderHandler());
        registry.due(new RefreshHandler());
        registry.due(new AnnouncementHandler());
        registry.button(RSVP_BUTTON, this::rsvpPressed);
        registry.button(DRAFT_BUTTON, this::draftButton);
        registry.listener(this::onPrivateMessage);
    }

    // ---- /meetings ----

    private void meetings(Turn turn, String args) {
        String[] parts = args.strip().split("\\s+", 2);
        String sub = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        switch (sub) {
            case "" -> list(turn, false);
            case "today" -> list(turn, true);
            case "ics" -> ics(turn, rest);
            case "import" -> moderated(turn, "import", () -> importFeed(turn, rest));
            case "add" -> moderated(turn, "add", () -> add(turn, rest));
            case "remove" -> moderated(turn, "remove", () -> remove(turn, rest));
            case "zone" -> moderated(turn, "zone", () -> zone(turn, rest));
            case "announce" -> moderated(turn, "announce", () -> announce(turn, rest));
            case "names" -> names(turn, rest);
            default -> throw new UsageException("I don't know \"/meetings " + clip(sub) + "\". Try /meetings, "
                    + "/meetings today, /meetings ics or /meetings names on.");
        }
    }

    /** A member's consent to be named to others going to the same meeting in this community (default: counts only). */
    private void names(Turn turn, String choice) {
        CommunityId community = community(turn);
        String answer = choice.strip().toLowerCase(Locale.ROOT);
        if (!answer.equals("on") && !answer.equals("off")) {
            throw new UsageException("Say /meetings names on to let others going to a meeting here see your name, "
                    + "or /meetings names off (the default: only the count is shown).");
        }
        boolean on = answer.equals("on");
        String name = turn.actor().displayName();
        store.setShownName(community, turn.actor().id(), on ? (name == null || name.isBlank() ? "a member" : name)
                : null);
        turn.replyPrivately(on ? "Others going to the same meeting here will see your name next to the count. "
                + "/meetings names off takes it back." : "Only the count is shown; your name is not.");
    }

    /** "Going: 3 (Ana, Ben and 1 other)": names only of those who agreed, the rest counted. */
    private String goingLine(CommunityId community, String slug, Instant occurrence) {
        Set<ChatUserId> going = store.goingMembers(community, slug, occurrence);
        Map<ChatUserId, String> named = going.isEmpty() ? Map.of() : store.shownNames(community, going);
        StringBuilder line = new StringBuilder("Going: ").append(going.size());
        if (!named.isEmpty()) {
            int others = going.size() - named.size();
            line.append(" (").append(String.join(", ", named.values().stream().map(MeetingsFeature::clip).toList()));
            if (others > 0) {
                line.append(" and ").append(others).append(others == 1 ? " other" : " others");
            }
            line.append(')');
        }
        return line.toString();
    }

    private void moderated(Turn turn, String what, Runnable action) {
        if (!turn.actor().moderator()) {
            turn.reply("/meetings " + what + " is for moderators of this group.");
            return;
        }
        action.run();
    }

    private void list(Turn turn, boolean today) {
        CommunityId community = community(turn);
        ZoneId viewer = turn.zone();
        Instant from;
        Instant to;
        if (today) {
            LocalDate date = LocalDate.ofInstant(turn.now(), viewer);
            from = date.atStartOfDay(viewer).toInstant();
            to = date.plusDays(1).atStartOfDay(viewer).toInstant();
        } else {
            from = turn.now();
            to = from.plus(Duration.ofDays(7));
        }
        List<Meeting> all = store.meetings(community);
        if (all.isEmpty()) {
            turn.reply("No meetings are scheduled here yet. Moderators can add them with /meetings add or "
                    + "/meetings import.");
            return;
        }
        List<Occurrence> upcoming = new ArrayList<>();
        for (Meeting m : all) {
            // For today: include a meeting that is still running.
            m.occurrences(today ? from.minus(m.duration()) : from, to).stream()
                    .filter(o -> o.end().isAfter(turn.now()))
                    .forEach(upcoming::add);
        }
        upcoming.sort(Comparator.comparing(Occurrence::instant).thenComparing(o -> o.meeting().name()));
        String title = today ? "Meetings today" : "Meetings in the next 7 days";
        if (upcoming.isEmpty()) {
            turn.reply(title + ": none. /meetings shows the whole week.");
            return;
        }
        StringBuilder sb = new StringBuilder(title + " (times in " + viewer.getId() + "):");
        LocalDate shown = null;
        int count = 0;
        for (Occurrence o : upcoming) {
            if (count == MAX_LISTED) {
                sb.append("\n...and ").append(upcoming.size() - MAX_LISTED)
                        .append(" more. /meetings today or /meeting <name> show less at once.");
                break;
            }
            ZonedDateTime local = o.start().withZoneSameInstant(viewer);
            if (!local.toLocalDate().equals(shown)) {
                shown = local.toLocalDate();
                sb.append('\n').append(local.format(DAY));
            }
            sb.append("\n  ").append(local.format(HM)).append(' ').append(o.meeting().name());
            if (o.instant().isBefore(turn.now())) {
                sb.append(" (now)");
            }
            sb.append(" [").append(o.meeting().slug()).append(']');
            o.meeting().link().ifPresent(l -> sb.append(' ').append(l));
            count++;
        }
        turn.reply(sb.toString());
    }

    // ---- /meeting <name> ----

    private void meeting(Turn turn, String args) {
        if (args.isBlank()) {
            throw new UsageException("Which meeting? Send /meetings to see their names.");
        }
        CommunityId community = community(turn);
        Meeting m = find(community, args);
        ZoneId viewer = turn.zone();
        Occurrence next = m.nextAfter(turn.now());
        ZonedDateTime local = next.start().withZoneSameInstant(viewer);
        StringBuilder sb = new StringBuilder(summary(m, "\nNext: " + local.format(DAY) + ' ' + local.format(HM)
                + " your time (" + viewer.getId() + ')'));
        sb.append("\n").append(goingLine(community, m.slug(), next.instant()));
        sb.append("\nReminders: /remind ").append(m.slug()).append(" 15m");
        sb.append("\nCalendar file: /meetings ics ").append(m.slug());
        // Anyone who sees the listing may answer; names of those going are shown only if they agreed.
        turn.reply(sb.toString(), List.of(new ButtonRow(List.of(rsvpButton(community, m, next.instant(), null)))));
    }

    // ---- moderator commands ----

    private void importFeed(Turn turn, String arg) {
        CommunityId community = community(turn);
        if (arg.isEmpty() && !turn.attachments().isEmpty()) {
            importFile(turn, community);
            return;
        }
        if (arg.isEmpty()) {
            throw new UsageException("Give a feed URL (https://...), paste the feed's JSON after /meetings import, or "
                    + "send the feed's .json file with /meetings import as its caption (or reply /meetings import to "
                    + "it).");
        }
        if (arg.matches("(?i)https?://\\S{1,2000}")) {
            importUrl(turn, community, arg);
            return;
        }
        if (!arg.startsWith("[") && !arg.startsWith("{")) {
            throw new UsageException("That is neither a feed URL (https://...) nor JSON.");
        }
        try {
            turn.reply(apply(community, arg).text());
        } catch (FeedException e) {
            turn.reply(e.getMessage() + " Nothing was changed.");
        }
    }

    /**
     * Imports a feed by URL. The fetch runs on the feed source's own threads within its deadline; when it has not
     * finished at once, the moderator hears that it is under way and the result follows in the same chat, so a slow
     * feed server never holds this conversation's engine thread.
     */
    private void importUrl(Turn turn, CommunityId community, String url) {
        CompletableFuture<String> fetch = source.fetchAsync(url);
        ConversationId chat = turn.conversation().id();
        if (fetch.isDone()) {
            turn.reply(importFetched(community, chat, url, fetch, turn.now()));
            return;
        }
        turn.reply("Fetching the feed; I'll post the result here when it's done.");
        org.fellowship.core.model.MessageRef command = turn.triggeringMessage();
        ChatUserId moderator = turn.actor().id();
        boolean direct = turn.conversation().isDirect();
        fetch.whenComplete((json, error) -> {
            String text;
            try {
                text = importFetched(community, chat, url, fetch, context.clock().instant());
            } catch (RuntimeException e) {
                LOG.error("meeting feed import for community={} failed after the fetch", community, e);
                text = "Something went wrong while importing that feed; please try again in a moment.";
            }
            try {
                context.outbox().send(new OutboundMessage(chat, text, org.fellowship.core.outbound.TextStyle.PLAIN,
                        List.of(), command, Delivery.PUBLIC, moderator, Priority.NORMAL), direct);
            } catch (RuntimeException e) {
                LOG.warn("meeting feed import result for community={} could not be sent: {}", community,
                        e.getClass().getSimpleName());
            }
        });
    }

    /** The answer to a finished fetch: the import summary, or the one line saying why nothing changed. */
    private String importFetched(CommunityId community, ConversationId chat, String url,
                                 CompletableFuture<String> fetch, Instant now) {
        String json;
        try {
            json = fetch.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return e.getCause() instanceof FeedException feed ? feed.getMessage()
                    : "I couldn't fetch that feed just now; please try again later.";
        }
        try {
            ImportSummary summary = apply(community, json);
            store.setFeedUrl(community, url);
            scheduleRefresh(community, chat, now);
            return summary.text();
        } catch (FeedException e) {
            return e.getMessage() + " Nothing was changed.";
        }
    }

    /**
     * Imports the feed file sent with (or replied to by) the command. Like pasted JSON, a file is imported once:
     * only a URL is remembered and refreshed daily.
     */
    private void importFile(Turn turn, CommunityId community) {
        List<Attachment> files = turn.attachments();
        Attachment file = files.stream().filter(Attachment::looksLikeJson).findFirst().orElse(files.get(0));
        if (file.knownLargerThan(MAX_UPLOAD_BYTES)) {
            turn.reply(tooLarge());
            return;
        }
        byte[] bytes;
        try {
            bytes = context.gateways().chat(turn.conversation().platform()).download(file, MAX_UPLOAD_BYTES);
        } catch (GatewayException e) {
            LOG.warn("meeting feed file of community={} could not be fetched: {}", community, e.reason());
            turn.reply(switch (e.reason()) {
                case TOO_LARGE -> tooLarge();
                case UNSUPPORTED -> "I can't read files here; give the feed's URL or paste its JSON instead.";
                case NOT_FOUND -> "That file is no longer available; please send it again. Nothing was changed.";
                default -> "I couldn't fetch that file just now; please try again in a moment. Nothing was changed.";
            });
            return;
        }
        if (bytes.length > MAX_UPLOAD_BYTES) {
            turn.reply(tooLarge());
            return;
        }
        String json;
        try {
            json = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            turn.reply("That file is not UTF-8 text, so it is not a Meeting Guide JSON feed. Nothing was changed.");
            return;
        }
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        LOG.info("meeting feed file for community={} fetched ({} bytes)", community, bytes.length);
        try {
            turn.reply(apply(community, json.strip()).text());
        } catch (FeedException e) {
            turn.reply(e.getMessage() + " Nothing was changed.");
        }
    }

    private static String tooLarge() {
        return "That file is larger than " + MAX_UPLOAD_BYTES / 1_000_000 + " MB, the most I import. Nothing was "
                + "changed.";
    }

    // ---- /meetings ics [name] ----

    /** Sends the community's meetings (or one meeting) as an iCalendar file, answering where the listing does. */
    private void ics(Turn turn, String name) {
        CommunityId community = community(turn);
        List<Meeting> meetings;
        String fileName;
        String slug = null;
        if (name.isBlank()) {
            meetings = store.meetings(community);
            if (meetings.isEmpty()) {
                turn.reply("No meetings are scheduled here yet, so there is no calendar to send.");
                return;
            }
            fileName = "meetings.ics";
        } else {
            Meeting m = find(community, name);
            meetings = List.of(m);
            slug = m.slug();
            fileName = m.slug() + ".ics";
        }
        if (calendar == CalendarExport.NONE) {
            turn.reply("Calendar files are not available here.");
            return;
        }
        String ics;
        try {
            ics = calendar.render(community, meetings, turn.now());
        } catch (IllegalArgumentException e) {
            LOG.warn("calendar of community={} could not be rendered: {}", community, e.getMessage());
            turn.reply("I couldn't make a calendar file of these meetings. The /meetings listing still has them.");
            return;
        }
        Optional<String> link = calendar.link(community, slug);
        String caption = (meetings.size() == 1
                ? "Calendar file for " + meetings.get(0).name() + ": open it to add the meeting to your calendar."
                : "Calendar file with all " + meetings.size() + " meetings here: open it to add them to your calendar.")
                + link.map(url -> "\nTo keep it up to date, subscribe in your calendar app instead (please keep this "
                        + "link within the group): " + url).orElse("");
        OutboundFile file = new OutboundFile(fileName, "text/calendar",
                ics.getBytes(java.nio.charset.StandardCharsets.UTF_8), link.orElse(null));
        turn.send(new OutboundMessage(turn.conversation().id(), caption, org.fellowship.core.outbound.TextStyle.PLAIN,
                List.of(), turn.triggeringMessage(), Delivery.PUBLIC, turn.actor().id(), Priority.NORMAL, file));
    }

    /** What one import changed. */
    record ImportSummary(int added, int updated, int unchanged, int removed, ParsedFeed feed) {
        boolean changedAnything() {
            return added + updated + removed > 0;
        }

        String text() {
            return "Imported " + added + ", skipped " + feed.skippedSummary() + ", updated " + updated
                    + (removed > 0 ? ", removed " + removed : "") + (unchanged > 0 ? ", unchanged " + unchanged : "")
                    + ".";
        }
    }

    /**
     * Parses a feed and applies it: new meetings are added, changed ones replaced, and meetings the previous import
     * brought in that the feed no longer lists are removed (meetings added by hand are never removed).
     *
     * @throws FeedException when the feed is unusable; then nothing changed
     */
    private ImportSummary apply(CommunityId community, String json) {
        // Imports finish on the feed source's threads too: one community's imports apply one at a time here.
        synchronized (APPLY_LOCKS[Math.floorMod(community.hashCode(), APPLY_LOCKS.length)]) {
            return applyLocked(community, json);
        }
    }

    private ImportSummary applyLocked(CommunityId community, String json) {
        ParsedFeed feed = parser.parse(json, communityZone(community));
        Map<String, Meeting> existing = new HashMap<>();
        store.meetings(community).forEach(m -> existing.put(m.slug(), m));
        List<Meeting> changed = new ArrayList<>();
        int added = 0;
        int updated = 0;
        java.util.Set<String> slugs = new java.util.TreeSet<>();
        for (Meeting m : feed.meetings()) {
            slugs.add(m.slug());
            Meeting old = existing.get(m.slug());
            if (old == null) {
                added++;
                changed.add(m);
            } else if (!old.equals(m)) {
                updated++;
                changed.add(m);
            }
        }
        store.saveAll(community, changed);
        int removed = 0;
        for (String gone : store.feedSlugs(community)) {
            if (!slugs.contains(gone) && store.remove(community, gone)) {
                removed++;
            }
        }
        store.setFeedSlugs(community, slugs);
        LOG.info("meeting import community={} added={} updated={} removed={} skipped={}", community, added, updated,
                removed, feed.skippedTotal());
        return new ImportSummary(added, updated, feed.meetings().size() - added - updated, removed, feed);
    }

    private void scheduleRefresh(CommunityId community, ConversationId group, Instant now) {
        Instant due = now.plus(Duration.ofDays(1));
        String id = "mfeed:" + community + ":" + LocalDate.ofInstant(due, java.time.ZoneOffset.UTC);
        context.dueQueue().schedule(new DueItem(id, REFRESH_KIND, due,
                community.platform().code() + "\t" + community.value() + "\t" + group.value()));
    }

    /** Re-imports the remembered feed URL once a day and tells the group when something changed. */
    private final class RefreshHandler implements DueHandler {
        @Override
        public String kind() {
            return REFRESH_KIND;
        }

        @Override
        public DueLane lane() {
            return DueLane.FETCH;
        }

        @Override
        public void run(DueItem item) {
            String[] p = item.payload().split("\t", -1);
            Platform platform = p.length == 3 ? platform(p[0]) : null;
            if (platform == null) {
                LOG.warn("meeting feed refresh {} has an unreadable payload; dropped", item.id());
                return;
            }
            CommunityId community = new CommunityId(platform, p[1]);
            ConversationId group = new ConversationId(platform, p[2]);
            Optional<String> url = store.feedUrl(community);
            if (url.isEmpty()) {
                return;
            }
            // Booked before the fetch starts: the fetch ends on the feed source's own threads, after this item is done,
            // so the scheduler is never held by a slow feed server and a crash meanwhile still leaves tomorrow's.
            scheduleRefresh(community, group, context.clock().instant());
            source.fetchAsync(url.get()).whenComplete((json, error) -> refreshed(community, group, json, error));
        }

        private void refreshed(CommunityId community, ConversationId group, String json, Throwable error) {
            if (error != null) {
                LOG.warn("meeting feed refresh for community={} failed; keeping the meetings as they are", community);
                return;
            }
            try {
                ImportSummary summary = apply(community, json);
                if (summary.changedAnything()) {
                    context.outbox().send(OutboundMessage.text(group, "Meeting feed refreshed: "
                            + summary.text().substring(0, 1).toLowerCase(Locale.ROOT) + summary.text().substring(1)),
                            false);
                }
            } catch (FeedException e) {
                LOG.warn("meeting feed refresh for community={} failed; keeping the meetings as they are", community);
            } catch (RuntimeException e) {
                LOG.error("meeting feed refresh for community={} could not be applied; next try tomorrow", community, e);
            }
        }
    }

    /** {@code /meetings add Name | mon,thu | 19:30 [Area/City] | 90 | https://link or place | O,D}. */
    private void add(Turn turn, String arg) {
        CommunityId community = community(turn);
        if (arg.isBlank()) {
            startGuidedAdd(turn, community);
            return;
        }
        String[] f = arg.split("\\|", -1);
        if (f.length < 3 || f.length > 6) {
            throw new UsageException("Write it as: /meetings add Name | mon,thu | 19:30 [Area/City] | 90 | "
                    + "https://link or place | O,D (the last three are optional), or send /meetings add alone and "
                    + "I'll ask step by step.");
        }
        save(turn, community, parseMeeting(community, java.util.Arrays.copyOf(f, 7)));
    }

    /** Reads the seven fields (name, days, start [zone], minutes, link or place, types, notes); blank = default. */
    private Meeting parseMeeting(CommunityId community, String[] f) {
        String name = parseName(f[0]);
        Set<DayOfWeek> days = parseDays(f[1]);
        String[] timeAndZone = f[2].strip().split("\\s+", 2);
        LocalTime start = parseStart(timeAndZone[0]);
        ZoneId zone = timeAndZone.length > 1 ? resolveZone(timeAndZone[1]) : communityZone(community);
        Duration duration = parseLength(f[3]);
        String url = null;
        String location = null;
        if (f[4] != null && !f[4].isBlank()) {
            String where = f[4].strip();
            if (where.length() > Meeting.MAX_URL) {
                throw new UsageException("The link or place is too long (at most " + Meeting.MAX_URL + " characters).");
            }
            if (where.matches("(?i)https?://\\S+")) {
                url = where;
            } else {
                location = where;
            }
        }
        List<String> types = parseTypes(f[5]);
        String notes = f[6] == null || f[6].isBlank() ? null : f[6].strip();
        if (notes != null && notes.length() > Meeting.MAX_NOTES) {
            throw new UsageException("Notes are at most " + Meeting.MAX_NOTES + " characters.");
        }
        return new Meeting(Slugs.of(name), name, days, start, duration, zone, url, location, types, notes);
    }

    private static String parseName(String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty() || name.length() > Meeting.MAX_NAME) {
            throw new UsageException("The meeting needs a name of 1-" + Meeting.MAX_NAME + " characters.");
        }
        return name;
    }

    private static LocalTime parseStart(String text) {
        Matcher clock = CLOCK.matcher(text);
        LocalTime start = clock.matches() ? FeedParser.time(text) : null;
        if (start == null) {
            throw new UsageException("\"" + clip(text) + "\" is not a time; write 24-hour HH:MM such as 19:30.");
        }
        return start;
    }

    private static Duration parseLength(String text) {
        if (text == null || text.isBlank()) {
            return Duration.ofMinutes(60);
        }
        String minutes = text.strip();
        if (!minutes.matches("\\d{1,4}") || Integer.parseInt(minutes) < 1 || Integer.parseInt(minutes) > 24 * 60) {
            throw new UsageException("The length is minutes from 1 to 1440, such as 90.");
        }
        return Duration.ofMinutes(Integer.parseInt(minutes));
    }

    private static List<String> parseTypes(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> types = java.util.Arrays.stream(text.split("[,\\s]+")).map(t -> t.strip().toUpperCase(Locale.ROOT))
                .filter(t -> !t.isEmpty()).distinct().toList();
        if (types.size() > 30 || types.stream().anyMatch(t -> !t.matches("[A-Z0-9-]{1,12}"))) {
            throw new UsageException("Types are short codes separated by commas, such as O,D,ONL.");
        }
        return types;
    }

    private void save(Turn turn, CommunityId community, Meeting meeting) {
        boolean existed = store.meeting(community, meeting.slug()).isPresent();
        store.saveAll(community, List.of(meeting));
        turn.reply((existed ? "Updated " : "Added ") + meeting.name() + " [" + meeting.slug() + "]: "
                + days(meeting.days()) + " " + meeting.start().format(HM) + " " + meeting.zone().getId() + ", "
                + meeting.duration().toMinutes() + " min.");
    }

    // ---- guided /meetings add: one question at a time, in private ----

    /** The questions of the guided add, in the order of {@link #parseMeeting}'s fields. */
    private static final List<String> QUESTIONS = List.of(
            "What is the meeting called?",
            "Which days? For example mon,thu or mon-fri or daily.",
            "What time does it start (24-hour HH:MM)? Add a zone if it is not %s, for example 19:30 Europe/Berlin.",
            "How long is it, in minutes? (skip = 60)",
            "The online link or the place? (skip if none)",
            "Meeting Guide type codes, such as O, C, D, SP, W, ONL? (skip if none)",
            "Any notes, for example the password or which door? (skip if none)");
    static final Duration DRAFT_TTL = Duration.ofMinutes(30);

    private void startGuidedAdd(Turn turn, CommunityId community) {
        store.saveDraft(turn.actor().id(), List.of(community.platform().code(), community.value()), DRAFT_TTL);
        if (!turn.conversation().isDirect()) {
            turn.reply("I'll ask you the details privately.");
        }
        turn.replyPrivately("Adding a meeting for " + (turn.conversation().title() == null ? "your group"
                : turn.conversation().title()) + ". Answer each question here; send cancel to stop.\n"
                + question(community, 0));
    }

    private String question(CommunityId community, int step) {
        String q = QUESTIONS.get(step);
        return "(" + (step + 1) + "/" + QUESTIONS.size() + ") "
                + (q.contains("%s") ? String.format(Locale.ROOT, q, communityZone(community).getId()) : q);
    }

    /** Answers typed in the moderator's private chat while a guided add is open. */
    private void onPrivateMessage(Turn turn) {
        if (!turn.conversation().isDirect() || !(turn.event() instanceof MessageReceived message)) {
            return;
        }
        Optional<List<String>> draft = store.draft(turn.actor().id());
        if (draft.isEmpty()) {
            return;
        }
        List<String> answers = new ArrayList<>(draft.get());
        Platform platform = platform(answers.get(0));
        if (platform == null) {
            store.clearDraft(turn.actor().id());
            return;
        }
        CommunityId community = new CommunityId(platform, answers.get(1));
        String text = message.text().strip().replaceAll("\\p{Cntrl}", " ");
        if (text.equalsIgnoreCase("cancel")) {
            store.clearDraft(turn.actor().id());
            turn.replyPrivately("Cancelled; nothing was added.");
            return;
        }
        int step = answers.size() - 2;
        if (step >= QUESTIONS.size()) {
            turn.replyPrivately("Press Save or Cancel above (or send cancel).");
            return;
        }
        String answer = text.equalsIgnoreCase("skip") && step >= 3 ? "" : text;
        try {
            checkAnswer(community, step, answer);
        } catch (UsageException e) {
            turn.replyPrivately(e.getMessage() + "\n" + question(community, step));
            return;
        }
        answers.add(answer);
        store.saveDraft(turn.actor().id(), answers, DRAFT_TTL);
        if (step + 1 < QUESTIONS.size()) {
            turn.replyPrivately(question(community, step + 1));
            return;
        }
        Meeting meeting = parseMeeting(community, answers.subList(2, answers.size()).toArray(String[]::new));
        turn.replyPrivately("Please check:\n" + summary(meeting, ""), List.of(ButtonRow.of(
                turn.button("Save", DRAFT_BUTTON, Map.of("do", "save")),
                turn.button("Cancel", DRAFT_BUTTON, Map.of("do", "cancel")))));
    }

    private void checkAnswer(CommunityId community, int step, String answer) {
        switch (step) {
            case 0 -> parseName(answer);
            case 1 -> parseDays(answer);
            case 2 -> {
                String[] timeAndZone = answer.split("\\s+", 2);
                parseStart(timeAndZone[0]);
                if (timeAndZone.length > 1) {
                    resolveZone(timeAndZone[1]);
                }
            }
            case 3 -> parseLength(answer);
            case 5 -> parseTypes(answer);
            default -> {
                String[] fields = new String[7];
                java.util.Arrays.fill(fields, "");
                fields[0] = "x";
                fields[1] = "daily";
                fields[2] = "12:00";
                fields[step] = answer;
                parseMeeting(community, fields);
            }
        }
    }

    /** Name, days and times in the meeting's zone, {@code afterTimes}, then link, place, types and notes. */
    private static String summary(Meeting m, String afterTimes) {
        StringBuilder sb = new StringBuilder(m.name()).append('\n').append(days(m.days())).append(' ')
                .append(m.start().format(HM)).append('-').append(m.start().plus(m.duration()).format(HM)).append(' ')
                .append(m.zone().getId()).append(afterTimes);
        m.link().ifPresent(l -> sb.append("\nOnline: ").append(l));
        if (m.location() != null) {
            sb.append("\nWhere: ").append(m.location());
        }
        if (!m.types().isEmpty()) {
            sb.append("\nTypes: ").append(String.join(", ", m.types()));
        }
        if (m.notes() != null) {
            sb.append("\nNotes: ").append(m.notes());
        }
        return sb.toString();
    }

    private void draftButton(Turn turn, ButtonAction action) {
        Optional<List<String>> draft = store.draft(turn.actor().id());
        if (draft.isEmpty() || draft.get().size() < 2 + QUESTIONS.size()) {
            turn.replyPrivately("That meeting draft has expired; send /meetings add in your group to start again.");
            return;
        }
        store.clearDraft(turn.actor().id());
        if (!"save".equals(action.get("do"))) {
            turn.replyPrivately("Cancelled; nothing was added.");
            return;
        }
        List<String> answers = draft.get();
        Platform platform = platform(answers.get(0));
        if (platform == null) {
            turn.replyPrivately("That meeting draft is damaged; please start again with /meetings add.");
            return;
        }
        CommunityId community = new CommunityId(platform, answers.get(1));
        save(turn, community, parseMeeting(community, answers.subList(2, answers.size()).toArray(String[]::new)));
    }

    private void remove(Turn turn, String arg) {
        if (arg.isBlank()) {
            throw new UsageException("Which meeting? /meetings remove <name>");
        }
        CommunityId community = community(turn);
        Meeting m = find(community, arg);
        store.remove(community, m.slug());
        turn.reply("Removed " + m.name() + " [" + m.slug() + "]. Its reminders stop too.");
    }

    private void zone(Turn turn, String arg) {
        CommunityId community = community(turn);
        if (arg.isBlank()) {
            turn.reply("Meetings here default to " + communityZone(community).getId()
                    + ". Change it with /meetings zone Area/City.");
            return;
        }
        ZoneId zone = resolveZone(arg);
        store.setZone(community, zone);
        turn.reply("Meetings here now default to " + zone.getId() + ".");
    }

    // ---- /remind ----

    private void remind(Turn turn, String args) {
        CommunityId community = community(turn);
        String trimmed = args.strip();
        int space = trimmed.lastIndexOf(' ');
        if (space < 0) {
            throw new UsageException("Say which meeting and how long before, e.g. /remind step-study 15m.");
        }
        String name = trimmed.substring(0, space).strip();
        String when = trimmed.substring(space + 1).strip();
        Meeting m = find(community, name);
        ChatUserId member = turn.actor().id();
        if (when.equalsIgnoreCase("off")) {
            boolean had = store.unsubscribe(member, community, m.slug());
            turn.replyPrivately(had ? "Reminders for " + m.name() + " are off."
                    : "You had no reminders for " + m.name() + ".");
            return;
        }
        Duration before = lead(when);
        ConversationId group = turn.conversation().id();
        ReminderSubscription sub = new ReminderSubscription(member, community, m.slug(), before, group);
        store.subscribe(sub);
        Occurrence next = m.nextAfter(turn.now().plus(before));
        scheduleReminder(sub, next);
        ZonedDateTime remindAt = next.start().minus(before).withZoneSameInstant(turn.zone());
        turn.replyPrivately("I'll DM you " + human(before) + " before each " + m.name() + ". First reminder: "
                + remindAt.format(DAY) + " " + remindAt.format(HM) + " your time (" + turn.zone().getId()
                + "). Stop with /remind " + m.slug() + " off");
    }

    private static Duration lead(String when) {
        Matcher lead = LEAD.matcher(when);
        if (!lead.matches()) {
            throw new UsageException("\"" + clip(when) + "\" is not a lead time; write minutes such as 15m, or 2h.");
        }
        long amount = Long.parseLong(lead.group(1));
        Duration before = lead.group(2) != null && lead.group(2).toLowerCase(Locale.ROOT).startsWith("h")
                ? Duration.ofHours(amount) : Duration.ofMinutes(amount);
        if (before.compareTo(Duration.ofMinutes(1)) < 0 || before.compareTo(ReminderSubscription.MAX_BEFORE) > 0) {
            throw new UsageException("Reminders can come 1 minute to 24 hours before the meeting.");
        }
        return before;
    }

    // ---- group announcements ----

    /** {@code /meetings announce <meeting> 10m|off}: a post in this group before each occurrence. */
    private void announce(Turn turn, String args) {
        CommunityId community = community(turn);
        String trimmed = args.strip();
        int space = trimmed.lastIndexOf(' ');
        if (space < 0) {
            throw new UsageException("Say which meeting and how long before, e.g. /meetings announce step-study 10m.");
        }
        Meeting m = find(community, trimmed.substring(0, space).strip());
        String when = trimmed.substring(space + 1).strip();
        if (when.equalsIgnoreCase("off")) {
            store.setAnnouncement(community, m.slug(), null);
            turn.reply("I'll no longer post reminders for " + m.name() + " here.");
            return;
        }
        Duration before = lead(when);
        GroupAnnouncement announcement = new GroupAnnouncement(before, turn.conversation().id());
        store.setAnnouncement(community, m.slug(), announcement);
        Occurrence next = m.nextAfter(turn.now().plus(before));
        scheduleAnnouncement(community, m.slug(), before, next);
        turn.reply("I'll post a reminder here " + human(before) + " before each " + m.name() + ".");
    }

    private void scheduleAnnouncement(CommunityId community, String slug, Duration before, Occurrence occurrence) {
        String id = "mann:" + community + ":" + slug + ":" + occurrence.instant().toEpochMilli();
        Instant due = occurrence.instant().minus(before);
        String payload = String.join("\t", community.platform().code(), community.value(), slug,
                Long.toString(occurrence.instant().toEpochMilli()));
        if (!context.dueQueue().schedule(new DueItem(id, ANNOUNCE_KIND, due, payload))) {
            context.dueQueue().reschedule(id, due);
        }
    }

    private final class AnnouncementHandler implements DueHandler {
        @Override
        public String kind() {
            return ANNOUNCE_KIND;
        }

        @Override
        public void run(DueItem item) {
            String[] p = item.payload().split("\t", -1);
            Platform platform = p.length == 4 ? platform(p[0]) : null;
            if (platform == null || !p[3].matches("\\d{1,15}")) {
                LOG.warn("meeting announcement {} has an unreadable payload; dropped", item.id());
                return;
            }
            CommunityId community = current(new CommunityId(platform, p[1]));
            Instant occurrence = Instant.ofEpochMilli(Long.parseLong(p[3]));
            Optional<GroupAnnouncement> announcement = store.announcement(community, p[2]);
            Optional<Meeting> meeting = store.meeting(community, p[2]);
            if (announcement.isEmpty() || meeting.isEmpty()) {
                return;
            }
            Meeting m = meeting.get();
            Duration before = announcement.get().before();
            if (!m.occurrences(occurrence, occurrence.plusMillis(1)).isEmpty()
                    && item.dueAt().equals(occurrence.minus(before)) && context.firstDelivery(item.id())) {
                ZonedDateTime local = occurrence.atZone(m.zone());
                String text = "Starting in " + human(before) + ": " + m.name() + " (" + local.format(HM) + " "
                        + m.zone().getId() + ")." + m.link().map(l -> " Join: " + l)
                        .orElse(m.location() != null ? " Where: " + m.location() : "");
                context.outbox().send(new OutboundMessage(announcement.get().group(), text,
                        org.fellowship.core.outbound.TextStyle.PLAIN,
                        List.of(new ButtonRow(List.of(rsvpButton(community, m, occurrence, null)))), null,
                        Delivery.PUBLIC, null, Priority.NORMAL), false);
            }
            scheduleAnnouncement(community, m.slug(), before, m.nextAfter(Instant.ofEpochMilli(Math.max(
                    occurrence.toEpochMilli(), context.clock().millis())).plus(before)));
        }
    }

    private void scheduleReminder(ReminderSubscription sub, Occurrence occurrence) {
        String id = reminderId(sub.member(), sub.community(), sub.slug(), occurrence.instant());
        Instant due = occurrence.instant().minus(sub.before());
        String payload = String.join("\t", sub.member().platform().code(), sub.member().value(),
                sub.community().value(), sub.slug(), Long.toString(occurrence.instant().toEpochMilli()));
        if (!context.dueQueue().schedule(new DueItem(id, REMINDER_KIND, due, payload).about(sub.member()))) {
            // Pending already (a new lead time for the same occurrence): move it; done ones stay done.
            context.dueQueue().reschedule(id, due);
        }
    }

    /** The idempotency key: one reminder per member, meeting and occurrence. */
    static String reminderId(ChatUserId member, CommunityId community, String slug, Instant occurrence) {
        return "mrem:" + member + ":" + community.value() + ":" + slug + ":" + occurrence.toEpochMilli();
    }

    private final class ReminderHandler implements DueHandler {
        @Override
        public String kind() {
            return REMINDER_KIND;
        }

        @Override
        public void run(DueItem item) {
            String[] p = item.payload().split("\t", -1);
            if (p.length != 5) {
                LOG.warn("meeting reminder {} has an unreadable payload; dropped", item.id());
                return;
            }
            Platform platform = platform(p[0]);
            if (platform == null) {
                LOG.warn("meeting reminder {} names an unknown platform; dropped", item.id());
                return;
            }
            ChatUserId member = new ChatUserId(platform, p[1]);
            CommunityId community = current(new CommunityId(platform, p[2]));
            String slug = p[3];
            Instant occurrence = Instant.ofEpochMilli(Long.parseLong(p[4]));
            Optional<ReminderSubscription> sub = store.subscription(member, community, slug);
            Optional<Meeting> meeting = store.meeting(community, slug);
            if (sub.isEmpty() || meeting.isEmpty()) {
                return; // unsubscribed or meeting removed: the chain ends here
            }
            Meeting m = meeting.get();
            boolean stillScheduled = !m.occurrences(occurrence, occurrence.plusMillis(1)).isEmpty();
            boolean currentLead = item.dueAt().equals(occurrence.minus(sub.get().before()));
            // recorded before it is sent: a second run (a crash, a lost lease) never sends it again
            if (stillScheduled && currentLead && context.firstDelivery(item.id())) {
                ZoneId zone = context.profiles().find(member).map(pr -> pr.zoneOr(context.settings().defaultZone()))
                        .orElse(context.settings().defaultZone());
                ZonedDateTime local = occurrence.atZone(zone);
                String text = "Reminder: " + m.name() + " starts in " + human(sub.get().before()) + " ("
                        + local.format(HM) + " your time, " + local.format(DAY) + ")."
                        + m.link().map(l -> " Join: " + l).orElse(m.location() != null ? " Where: " + m.location() : "");
                List<ButtonRow> rsvp = List.of(new ButtonRow(List.of(rsvpButton(community, m, occurrence, member))));
                context.outbox().send(new OutboundMessage(sub.get().group(), text,
                        org.fellowship.core.outbound.TextStyle.PLAIN, rsvp, null, Delivery.PRIVATE, member,
                        Priority.NORMAL), false);
            }
            scheduleReminder(sub.get(), m.nextAfter(Instant.ofEpochMilli(Math.max(occurrence.toEpochMilli(),
                    context.clock().millis())).plus(sub.get().before())));
        }
    }

    /**
     * The community's id now: reminders, announcements and buttons made before a group became a supergroup carry the
     * old id, and find the community (and its members' subscriptions, moved with it) under the new one.
     */
    private CommunityId current(CommunityId community) {
        return store.movedTo(community).orElse(community);
    }

    // ---- RSVP ----

    private Button rsvpButton(CommunityId community, Meeting m, Instant occurrence, ChatUserId onlyFor) {
        int going = store.going(community, m.slug(), occurrence);
        ButtonAction action = new ButtonAction(RSVP_BUTTON, Map.of("p", community.platform().code(),
                "c", community.value(), "s", m.slug(), "o", Long.toString(occurrence.toEpochMilli())), onlyFor);
        return new Button("I'm going (" + going + ")", context.buttons().issue(action, context.settings().buttonTtl()));
    }

    private void rsvpPressed(Turn turn, ButtonAction action) {
        Platform platform = platform(action.get("p"));
        String slug = action.get("s");
        String epoch = action.get("o");
        if (platform == null || slug == null || epoch == null || !epoch.matches("\\d{1,15}")
                || action.get("c") == null) {
            turn.replyPrivately("That button no longer works.");
            return;
        }
        CommunityId community = current(new CommunityId(platform, action.get("c")));
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

    // ---- helpers ----

    private static Platform platform(String code) {
        for (Platform p : Platform.values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        return null;
    }

    private static CommunityId community(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Meetings belong to a group: send this in your group's chat (I answer "
                    + "reminders privately).");
        }
        return community;
    }

    private ZoneId communityZone(CommunityId community) {
        return store.zone(community).orElse(context.settings().defaultZone());
    }

    private ZoneId resolveZone(String typed) {
        if (typed.length() > 64) {
            throw new UsageException("That is too long for a time zone name.");
        }
        TimeZones.Match match = zones.resolve(typed.strip());
        return match.zone().orElseThrow(() -> new UsageException("I don't know the time zone \"" + clip(typed)
                + "\"." + (match.suggestions().isEmpty() ? " Time zones look like Europe/Berlin."
                : " Did you mean " + String.join(", ", match.suggestions()) + "?")));
    }

    private Meeting find(CommunityId community, String typed) {
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
            throw new UsageException("I don't know a meeting called \"" + clip(typed) + "\". Send /meetings to see "
                    + "them.");
        }
        throw new UsageException("Which one? " + partial.stream().limit(5).map(m -> m.name() + " [" + m.slug() + "]")
                .collect(Collectors.joining(", ")) + (partial.size() > 5 ? ", ..." : "") + ".");
    }

    private static Set<DayOfWeek> parseDays(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("daily") || t.equals("every day")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : t.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            String[] range = part.split("-", 2);
            DayOfWeek a = day(range[0]);
            DayOfWeek b = range.length > 1 ? day(range[1]) : a;
            for (DayOfWeek d = a; ; d = d.plus(1)) {
                days.add(d);
                if (d == b) {
                    break;
                }
            }
        }
        if (days.isEmpty()) {
            throw new UsageException("Give the weekdays, such as mon,thu or mon-fri or daily.");
        }
        return days;
    }

    private static DayOfWeek day(String s) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT);
            if (s.length() >= 2 && full.startsWith(s)) {
                return d;
            }
        }
        throw new UsageException("\"" + clip(s) + "\" is not a weekday; use mon, tue, wed, thu, fri, sat, sun.");
    }

    static String days(Set<DayOfWeek> days) {
        if (days.size() == 7) {
            return "Daily";
        }
        return days.stream().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }

    private static String human(Duration d) {
        long minutes = d.toMinutes();
        if (minutes % 60 == 0) {
            return minutes / 60 + (minutes == 60 ? " hour" : " hours");
        }
        return minutes + " min";
    }

    private static String clip(String typed) {
        String oneLine = typed.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }

}
