package org.fellowship.core.mentor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.command.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.mentor.MentorStore.AlertState;
import org.fellowship.core.mentor.MentorStore.MentorAlert;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.MemberProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mentor escalation chain. Mentors (members the platform reports as mentors) go on call with
 * {@code /mentor on} and set their own quiet hours, capacity and languages; moderators set tiers with
 * {@code /mentor_tier USER_ID TIER} and name a moderators' channel with {@code /mentor_channel}. A member's request
 * pages one available tier-1 mentor (on call, outside their quiet hours in their own time zone, holding fewer alerts
 * than their capacity; speakers of the member's language first; round-robin within the tier) in a DM with
 * Acknowledge / Take / Resolve buttons and the minimum context (a category and, when a flagged message led to the
 * request, a short excerpt of it and a link; never the member's history; the member's name only to the mentor who
 * takes it, so they can reach out; the moderators' channel gets the link, not the excerpt). Nobody acknowledging within the tier
 * delay (default 5 minutes) pages the next tier; after the last tier the moderators' channel is told and the chain
 * starts again at tier 1 rather than go silent. An acknowledged alert not resolved re-notifies its mentor after the
 * re-notify delay. When a mentor takes it, the member is told someone is on the way. One open alert per member.
 * Timers run on the {@link org.fellowship.core.schedule.DueQueue} with idempotency keys per alert and tier.
 *
 * <p>Roster, alerts, round-robin positions, the alert sequence, the moderators' channel and the audit trail live
 * in a {@link MentorStore} (Redis in production), and timers carry only the alert id, so a restarted engine picks an
 * open chain up where it was. Every alert change is a compare-and-set: of two mentors pressing Take at once one
 * wins, and a timer delivered twice escalates once. Every transition is audited (ids only); resolved alerts expire
 * from the store after a retention time. Logs carry alert ids and tiers only.
 *
 * <p>Thread-safe.
 */
public final class MentorChain implements Feature, MentorPager, org.fellowship.core.alert.MentorNotes {
    static final String ALERT_BUTTON = "crisis.alert";
    static final String ESCALATE = "crisis.escalate";
    static final String RENOTIFY = "crisis.renotify";
    private static final Logger LOG = LoggerFactory.getLogger(MentorChain.class);
    private static final int MAX_TIER = 3;
    private static final int MAX_CAPACITY = 10;
    /** How long a resolved alert's content is kept by default. */
    public static final Duration DEFAULT_RESOLVED_RETENTION = Duration.ofDays(1);

    /** How long the excerpt and link of a member's flagged message wait for them to accept a mentor. */
    static final Duration FLAGGED_CONTEXT_KEPT = Duration.ofHours(1);

    /** A burst of crisis messages from a member with an alert is one notice to its mentor per this time. */
    static final Duration WROTE_AGAIN_COOLDOWN = Duration.ofMinutes(10);

    /** At most this many moderators are told privately about one alert (a large group has many admins). */
    static final int MAX_MODERATORS_TOLD = 10;

    private final MentorStore store;
    private final Map<String, Instant> lastWroteAgain = new java.util.concurrent.ConcurrentHashMap<>();
    private final EscalationPolicy policy;
    private final Duration resolvedRetention;
    private final Set<CommunityId> communities;
    private final boolean everyGroupWhenNoneSet;
    private volatile BotContext context;

    /**
     * @param store             where roster and alerts live (shared by every instance of the bot)
     * @param policy            the chain's timing and bounds
     * @param resolvedRetention how long a resolved alert stays readable before it expires
     */
    public MentorChain(MentorStore store, EscalationPolicy policy, Duration resolvedRetention) {
        this(store, policy, resolvedRetention, Set.of(), true);
    }

    private MentorChain(MentorStore store, EscalationPolicy policy, Duration resolvedRetention,
                        Set<CommunityId> communities, boolean everyGroupWhenNoneSet) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolvedRetention = resolvedRetention;
        this.communities = Set.copyOf(communities);
        this.everyGroupWhenNoneSet = everyGroupWhenNoneSet;
    }

    /**
     * The same chain serving only the fellowship's own groups: those configured here and those the operator claimed
     * with the claim code ({@code /fellowship claim CODE}). Only their mentors may go on call, only their moderators
     * may set tiers, the moderators' channel or read audits, and only their members (and members writing privately)
     * are offered a mentor. Anyone can add a bot to their own group; without this, an admin of such a group could
     * make themselves a mentor or take over the moderators' channel. A group that moved (a Telegram group upgraded to
     * a supergroup) keeps its place. Secure by default: with none configured and none claimed, no group is served.
     */
    public MentorChain onlyFor(Set<CommunityId> fellowship) {
        return new MentorChain(store, policy, resolvedRetention, fellowship, false);
    }

    /** Every group counts as the fellowship's own (local modes and tests, where the operator is the only user). */
    public MentorChain forEveryGroup() {
        return new MentorChain(store, policy, resolvedRetention, Set.of(), true);
    }

    /** The same chain with other timing and bounds. */
    public MentorChain with(EscalationPolicy newPolicy) {
        return new MentorChain(store, newPolicy, resolvedRetention, communities, everyGroupWhenNoneSet);
    }

    /** The chain's timing and bounds. */
    public EscalationPolicy policy() {
        return policy;
    }

    /** The fellowship's groups: configured and claimed. */
    private Set<CommunityId> fellowship() {
        Set<CommunityId> claimed = store.claimedCommunities();
        if (claimed.isEmpty()) {
            return communities;
        }
        Set<CommunityId> all = new LinkedHashSet<>(communities);
        all.addAll(claimed);
        return all;
    }

    /** Whether {@code community} is one of the groups this chain serves ({@code null}: a private chat, served). */
    boolean serves(CommunityId community) {
        if (community == null) {
            return true;
        }
        Set<CommunityId> fellowship = fellowship();
        if (fellowship.isEmpty() && everyGroupWhenNoneSet || fellowship.contains(community)) {
            return true;
        }
        CommunityId origin = community;
        for (int hops = 0; hops < 3; hops++) { // a moved group's earlier id, and that one's, a few times at most
            Optional<CommunityId> from = store.movedFrom(origin);
            if (from.isEmpty()) {
                return false;
            }
            origin = from.get();
            if (fellowship.contains(origin)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean serves(Turn turn) {
        try {
            return serves(turn.conversation().community());
        } catch (RuntimeException e) {
            // the store is down: offer only where every group is served anyway
            return communities.isEmpty() && everyGroupWhenNoneSet;
        }
    }

    /**
     * The claim code the operator uses to make a group the fellowship's own ({@code /fellowship claim CODE}): made once
     * and kept in the store, so every instance and restart shows the same one until it is used.
     */
    public String claimCode() {
        return store.claimCode(freshCode());
    }

    /** A new random claim code (16 characters from an unambiguous alphabet, 80 bits). */
    public static String freshClaimCode() {
        return freshCode();
    }

    private static String freshCode() {
        byte[] bytes = new byte[10];
        new java.security.SecureRandom().nextBytes(bytes);
        // base32 without padding: 16 characters, easy to type, 80 bits
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder code = new StringBuilder();
        long bits = 0;
        int held = 0;
        for (byte b : bytes) {
            bits = bits << 8 | (b & 0xff);
            held += 8;
            while (held >= 5) {
                code.append(alphabet.charAt((int) (bits >> (held - 5)) & 31));
                held -= 5;
            }
        }
        return code.toString();
    }

    /** Refuses mentor settings outside the fellowship's groups, naming the group so an operator can add it. */
    private void requireServed(Turn turn) {
        CommunityId community = turn.conversation().community();
        if (!serves(community)) {
            LOG.warn("mentor settings refused in community {}: not one of the fellowship's groups", community);
            throw new UsageException("Mentor settings belong to the fellowship's own groups, and this group ("
                    + community.platform().code() + ":" + community.value() + ") is not one of them. The bot's "
                    + "operator can claim it: a moderator sends /fellowship claim CODE here, with the claim code from "
                    + "the bot's log (or the operator adds it to FELLOWSHIP_MENTOR_COMMUNITIES).");
        }
    }

    /** {@link EscalationPolicy#defaults()}, resolved alerts kept a day, on {@code store}. */
    public static MentorChain on(MentorStore store) {
        return new MentorChain(store, EscalationPolicy.defaults(), DEFAULT_RESOLVED_RETENTION);
    }

    /** Defaults of {@link #on} with an in-memory store (tests, single process). */
    public static MentorChain withDefaults() {
        return on(MentorStore.inMemory(Clock.systemUTC()));
    }

    @Override
    public void install(FeatureRegistry registry, BotContext botContext) {
        this.context = botContext;
        registry.command("mentor", "on|off | quiet HH:MM-HH:MM|off | capacity 1-" + MAX_CAPACITY + " | language CODES",
                "Mentors: go on call for crisis alerts, set quiet hours, capacity and languages", Access.EVERYONE,
                this::mentorCommand);
        registry.command("mentor_tier", "<user id> <1-3>", "Moderators: set a mentor's escalation tier",
                Access.MODERATOR, this::tierCommand);
        registry.command("mentor_channel", "[off]",
                "Moderators: alerts no mentor acknowledged go to this channel (run it there)", Access.MODERATOR,
                this::channelCommand);
        registry.command("alert_audit", "<alert id>", "Moderators: the audit trail of one crisis alert",
                Access.MODERATOR, this::auditCommand);
        registry.command("fellowship", "[claim CODE | unclaim]",
                "Moderators: the fellowship's own groups; claim this group with the operator's code", Access.MODERATOR,
                this::fellowshipCommand);
        registry.button(ALERT_BUTTON, (turn, action) -> alertButton(turn, action.get("alert"), action.get("do")));
        registry.due(new Timer(ESCALATE));
        registry.due(new Timer(RENOTIFY));
    }

    private void mentorCommand(Turn turn, String args) {
        if (!turn.actor().mentor()) {
            turn.replyPrivately(turn.conversation().isDirect()
                    ? "Mentor status comes from your group, so please send this command there (I'll answer you here)."
                    : "Only members the group has made mentors can go on call: on Discord the mentor role, on Telegram "
                    + "an administrator title with \"mentor\" in it. A moderator can set that up.");
            return;
        }
        String[] words = args.strip().toLowerCase(Locale.ROOT).split("\\s+", 2);
        String what = words[0];
        if (!what.equals("off")) {
            requireServed(turn); // going off call is always allowed
        }
        String rest = words.length > 1 ? words[1].strip() : "";
        ChatUserId id = turn.actor().id();
        Mentor current = store.mentor(id).orElse(new Mentor(id, turn.actor().displayName(), 1, false));
        switch (what) {
            case "" -> turn.replyPrivately(status(current));
            case "on", "off" -> {
                boolean on = what.equals("on");
                store.saveMentor(current.withOnCall(turn.actor().displayName(), on));
                turn.replyPrivately(on ? "You're on call. Alerts come to you here, in private. Thank you."
                        : "You're off call. Thank you for being there.");
            }
            case "quiet" -> {
                QuietHours quiet = null;
                if (!rest.equals("off")) {
                    try {
                        quiet = QuietHours.parse(rest);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage() + " Or /mentor quiet off.");
                    }
                }
                store.saveMentor(current.withQuiet(quiet));
                ZoneId zone = zoneOf(id);
                turn.replyPrivately(quiet == null ? "No quiet hours: you can be paged any time you're on call."
                        : "No pages between " + quiet.from() + " and " + quiet.to() + " (" + zone.getId()
                        + (zone.equals(ZoneOffset.UTC) ? "; set yours with /timezone" : "") + ").");
            }
            case "capacity" -> {
                if (!rest.matches("\\d{1,2}") || Integer.parseInt(rest) < 1 || Integer.parseInt(rest) > MAX_CAPACITY) {
                    throw new UsageException("Give how many open alerts you can hold at once, 1 to " + MAX_CAPACITY
                            + ", for example /mentor capacity 2.");
                }
                store.saveMentor(current.withCapacity(Integer.parseInt(rest)));
                turn.replyPrivately("You'll hold at most " + rest + " open alert" + (rest.equals("1") ? "" : "s")
                        + " at a time.");
            }
            case "language", "languages" -> {
                Set<String> codes = new LinkedHashSet<>();
                for (String code : rest.split("[\\s,]+")) {
                    if (code.isEmpty() || code.equals("any")) {
                        continue;
                    }
                    if (!code.matches("[a-z]{2,3}")) {
                        throw new UsageException("Give language codes such as en de es, or any.");
                    }
                    codes.add(code);
                }
                store.saveMentor(current.withLanguages(codes));
                turn.replyPrivately(codes.isEmpty() ? "You'll be paged whatever language a member speaks."
                        : "Members speaking " + String.join(", ", codes) + " will be paged to you first.");
            }
            default -> throw new UsageException("Say /mentor on, /mentor off, /mentor quiet 22:00-07:00, "
                    + "/mentor capacity 2 or /mentor language en.");
        }
    }

    private static String status(Mentor m) {
        return "You are " + (m.onCall() ? "on call" : "off call") + ", tier " + m.tier() + ", capacity "
                + m.capacity() + ", quiet hours " + (m.quiet() == null ? "none" : m.quiet().toString())
                + ", languages " + (m.languages().isEmpty() ? "any" : String.join(" ", m.languages())) + ".";
    }

    private void tierCommand(Turn turn, String args) {
        requireServed(turn);
        String[] parts = args.strip().split("\\s+");
        if (parts.length != 2 || !parts[1].matches("[1-" + MAX_TIER + "]")) {
            throw new UsageException("Give a member id and a tier from 1 to " + MAX_TIER + ".");
        }
        ChatUserId id = new ChatUserId(turn.actor().id().platform(), parts[0]);
        int tier = Integer.parseInt(parts[1]);
        store.saveMentor(store.mentor(id).orElse(new Mentor(id, parts[0], tier, false)).withTier(tier));
        turn.reply("Tier " + tier + " set for mentor " + parts[0] + ".");
    }

    /** A roster mentor by platform id or name (any case, leading {@code @} ignored), for check-in risk signals. */
    @Override
    public Optional<RosterMentor> findMentor(org.fellowship.core.model.Platform platform, String nameOrId) {
        String wanted = nameOrId.strip().replaceFirst("^@", "");
        for (Mentor m : store.mentors()) {
            if (m.id().platform() == platform && (m.id().value().equals(wanted)
                    || m.name() != null && m.name().replaceFirst("^@", "").equalsIgnoreCase(wanted))) {
                return Optional.of(new RosterMentor(m.id(), m.name() == null ? m.id().value() : m.name()));
            }
        }
        return Optional.empty();
    }

    /** A check-in risk note to one mentor: the same private, urgent DM path the escalation alerts use. */
    @Override
    public void notifyMentor(ChatUserId mentor, String text) {
        dm(mentor, text, List.of());
    }

    private void channelCommand(Turn turn, String args) {
        requireServed(turn);
        if (args.strip().equalsIgnoreCase("off")) {
            store.setModeratorsChannel(turn.conversation().platform(), null);
            turn.reply("Alerts no mentor acknowledged will no longer be posted to a moderators' channel.");
            return;
        }
        if (turn.conversation().isDirect()) {
            throw new UsageException("Run /mentor_channel in the moderators' own channel, not in a private chat.");
        }
        Optional<ChatAudience> audience = audienceOf(turn.conversation().id());
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

    /** Who can read {@code chat}, asked from the platform now; empty when it cannot tell. */
    private Optional<ChatAudience> audienceOf(ConversationId chat) {
        Optional<GroupAdminGateway> admin = context.gateways().admin(chat.platform());
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(admin.get().audience(chat));
        } catch (GatewayException e) {
            LOG.warn("who can read chat {} unknown: {}", chat, e.reason());
            return Optional.empty();
        }
    }

    private void fellowshipCommand(Turn turn, String args) {
        String[] words = args.strip().split("\\s+", 2);
        String sub = words[0].toLowerCase(Locale.ROOT);
        CommunityId community = turn.conversation().community();
        switch (sub) {
            case "" -> {
                Set<CommunityId> configured = communities;
                Set<CommunityId> claimed = store.claimedCommunities();
                StringBuilder text = new StringBuilder("The fellowship's own groups (only they shape the mentor chain):");
                if (configured.isEmpty() && claimed.isEmpty()) {
                    text.append(everyGroupWhenNoneSet ? " every group (none are set)."
                            : " none yet. A moderator claims a group with /fellowship claim CODE, sent in that group, "
                            + "with the claim code from the bot's log.");
                }
                configured.stream().map(c -> "\n\u2022 " + c.platform().code() + ":" + c.value() + " (configured)")
                        .sorted().forEach(text::append);
                claimed.stream().map(c -> "\n\u2022 " + c.platform().code() + ":" + c.value() + " (claimed)")
                        .sorted().forEach(text::append);
                turn.replyPrivately(text.toString());
            }
            case "claim" -> {
                if (community == null) {
                    throw new UsageException("Send /fellowship claim CODE in the group you want to claim.");
                }
                String code = words.length > 1 ? words[1].strip().toUpperCase(Locale.ROOT) : "";
                if (code.isEmpty()) {
                    throw new UsageException("Give the claim code from the bot's log: /fellowship claim CODE.");
                }
                if (!store.claim(community, code, freshCode())) {
                    LOG.warn("claim of community {} refused: wrong code", community);
                    turn.replyPrivately("That claim code is not right (each code claims one group once; the bot's "
                            + "log shows the current one).");
                    return;
                }
                LOG.warn("community {} claimed as one of the fellowship's groups; the next claim code is {}", community,
                        claimCode());
                turn.replyPrivately("This group is now one of the fellowship's own: its mentors can go on call and its "
                        + "moderators can set up the mentor chain. The code you used no longer works.");
            }
            case "unclaim" -> {
                if (community == null) {
                    throw new UsageException("Send /fellowship unclaim in the group to give up.");
                }
                if (communities.contains(community)) {
                    throw new UsageException("This group is configured by the operator (FELLOWSHIP_MENTOR_COMMUNITIES); "
                            + "only they can remove it.");
                }
                boolean removed = store.unclaim(community);
                LOG.warn("community {} unclaimed: {}", community, removed);
                turn.replyPrivately(removed ? "This group is no longer one of the fellowship's own."
                        : "This group was not claimed.");
            }
            default -> throw new UsageException("Say /fellowship, /fellowship claim CODE or /fellowship unclaim.");
        }
    }

    private void auditCommand(Turn turn, String args) {
        requireServed(turn);
        String alertId = args.strip();
        if (alertId.isEmpty()) {
            throw new UsageException("Give an alert id, for example /alert_audit a12-1700000000000.");
        }
        List<MentorAudit> trail = store.auditOf(alertId);
        if (trail.isEmpty()) {
            turn.replyPrivately("No audit trail for alert " + alertId + ".");
            return;
        }
        StringBuilder text = new StringBuilder("Alert " + alertId + ":\n");
        for (MentorAudit a : trail) {
            text.append(a.at()).append(' ').append(a.action().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            if (a.tier() > 0) {
                text.append(", tier ").append(a.tier());
            }
            if (a.actor() != null) {
                text.append(", ").append(a.actor().value());
            }
            text.append('\n');
        }
        turn.replyPrivately(text.toString().strip());
    }

    /** The roster as it is now (for tests and status). */
    public List<Mentor> mentors() {
        return store.mentors();
    }

    /** The audit trail of one alert (for tests and moderators). */
    public List<MentorAudit> auditOf(String alertId) {
        return store.auditOf(alertId);
    }

    @Override
    public Reached requestMentor(Turn turn, CrisisCategory category) {
        if (!serves(turn.conversation().community())) {
            return Reached.NOBODY; // a group outside the fellowship: its members get the crisis lines, never its mentors
        }
        ChatUserId member = turn.actor().id();
        Instant now = turn.now();
        List<Mentor> roster = store.mentors();
        List<MentorAlert> open = store.openAlerts();
        Optional<Integer> tier = firstTierAvailable(roster, open, 1, member, now);
        Optional<MentorAlert> existing = store.openAlertOf(member);
        if (existing.isPresent()) {
            // one open alert per member: this request joins it
            return existing.get().mentor() != null || tier.isPresent() ? Reached.MENTOR : Reached.MODERATORS;
        }
        String id = "a" + store.nextAlertNumber() + "-" + now.toEpochMilli();
        AlertContext alertContext = category == null ? AlertContext.NONE
                : store.lastFlagged(member).orElse(AlertContext.NONE);
        ConversationId origin = turn.conversation().isDirect() ? null : turn.conversation().id();
        MentorAlert alert = store.openIfNone(new MentorAlert(id, member, turn.actor().displayName(), category,
                alertContext, tier.orElse(1), AlertState.OPEN, null, null, now, now, 0, origin));
        if (!alert.id().equals(id)) {
            return Reached.MENTOR; // a concurrent request of the same member opened one first
        }
        LOG.info("alert {} opened for tier {}", id, alert.tier());
        audit(now, alert, MentorAudit.Action.OPENED, null);
        if (tier.isEmpty()) {
            audit(now, alert, MentorAudit.Action.NO_MENTOR_AVAILABLE, null);
            boolean told = tellModerators(alert, now, Notice.NO_MENTOR);
            scheduleEscalation(alert, now, policy.tierDelay(), 0);
            return told ? Reached.MODERATORS : Reached.NOBODY;
        }
        page(alert, roster, open, now);
        scheduleEscalation(alert, now, policy.tierDelay(), 0);
        return Reached.MENTOR;
    }

    @Override
    public void flagged(Turn turn, CrisisCategory category, AlertContext flaggedContext, boolean worse) {
        try {
            if (serves(turn.conversation().community())) { // elsewhere no mentor is offered: keep no words
                store.rememberFlagged(turn.actor().id(), flaggedContext, FLAGGED_CONTEXT_KEPT);
            }
        } catch (RuntimeException e) {
            // an alert without an excerpt still pages: never let this stop the wrote-again notice below
            LOG.error("remembering the flagged message of event {} failed", turn.event().dedupeKey(), e);
        }
        Optional<MentorAlert> open = store.openAlertOf(turn.actor().id());
        if (open.isEmpty()) {
            return;
        }
        MentorAlert alert = open.get();
        Instant now = turn.now();
        if (alert.mentor() == null) {
            if (worse && !flaggedContext.equals(AlertContext.NONE)) {
                // still being paged: the next page carries the newer, more severe words
                store.update(alert.withContext(flaggedContext), resolvedRetention);
            }
            return;
        }
        Instant last = lastWroteAgain.get(alert.id());
        if (!worse && last != null && last.plus(WROTE_AGAIN_COOLDOWN).isAfter(now)) {
            return;
        }
        lastWroteAgain.values().removeIf(t -> !t.plus(WROTE_AGAIN_COOLDOWN).isAfter(now)); // keep only live ones
        lastWroteAgain.put(alert.id(), now);
        dm(alert.mentor(), "Alert " + alert.id() + ": the member wrote again and may still be in crisis"
                + (category == null ? "" : " (" + category.label() + ")")
                + (worse ? ", and it sounds more urgent than before" : "") + ". Please reach out if you haven't yet."
                + describe(flaggedContext),
                List.of(ButtonRow.of(button(alert.mentor(), "Resolve", alert.id(), "resolve"))));
        audit(now, alert, MentorAudit.Action.MEMBER_WROTE_AGAIN, alert.mentor());
    }

    @Override
    public Optional<String> openAlert(ChatUserId member) {
        return store.openAlertOf(member).map(MentorAlert::id);
    }

    @Override
    public boolean attended(String alertId) {
        return store.alert(alertId).map(a -> a.state() == AlertState.TAKEN || !a.open()).orElse(true);
    }

    /**
     * Mentors of {@code tier} who can take a page now: on call, on the member's platform (they must be able to message
     * them), not the member, outside quiet hours, under capacity.
     */
    private List<Mentor> available(List<Mentor> roster, List<MentorAlert> open, int tier, ChatUserId member,
                                   Instant now) {
        List<Mentor> result = new ArrayList<>();
        for (Mentor m : roster) {
            if (!m.onCall() || m.tier() != tier || m.id().equals(member) || m.id().platform() != member.platform()) {
                continue;
            }
            if (m.quiet() != null && m.quiet().contains(now.atZone(zoneOf(m.id())).toLocalTime())) {
                continue;
            }
            long held = open.stream().filter(a -> m.id().equals(a.mentor())).count();
            if (held < m.capacity()) {
                result.add(m);
            }
        }
        result.sort(Comparator.comparing(m -> m.id().value()));
        return result;
    }

    private Optional<Integer> firstTierAvailable(List<Mentor> roster, List<MentorAlert> open, int from,
                                                 ChatUserId member, Instant now) {
        for (int t = from; t <= MAX_TIER; t++) {
            if (!available(roster, open, t, member, now).isEmpty()) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private ZoneId zoneOf(ChatUserId id) {
        return context.profiles().find(id).map(p -> p.zoneOr(ZoneOffset.UTC)).orElse(ZoneOffset.UTC);
    }

    /** Pages one available mentor of the alert's tier, if any is left; {@code true} when one was paged. */
    private boolean page(MentorAlert alert, List<Mentor> roster, List<MentorAlert> open, Instant now) {
        List<Mentor> candidates = available(roster, open, alert.tier(), alert.member(), now);
        String language = context.profiles().find(alert.member()).map(p -> p.language())
                .orElse(MemberProfile.DEFAULT_LANGUAGE);
        List<Mentor> speakers = language == null ? List.of()
                : candidates.stream().filter(m -> m.languages().contains(language)).toList();
        if (!speakers.isEmpty()) {
            candidates = speakers;
        }
        if (!candidates.isEmpty()) {
            long next = store.nextTurn(alert.tier());
            Mentor mentor = candidates.get((int) Math.floorMod(next, (long) candidates.size()));
            // a member who wrote privately asked for this; a group message was paged without asking them
            dm(mentor.id(), "Crisis alert " + alert.id() + ": a member " + what(alert)
                    + (alert.origin() == null ? " and would like to talk. " : ", in a group chat. ")
                    + "Please acknowledge if you can help; take it when you're reaching out to them."
                    + describe(alert.context()),
                    List.of(ButtonRow.of(button(mentor.id(), "Acknowledge", alert.id(), "ack"),
                            button(mentor.id(), "Take", alert.id(), "take"),
                            button(mentor.id(), "Resolve", alert.id(), "resolve"))));
            audit(now, alert, MentorAudit.Action.PAGED, mentor.id());
            return true;
        }
        return false;
    }

    /** The excerpt and link lines of a mentor's DM, or "" when there are none. Never logged. */
    private static String describe(AlertContext c) {
        String text = c.excerpt() == null ? "" : "\n\nThey wrote: \u201c" + c.excerpt() + "\u201d";
        return c.link() == null ? text : text + "\nMessage: " + c.link();
    }

    private static String what(MentorAlert alert) {
        return alert.category() == null ? "asked for a mentor"
                : "may be in crisis (" + alert.category().label() + ")";
    }

    /**
     * Schedules the next step of an open alert. The payload carries the alert's {@code updated} stamp, so a timer
     * delivered twice (or one the alert has moved past) acts once.
     *
     * @param round 0 during the tier walk, then the number of the repeat
     */
    private void scheduleEscalation(MentorAlert alert, Instant now, Duration delay, int round) {
        Instant due = now.plus(delay);
        Instant giveUpAt = alert.opened().plus(policy.giveUpAfter());
        if (round > 0 && due.isAfter(giveUpAt)) {
            due = giveUpAt.isAfter(now) ? giveUpAt : now; // the final notice, at the bound
        }
        context.dueQueue().schedule(new DueItem(ESCALATE + ":" + alert.id() + ":" + alert.tier() + ":"
                + now.toEpochMilli(), ESCALATE, due, alert.id() + "|" + alert.tier() + "|" + round + "|"
                + alert.updated().toEpochMilli()));
    }

    /** What the moderators are told. */
    private enum Notice { NO_MENTOR, UNACKNOWLEDGED, REPEAT, UNANSWERED }

    /**
     * Tells moderators about an alert, content-free (category, link, a Take button): in the moderators' channel when
     * one is set and only moderators can read it, else privately (at most {@link #MAX_MODERATORS_TOLD} moderators of the
     * alert's group and of the fellowship's groups). Repeats go to the channel only, so a private inbox hears of one
     * alert at most twice (no mentor on call or unacknowledged, and the final notice).
     *
     * @return {@code true} when at least one message reached moderators
     */
    private boolean tellModerators(MentorAlert alert, Instant now, Notice notice) {
        Optional<ConversationId> channel = store.moderatorsChannel(alert.member().platform());
        boolean posted = false;
        boolean channelProblem = false;
        if (channel.isPresent()) {
            Optional<ChatAudience> audience = audienceOf(channel.get());
            if (audience.isPresent() && audience.get().moderatorsOnly()) {
                posted = post(alert, channel.get(), notice);
            } else {
                channelProblem = true;
                audit(now, alert, MentorAudit.Action.CHANNEL_NOT_PRIVATE, null);
                LOG.warn("alert {} not posted: the moderators' channel {} is not confirmed moderators-only", alert.id(),
                        channel.get());
            }
        }
        if (posted) {
            audit(now, alert, MentorAudit.Action.MODERATORS_NOTIFIED, null);
            return true;
        }
        if (notice == Notice.REPEAT || notice == Notice.UNACKNOWLEDGED && alreadyTold(alert)) {
            return false; // private inboxes hear of an alert once, and of its end once
        }
        int told = 0;
        String text = noticeText(alert, notice) + (channelProblem ? "\n\n(Not posted in the moderators' channel: I "
                + "couldn't confirm that only moderators can read it. Run /mentor_channel there to check.)" : "");
        for (ChatUserId moderator : moderatorsOf(alert)) {
            List<ButtonRow> take = notice == Notice.UNANSWERED ? List.of()
                    : List.of(ButtonRow.of(button(moderator, "Take", alert.id(), "take")));
            if (send(Conversation.direct(moderator).id(), text, take, Delivery.PRIVATE, moderator)) {
                told++;
            }
        }
        if (told > 0) {
            audit(now, alert, MentorAudit.Action.MODERATORS_NOTIFIED, null);
            LOG.warn("alert {} told privately to {} moderators", alert.id(), told);
        }
        return told > 0;
    }

    private boolean alreadyTold(MentorAlert alert) {
        try {
            return store.auditOf(alert.id()).stream().anyMatch(a -> a.action() == MentorAudit.Action.MODERATORS_NOTIFIED);
        } catch (RuntimeException e) {
            return false; // telling twice beats telling nobody
        }
    }

    private boolean post(MentorAlert alert, ConversationId channel, Notice notice) {
        List<ButtonRow> take = List.of();
        if (notice != Notice.UNANSWERED) {
            String token = context.buttons().issue(new ButtonAction(ALERT_BUTTON,
                    Map.of("alert", alert.id(), "do", "take"), null), context.settings().buttonTtl());
            take = List.of(ButtonRow.of(new Button("Take", token)));
        }
        boolean sent = send(channel, noticeText(alert, notice), take, Delivery.PUBLIC, null);
        if (sent) {
            LOG.warn("alert {} posted to the moderators' channel", alert.id());
        }
        return sent;
    }

    /** A notice for moderators: the alert id, the category and the link; never the member's words or name. */
    private String noticeText(MentorAlert alert, Notice notice) {
        String link = alert.context().link() == null ? "" : "\nMessage: " + alert.context().link();
        return switch (notice) {
            case NO_MENTOR -> "Crisis alert " + alert.id() + ": a member " + what(alert) + " and no mentor is on call "
                    + "right now. Could a moderator or mentor take it and reach out?" + link;
            case UNACKNOWLEDGED, REPEAT -> "Crisis alert " + alert.id() + ": a member " + what(alert)
                    + " and no mentor has acknowledged it. Could a moderator or mentor take it and reach out now?" + link;
            case UNANSWERED -> "Crisis alert " + alert.id() + " has had no answer for " + policy.giveUpAfter().toHours()
                    + " hours, so I've stopped paging about it. It stays open: a mentor or moderator can still take it "
                    + "from an earlier message." + link;
        };
    }

    /**
     * The moderators who may hear of an alert privately: those of the group it came from and of the fellowship's
     * Telegram groups (a Telegram group's chat id is its community id), as the platform lists them now.
     */
    private List<ChatUserId> moderatorsOf(MentorAlert alert) {
        Set<ChatUserId> found = new LinkedHashSet<>();
        for (ConversationId group : groupsOf(alert)) {
            found.addAll(moderatorsOfGroup(group).orElse(Set.of()));
        }
        found.remove(alert.member());
        return found.stream().sorted(Comparator.comparing(ChatUserId::value)).limit(MAX_MODERATORS_TOLD).toList();
    }

    /** The groups whose moderators may act on an alert: where it came from, and the fellowship's Telegram groups. */
    private List<ConversationId> groupsOf(MentorAlert alert) {
        Set<ConversationId> groups = new LinkedHashSet<>();
        if (alert.origin() != null) {
            groups.add(alert.origin());
        }
        for (CommunityId c : fellowship()) {
            if (c.platform() == alert.member().platform() && c.platform() == Platform.TELEGRAM) {
                groups.add(new ConversationId(c.platform(), c.value()));
            }
        }
        store.moderatorsChannel(alert.member().platform()).ifPresent(groups::add);
        return List.copyOf(groups);
    }

    private Optional<Set<ChatUserId>> moderatorsOfGroup(ConversationId group) {
        Optional<GroupAdminGateway> admin = context.gateways().admin(group.platform());
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(admin.get().moderators(group));
        } catch (GatewayException e) {
            LOG.warn("moderator list of {} unavailable: {}", group, e.reason());
            return Optional.empty();
        }
    }

    private void audit(Instant now, MentorAlert alert, MentorAudit.Action action, ChatUserId actor) {
        try {
            store.audit(new MentorAudit(now, alert.id(), action, alert.tier(), actor));
        } catch (RuntimeException e) {
            // the page itself matters more than its audit line: never fail a crisis step over the trail
            LOG.error("alert {} audit of {} failed", alert.id(), action, e);
        }
    }

    private Button button(ChatUserId mentor, String label, String alertId, String action) {
        String token = context.buttons().issue(new ButtonAction(ALERT_BUTTON, Map.of("alert", alertId, "do", action),
                mentor), context.settings().buttonTtl());
        return new Button(label, token);
    }

    private void dm(ChatUserId to, String text, List<ButtonRow> buttons) {
        send(Conversation.direct(to).id(), text, buttons, Delivery.PRIVATE, to);
    }

    /** An urgent message; {@code true} when the platform took it. */
    private boolean send(ConversationId to, String text, List<ButtonRow> buttons, Delivery delivery,
                         ChatUserId recipient) {
        return context.outbox().send(new OutboundMessage(to, text, TextStyle.PLAIN, buttons, null, delivery, recipient,
                Priority.URGENT), true).delivered();
    }

    private void alertButton(Turn turn, String alertId, String action) {
        if (!List.of("ack", "take", "resolve").contains(String.valueOf(action))) {
            turn.replyPrivately("I don't know that action.");
            return;
        }
        ChatUserId actor = turn.actor().id();
        MentorAlert found = alertId == null ? null : store.alert(alertId).orElse(null);
        if (found == null || !found.open()) {
            turn.replyPrivately("This alert is already closed. Thank you.");
            return;
        }
        if (found.member().equals(actor)) {
            turn.replyPrivately("This alert is about you, so someone else will take it. You're not alone.");
            return;
        }
        // Who acts is checked now, with the platform: a button in a chat others can read must not hand an alert (and
        // the member's name) to whoever presses it.
        Optional<Boolean> allowed = mayAct(actor, found);
        if (allowed.isEmpty()) {
            turn.replyPrivately("I couldn't confirm with " + actor.platform().lowerName() + " that you are a mentor or "
                    + "moderator here right now, so nothing changed. Please try again in a moment.");
            return;
        }
        if (!allowed.get()) {
            audit(turn.now(), found, MentorAudit.Action.REFUSED_PRESS, actor);
            LOG.warn("alert {} {} refused: the presser is neither a rostered mentor nor a fellowship moderator",
                    found.id(), action);
            turn.replyPrivately("Only the fellowship's mentors and moderators can act on crisis alerts, so nothing "
                    + "changed. If you're worried about someone, " + org.fellowship.core.command.CommandNames.HELP_NOW
                    + " shows the crisis lines.");
            return;
        }
        String name = turn.actor().displayName() == null ? "A mentor" : turn.actor().displayName();
        // Compare-and-set: re-read and retry when the alert changed meanwhile (a timer escalated it, another
        // mentor acknowledged); a change that would take the alert from another mentor is refused instead.
        for (int attempt = 0; attempt < 5; attempt++) {
            MentorAlert alert = attempt == 0 ? found : store.alert(alertId).orElse(null);
            if (alert == null || !alert.open()) {
                turn.replyPrivately("This alert is already closed. Thank you.");
                return;
            }
            boolean heldByOther = alert.state() == AlertState.TAKEN && !actor.equals(alert.mentor());
            if (heldByOther && !action.equals("resolve")) {
                turn.replyPrivately("Someone else has already taken alert " + alert.id() + ". Thank you for "
                        + "being ready.");
                LOG.info("alert {} {} refused: already taken", alert.id(), action);
                return;
            }
            AlertState target = switch (action) {
                case "ack" -> AlertState.ACKNOWLEDGED;
                case "take" -> AlertState.TAKEN;
                default -> AlertState.RESOLVED;
            };
            ChatUserId holder = target == AlertState.RESOLVED && heldByOther ? alert.mentor() : actor;
            String holderName = target == AlertState.RESOLVED && heldByOther ? alert.mentorName() : name;
            Optional<MentorAlert> won = store.update(alert.with(alert.tier(), target, holder, holderName, turn.now()),
                    resolvedRetention);
            if (won.isEmpty()) {
                continue;
            }
            switch (target) {
                case ACKNOWLEDGED -> {
                    scheduleRenotify(won.get(), turn.now(), 0);
                    turn.replyPrivately("Thank you: alert " + alert.id() + " is acknowledged by you. Press Take when "
                            + "you reach out to them.");
                    audit(turn.now(), alert, MentorAudit.Action.ACKNOWLEDGED, actor);
                }
                case TAKEN -> {
                    scheduleRenotify(won.get(), turn.now(), 0);
                    String who = alert.memberName() == null ? "member " + alert.member().value()
                            : alert.memberName() + " (member " + alert.member().value() + ")";
                    turn.replyPrivately("It's yours: " + who + " is waiting to hear from you. Please message them "
                            + "directly now; press Resolve when they're safe and supported." + describe(alert.context()));
                    boolean mentor = store.mentor(actor).isPresent();
                    dm(alert.member(), name + (mentor ? ", one of the mentors," : ", one of the moderators,")
                            + " is on the way and will message you. You're not alone.", List.of());
                    audit(turn.now(), alert, MentorAudit.Action.TAKEN, actor);
                }
                default -> {
                    turn.replyPrivately("Alert " + alert.id() + " is resolved. Thank you for being there. "
                            + "Take care of yourself too.");
                    audit(turn.now(), alert, MentorAudit.Action.RESOLVED, actor);
                }
            }
            LOG.info("alert {} {} at tier {}", alert.id(), action, alert.tier());
            return;
        }
        LOG.warn("alert {} {} gave up after repeated concurrent changes", alertId, action);
        turn.replyPrivately("That alert is changing right now; please press the button again.");
    }

    /**
     * Whether {@code actor} may act on {@code alert}: a mentor on the roster, or a moderator (by the platform's list
     * now) of the group the alert came from, of the moderators' channel or of one of the fellowship's groups. Empty
     * when the platform cannot tell.
     */
    private Optional<Boolean> mayAct(ChatUserId actor, MentorAlert alert) {
        if (actor.platform() != alert.member().platform()) {
            return Optional.of(false);
        }
        if (store.mentor(actor).isPresent()) {
            return Optional.of(true);
        }
        boolean unknown = false;
        for (ConversationId group : groupsOf(alert)) {
            Optional<Set<ChatUserId>> moderators = moderatorsOfGroup(group);
            if (moderators.isEmpty()) {
                unknown = true;
            } else if (moderators.get().contains(actor)) {
                return Optional.of(true);
            }
        }
        return unknown ? Optional.empty() : Optional.of(false);
    }

    private void scheduleRenotify(MentorAlert alert, Instant now, int n) {
        // One id per holder's stamp and step, so a reminder run twice queues the same next one, not a second chain.
        context.dueQueue().schedule(new DueItem(RENOTIFY + ":" + alert.id() + ":" + alert.updated().toEpochMilli()
                + ":" + n, RENOTIFY, now.plus(policy.renotifyDelay(n)),
                alert.id() + "|" + n + "|" + alert.updated().toEpochMilli()));
    }

    /** Escalation and re-notify timers; they read the alert from the store, so they survive a restart. */
    private final class Timer implements DueHandler {
        private final String kind;

        Timer(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public DueLane lane() {
            return DueLane.CRISIS;
        }

        @Override
        public void run(DueItem item) {
            String[] parts = item.payload().split("\\|");
            MentorAlert alert = store.alert(parts[0]).orElse(null);
            if (alert == null || !alert.open()) {
                return;
            }
            Instant now = context.clock().instant();
            if (kind.equals(ESCALATE)) {
                escalate(alert, Integer.parseInt(parts[1]), parts.length > 2 ? Integer.parseInt(parts[2]) : 0,
                        parts.length > 3 ? Long.parseLong(parts[3]) : null, now);
            } else {
                renotify(item, alert, Integer.parseInt(parts[1]), parts.length > 2 ? Long.parseLong(parts[2]) : null,
                        now);
            }
        }

        private void renotify(DueItem item, MentorAlert alert, int n, Long stamp, Instant now) {
            if (alert.mentor() == null || stamp != null && alert.updated().toEpochMilli() != stamp) {
                return; // nobody holds it, or it changed hands since this reminder was set
            }
            if (!now.isBefore(alert.updated().plus(policy.giveUpAfter()))) {
                audit(now, alert, MentorAudit.Action.REMINDERS_STOPPED, alert.mentor());
                return; // bounded: no reminders beyond the give-up time
            }
            // The next reminder first (a crash after it loses this one, never the chain), then this one, once.
            scheduleRenotify(alert, now, n + 1);
            if (!context.firstDelivery(item.id())) {
                return;
            }
            dm(alert.mentor(), "Reminder: alert " + alert.id() + " is still open. Press Resolve when they're "
                    + "safe and supported, or let a moderator know if you need someone else to take over.",
                    List.of(ButtonRow.of(button(alert.mentor(), "Resolve", alert.id(), "resolve"))));
            audit(now, alert, MentorAudit.Action.RENOTIFIED, alert.mentor());
        }

        /**
         * One step of an unacknowledged alert: the next tier during the walk; after the last tier the moderators, then
         * repeats on the policy's back-off; at the give-up time one final notice, and nothing after it.
         */
        private void escalate(MentorAlert alert, int pagedTier, int round, Long stamp, Instant now) {
            if (alert.state() != AlertState.OPEN) {
                return; // acknowledged or taken meanwhile
            }
            if (stamp != null ? alert.updated().toEpochMilli() != stamp : alert.tier() != pagedTier) {
                return; // a duplicate delivery, or the alert moved on since this timer was set
            }
            if (round > 0 && !now.isBefore(alert.opened().plus(policy.giveUpAfter()))) {
                audit(now, alert, MentorAudit.Action.UNANSWERED, null);
                LOG.warn("alert {} unanswered after {}; paging stopped", alert.id(), policy.giveUpAfter());
                tellModerators(alert, now, Notice.UNANSWERED);
                return;
            }
            List<Mentor> roster = store.mentors();
            List<MentorAlert> open = store.openAlerts();
            Optional<Integer> next = round == 0
                    ? firstTierAvailable(roster, open, pagedTier + 1, alert.member(), now) : Optional.empty();
            // after the last tier: the moderators, then again from the first tier with a mentor available
            int tier = next.orElseGet(() -> firstTierAvailable(roster, open, 1, alert.member(), now).orElse(1));
            MentorAlert escalated = null;
            for (int attempt = 0; attempt < 3 && escalated == null; attempt++) {
                MentorAlert current = attempt == 0 ? alert : store.alert(alert.id()).orElse(null);
                if (current == null || current.state() != AlertState.OPEN
                        || !current.updated().equals(alert.updated())) {
                    return; // acknowledged, taken or escalated by another instance meanwhile
                }
                // a retry only when a newer excerpt was added meanwhile (it keeps the stamp)
                escalated = store.update(current.with(tier, AlertState.OPEN, null, null, now), resolvedRetention)
                        .orElse(null);
            }
            if (escalated == null) {
                return;
            }
            audit(now, escalated, MentorAudit.Action.ESCALATED, null);
            // Winning the compare-and-set above is this step's delivery record (a second run finds the stamp moved
            // and stops). The next step is queued before anyone is told, so a crash here loses a page, never the chain.
            if (next.isPresent()) {
                LOG.info("alert {} escalated to tier {}", alert.id(), tier);
                scheduleEscalation(escalated, now, policy.tierDelay(), 0);
                page(escalated, roster, open, now);
                return;
            }
            LOG.warn("alert {} unacknowledged after the last tier (repeat {})", alert.id(), round);
            scheduleEscalation(escalated, now, policy.repeatDelay(round), round + 1);
            tellModerators(escalated, now, round == 0 ? Notice.UNACKNOWLEDGED : Notice.REPEAT);
            page(escalated, roster, open, now);
        }
    }
}
