package org.fellowship.core.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.command.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.store.MemberProfile;
import java.util.Optional;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.text.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crisis support: installs the {@link org.fellowship.core.engine.SafetyScreen} and the {@code /help_now}
 * (the hyphenated {@code /help-now} works too where a platform passes it) and {@code /resources} commands. A message that reads as a crisis gets the member a warm private reply with crisis
 * lines for their country and an offer to connect with a mentor; nothing is posted to the group and the message
 * is reported as flagged, so moderation leaves it alone. Imminent relapse danger gets a gentler private note.
 * Private replies are not repeated to the same member within a cooldown (alert storms), but every crisis message
 * is still flagged. Logs carry event ids and categories, never text.
 */
public final class CrisisFeature implements Feature {
    static final String MENTOR_BUTTON = "crisis.mentor";
    static final String OK_BUTTON = "crisis.ok";
    static final String LINES_BUTTON = "crisis.lines";
    static final String NO_FOLLOW_UPS_BUTTON = "crisis.nofollowups";
    static final String FOLLOW_UP = "crisis.followup";
    private static final String HELP_NOW = org.fellowship.core.command.CommandNames.HELP_NOW;
    private static final Logger LOG = LoggerFactory.getLogger(CrisisFeature.class);
    private static final Duration COOLDOWN = Duration.ofMinutes(10);
    /** Follow-ups after half an hour and a day: the escalation policy's defaults, which the app passes in. */
    static final List<Duration> DEFAULT_FOLLOW_UPS = List.of(Duration.ofMinutes(30), Duration.ofDays(1));

    /** The last crisis reply to a member: when, and how urgent the message was ({@link #urgency}). */
    private record LastReply(Instant at, int urgency) {
    }

    /** A stated time: the danger is near. */
    private static final java.util.regex.Pattern NEAR_TIME = java.util.regex.Pattern.compile(
            "\\b(now|tonight|today|this (evening|morning|afternoon|weekend)|in (an|one|a few|\\d+) (hour|minute|min)s?"
                    + "|at \\d{1,2}(:\\d\\d)?\\s*(am|pm)?|before (morning|tomorrow))\\b");
    /** An attempt under way or done. */
    private static final java.util.regex.Pattern IN_PROGRESS = java.util.regex.Pattern.compile(
            "\\b(i|i've|ive|i have|i've just|just)\\s+(just\\s+|already\\s+)?(took|taken|swallowed|cut|overdosed|drank)"
                    + "\\b|\\b(i'm|im|i am)\\s+(taking|swallowing|cutting|doing it)\\b|\\bin my hand\\b"
                    + "|\\b(it's|its) (started|done)\\b");

    private final CrisisDetector detector;
    private final CommunityPolicyStore policies;
    private final CrisisResources resources;
    private final MentorPager pager;
    private final Map<ChatUserId, LastReply> lastCrisisReply = new ConcurrentHashMap<>();
    private final List<Duration> followUps;
    private volatile BotContext context;
    private final Map<ChatUserId, Instant> lastRelapseReply = new ConcurrentHashMap<>();
    private final SemanticStage semantic;
    /** Events a semantic crisis verdict was already acted on (second look or background), so it is acted on once. */
    private final Map<String, Instant> semanticVerdicts = new ConcurrentHashMap<>();

    public CrisisFeature(CrisisDetector detector, CommunityPolicyStore policies, CrisisResources resources,
                         MentorPager pager) {
        this(detector, policies, resources, pager, DEFAULT_FOLLOW_UPS);
    }

    /** @param followUps when a member who neither accepted nor declined a mentor hears from the bot again */
    public CrisisFeature(CrisisDetector detector, CommunityPolicyStore policies, CrisisResources resources,
                         MentorPager pager, List<Duration> followUps) {
        this(detector, policies, resources, pager, followUps, null);
    }

    /**
     * @param semantic the semantic stage, which reads every member message the lexicon did not flag and answers a
     *                 crisis only it sees as soon as its verdict arrives; {@code null} for none
     */
    public CrisisFeature(CrisisDetector detector, CommunityPolicyStore policies, CrisisResources resources,
                         MentorPager pager, List<Duration> followUps, SemanticStage semantic) {
        this.detector = detector;
        this.policies = policies;
        this.resources = resources;
        this.pager = pager;
        this.followUps = List.copyOf(followUps);
        this.semantic = semantic;
    }

    /** Built-in lexicon and resources, in-memory community policies, no mentor chain. */
    public static CrisisFeature withDefaults(LanguageAnalyzer analyzer) {
        return new CrisisFeature(CrisisDetector.standard(analyzer), CommunityPolicyStore.inMemory(),
                CrisisResources.builtInTable(), MentorPager.NONE);
    }

    @Override
    public void install(FeatureRegistry registry, BotContext botContext) {
        this.context = botContext;
        registry.safetyScreen(new org.fellowship.core.engine.SafetyScreen() {
            @Override
            public boolean screen(Turn turn, String text) {
                return CrisisFeature.this.screen(turn, text);
            }

            @Override
            public boolean secondLook(Turn turn, String text) {
                return CrisisFeature.this.secondLook(turn, text);
            }
        });
        registry.command("help_now", "", "Talk to someone now: crisis lines and a mentor", Access.EVERYONE,
                (turn, args) -> {
                    if (sendSupport(turn, null, "You asked for help, and that takes courage. I'm here.", null)) {
                        scheduleFollowUps(turn);
                    }
                });
        registry.command("resources", "[country]", "Crisis lines, e.g. /resources uk", Access.EVERYONE, this::resources);
        registry.command("crisis", "[add|allow|remove|threshold|country|line ...]",
                "Moderators: this group's crisis phrases, threshold and crisis lines", Access.MODERATOR,
                this::settings);
        registry.button(MENTOR_BUTTON, (turn, action) -> {
            cancelFollowUps(turn, action);
            connectMentor(turn, action.get("category"));
        });
        registry.button(OK_BUTTON, (turn, action) -> {
            cancelFollowUps(turn, action);
            turn.replyPrivately("Okay. I'm glad you're here. " + HELP_NOW + " brings this back any time, day or night.");
        });
        registry.button(LINES_BUTTON, (turn, action) -> resources(turn, ""));
        registry.button(NO_FOLLOW_UPS_BUTTON, (turn, action) -> {
            cancelFollowUps(turn, action);
            turn.saveProfile(turn.profile().withFollowUps(false));
            turn.replyPrivately("Okay, I won't check in after this. " + HELP_NOW + " is here any time.");
        });
        registry.due(new FollowUp());
    }

    /** The safety screen: {@code true} when the text reads as a crisis. */
    boolean screen(Turn turn, String text) {
        if (text == null || text.isBlank() || turn.actor().bot()) {
            return false;
        }
        CommunityPolicy policy = policyOf(turn);
        Detection d = detector.detect(text, policy);
        boolean askingDirectly = text.startsWith("/help") || text.startsWith("/resources");
        if (d.flagged()) {
            LOG.info("crisis flagged for event {}: {} {} score {}", turn.event().dedupeKey(), d.category(),
                    d.severity(), String.format(java.util.Locale.ROOT, "%.2f", d.score()));
            handleCrisis(turn, d, text, askingDirectly);
            return true;
        }
        if (!askingDirectly && semantic != null && worthReading(text)) {
            // the lexicon saw no crisis: the semantic stage reads the meaning in the background, and a crisis only it
            // sees comes back to this conversation as soon as the verdict is in
            org.fellowship.core.event.InboundEvent event = turn.event();
            semantic.submit(text, d, reading -> context.resumer().resume(event, text,
                    later -> onSemanticCrisis(later, text, d, reading)));
        }
        if (d.relapse() && !askingDirectly && due(lastRelapseReply, turn)) {
            LOG.info("relapse danger for event {}: score {}", turn.event().dedupeKey(),
                    String.format(java.util.Locale.ROOT, "%.2f", d.score()));
            turn.replyPrivately("That sounds like a really hard moment. Cravings rise and they do pass. Could you "
                    + "put some distance between you and the drink or the use for the next half hour: call someone, "
                    + "get outside, eat something, play the tape forward? If you want a person, " + HELP_NOW + ".");
        }
        return false;
    }

    /** Member text with at least two words and no command: what the semantic stage reads. */
    static boolean worthReading(String text) {
        String t = text.strip();
        return !t.startsWith("/") && t.indexOf(' ') > 0 && t.chars().filter(Character::isLetter).count() >= 6;
    }

    /**
     * Moderation is about to act on a message the lexicon let through: the semantic stage reads it now (milliseconds,
     * only for the few messages a rule hits), and a crisis is handled as one before anything could punish it.
     */
    boolean secondLook(Turn turn, String text) {
        if (semantic == null || text == null || text.isBlank() || turn.actor().bot() || !worthReading(text)) {
            return false;
        }
        Detection lexicon = detector.detect(text, policyOf(turn));
        SemanticScorer.Reading reading = semantic.readNow(text, lexicon);
        return reading.crisis() && onSemanticCrisis(turn, text, lexicon, reading);
    }

    /** A crisis only the semantic stage saw: the same handling as a flagged message, once per event. */
    private boolean onSemanticCrisis(Turn turn, String text, Detection lexicon, SemanticScorer.Reading reading) {
        Instant now = turn.now();
        if (semanticVerdicts.putIfAbsent(turn.event().dedupeKey(), now) != null) {
            return true; // already answered (second look, then the background verdict of the same message)
        }
        if (semanticVerdicts.size() > 10_000) {
            semanticVerdicts.values().removeIf(at -> at.isBefore(now.minus(Duration.ofHours(1))));
        }
        Detection d = semanticDetection(lexicon, reading);
        LOG.info("crisis read by the semantic stage for event {}: {} probability {} nearest {}",
                turn.event().dedupeKey(), d.category(), String.format(java.util.Locale.ROOT, "%.2f",
                        reading.probability()), reading.basis());
        handleCrisis(turn, d, text, false);
        return true;
    }

    /** The lexicon's evidence (its spans make the excerpt when there are any) plus the part that read as risk. */
    static Detection semanticDetection(Detection lexicon, SemanticScorer.Reading reading) {
        CrisisCategory category = reading.category() != null ? reading.category() : CrisisCategory.SUICIDAL_IDEATION;
        List<Evidence> evidence = new ArrayList<>(lexicon.evidence());
        evidence.add(new Evidence(reading.start(), reading.end(), "semantic:" + reading.basis(), category,
                reading.probability(), 1, java.util.Set.of()));
        double score = Math.max(lexicon.crisisScore(), reading.probability());
        Severity severity = reading.probability() >= DetectorThresholds.defaults().high() ? Severity.HIGH
                : Severity.MEDIUM;
        return new Detection(true, category, severity, score, score, lexicon.relapseScore(), lexicon.relapse(),
                evidence);
    }

    /** A crisis read in a message: private reply (not repeated within the cooldown unless worse), pages, follow-ups. */
    private void handleCrisis(Turn turn, Detection d, String text, boolean askingDirectly) {
        {
            int urgency = urgency(d, text);
            boolean worse = worseThanLast(turn, urgency);
            boolean reply = !askingDirectly && (worse || dueCrisisReply(turn, urgency));
            String opening = worse
                    ? "I'm still here, and what you just wrote worries me. Please reach out to someone right now."
                    : "I'm really glad you said something, and I'm sorry things are this heavy right now. You "
                    + "don't have to carry it alone.";
            boolean offered = false;
            if (turn.conversation().isDirect()) {
                // privately: the lines first, and a human only with the member's yes
                offered = reply && sendSupport(turn, d.category(), opening, null);
                remember(turn, d, text, worse);
            } else {
                // in a group the words are already visible there: a mentor is paged at once, then the member is told
                // truthfully who was asked (both within the same turn)
                remember(turn, d, text, worse);
                MentorPager.Reached paged = servedByMentors(turn) ? pageNow(turn, d.category()) : null;
                offered = reply && sendSupport(turn, d.category(), opening, paged);
            }
            if (offered) {
                scheduleFollowUps(turn);
            }
        }
    }

    /**
     * How urgent a flagged message reads, for comparing two messages of one member: the detector's severity, plus one
     * each for a method or means, a stated time, and an attempt under way. A rule, not a learned weight: it only decides
     * whether a second message inside the reply cooldown is answered again.
     */
    static int urgency(Detection d, String text) {
        String t = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        int urgency = d.severity().ordinal();
        if (d.evidence().stream().anyMatch(e -> e.category() == CrisisCategory.OVERDOSE_LETHAL_MEANS
                || e.category() == CrisisCategory.SELF_HARM)) {
            urgency++;
        }
        if (NEAR_TIME.matcher(t).find()) {
            urgency++;
        }
        if (IN_PROGRESS.matcher(t).find()) {
            urgency++;
        }
        return urgency;
    }

    private void remember(Turn turn, Detection d, String text, boolean worse) {
        try {
            pager.flagged(turn, d.category(), FlaggedExcerpt.of(text, d.evidence(), linkTo(turn)), worse);
        } catch (RuntimeException e) {
            LOG.error("telling the mentor about event {} failed", turn.event().dedupeKey(), e);
        }
    }

    private MentorPager.Reached pageNow(Turn turn, CrisisCategory category) {
        try {
            return pager.requestMentor(turn, category);
        } catch (RuntimeException e) {
            LOG.error("paging a mentor for event {} failed", turn.event().dedupeKey(), e);
            return MentorPager.Reached.NOBODY;
        }
    }

    /** Within the cooldown of an earlier crisis reply, a message more urgent than that one is answered again. */
    private boolean worseThanLast(Turn turn, int urgency) {
        LastReply last = lastCrisisReply.get(turn.actor().id());
        if (last == null || !last.at().plus(COOLDOWN).isAfter(turn.now()) || urgency <= last.urgency()) {
            return false;
        }
        lastCrisisReply.put(turn.actor().id(), new LastReply(turn.now(), urgency));
        return true;
    }

    private boolean dueCrisisReply(Turn turn, int urgency) {
        LastReply last = lastCrisisReply.get(turn.actor().id());
        if (last != null && last.at().plus(COOLDOWN).isAfter(turn.now())) {
            return false;
        }
        lastCrisisReply.put(turn.actor().id(), new LastReply(turn.now(), urgency));
        return true;
    }

    /** A link to the message that was flagged, where mentors in the group can open one; else {@code null}. */
    private static String linkTo(Turn turn) {
        MessageRef message = turn.triggeringMessage();
        if (message == null || turn.conversation().isDirect()) {
            return null;
        }
        try {
            return turn.context().gateways().chat(turn.conversation().platform())
                    .messageLink(turn.conversation(), message).orElse(null);
        } catch (RuntimeException e) {
            return null; // a platform not connected (replay, tests): the excerpt alone still helps
        }
    }

    /** The community's policy, or the defaults in a direct chat or when the store cannot be read. */
    private CommunityPolicy policyOf(Turn turn) {
        try {
            return policies.policy(turn.conversation().community());
        } catch (RuntimeException e) {
            LOG.warn("community policy unavailable for event {}; using defaults", turn.event().dedupeKey());
            return CommunityPolicy.defaults();
        }
    }

    /** The member's country from their time zone, else the community's, else {@code null} (all lines). */
    private static String countryFor(Turn turn, CommunityPolicy policy) {
        String fromZone = CrisisResources.countryOf(turn.profile().zone());
        return fromZone != null ? fromZone : policy.country();
    }

    private static boolean due(Map<ChatUserId, Instant> last, Turn turn) {
        Instant now = turn.now();
        Instant previous = last.get(turn.actor().id());
        if (previous != null && previous.plus(COOLDOWN).isAfter(now)) {
            return false;
        }
        last.put(turn.actor().id(), now);
        return true;
    }

    /**
     * The private crisis reply; {@code true} when it offered a mentor (with buttons).
     *
     * @param paged who a group message already reached, or {@code null} when nobody was paged yet
     */
    private boolean sendSupport(Turn turn, CrisisCategory category, String opening, MentorPager.Reached paged) {
        CommunityPolicy policy = policyOf(turn);
        String country = countryFor(turn, policy);
        StringBuilder text = new StringBuilder(opening).append("\n\nIf you might act on these thoughts or are in "
                + "danger, please call one of these now. They are free and there any time:\n");
        for (String line : policy.resources(resources).linesFor(country)) {
            text.append("\u2022 ").append(line).append('\n');
        }
        if (!servedByMentors(turn)) {
            // a group outside the fellowship: its members get the lines, and no offer of mentors they don't know
            text.append("\nYou can also write to me here any time; /resources brings these lines back.");
            urgent(turn, text.toString(), List.of());
            return false;
        }
        if (paged == MentorPager.Reached.MENTOR) {
            text.append("\nBecause you wrote this in the group, I've asked a mentor to check on you; they see a few "
                    + "words of your message and where you wrote it, nothing else. Would you like them to reach out to "
                    + "you here now?");
        } else if (paged == MentorPager.Reached.MODERATORS) {
            text.append("\nNo mentor is on call right now, so I've let the moderators know you may need someone. "
                    + "Would you like me to connect you with a mentor as soon as one can be reached?");
        } else {
            text.append("\nWould you like me to connect you with a mentor from ")
                    .append(turn.conversation().isDirect() ? "the community" : "this group").append(" now?");
            if (category != null) {
                text.append(" They would see a few words of your message and where you wrote it, nothing else.");
            }
        }
        Map<String, String> data = offerData(turn, category);
        List<ButtonRow> buttons = List.of(ButtonRow.of(
                turn.button("Yes, connect me with a mentor", MENTOR_BUTTON, data),
                turn.button("Not now", OK_BUTTON, data)));
        urgent(turn, text.toString(), buttons);
        return true;
    }

    /** What the offer's buttons carry: the category and the offer's time, which names its follow-ups. */
    private static Map<String, String> offerData(Turn turn, CrisisCategory category) {
        String offer = Long.toString(turn.now().toEpochMilli());
        return category == null ? Map.of("offer", offer) : Map.of("category", category.name(), "offer", offer);
    }

    private boolean servedByMentors(Turn turn) {
        try {
            return pager.serves(turn);
        } catch (RuntimeException e) {
            return true; // offering and then saying honestly that nobody can be reached beats offering nothing
        }
    }

    /** A private reply that rate-limited adapters send before anything else. */
    private static void urgent(Turn turn, String text, List<ButtonRow> buttons) {
        turn.send(new OutboundMessage(turn.conversation().id(), text, TextStyle.PLAIN, buttons,
                turn.conversation().isDirect() ? turn.triggeringMessage() : null, Delivery.PRIVATE, turn.actor().id(),
                Priority.URGENT));
    }

    private void resources(Turn turn, String args) {
        CommunityPolicy policy = policyOf(turn);
        CrisisResources table = policy.resources(resources);
        String country;
        if (args.isBlank()) {
            country = countryFor(turn, policy);
        } else {
            country = table.countryCode(args);
            if (country == null) {
                throw new UsageException("I don't have lines for that country yet; here is the international "
                        + "directory: https://findahelpline.com");
            }
        }
        StringBuilder text = new StringBuilder("Crisis lines, free and there any time:\n");
        for (String line : table.linesFor(country)) {
            text.append("\u2022 ").append(line).append('\n');
        }
        text.append("If you'd like to talk to someone from this group, send " + HELP_NOW + ".");
        turn.replyPrivately(text.toString());
    }

    // ---- /crisis: the community's own settings (moderators) ----

    private static final String SETTINGS_USAGE = "Use /crisis add CATEGORY [WEIGHT] PHRASE, /crisis allow PHRASE, "
            + "/crisis remove PHRASE, /crisis threshold 0.3-0.9, /crisis country CODE|off, "
            + "/crisis line CODE TEXT|off. Categories: suicidal_ideation, self_harm, overdose_lethal_means, "
            + "harm_to_others, relapse_danger.";

    private void settings(Turn turn, String args) {
        CommunityId community = turn.conversation().community();
        if (community == null) {
            throw new UsageException("Send /crisis in your group's chat: the settings belong to a group.");
        }
        String[] parts = args.strip().split("\\s+", 2);
        String sub = parts[0].toLowerCase(Locale.ROOT);
        String rest = parts.length > 1 ? parts[1].strip() : "";
        CommunityPolicy policy = policies.policy(community);
        CommunityPolicy changed;
        String done;
        switch (sub) {
            case "" -> {
                turn.replyPrivately(describe(policy));
                return;
            }
            case "add" -> {
                String[] words = rest.split("\\s+", 3);
                CrisisCategory category = words.length < 2 ? null : CrisisCategory.parse(words[0]);
                if (category == null) {
                    throw new UsageException("Give a category and a phrase, for example /crisis add self_harm 0.7 "
                            + "do the thing. " + SETTINGS_USAGE);
                }
                double weight = 0.6;
                String phrase = rest.substring(words[0].length()).strip();
                if (words[1].matches("0?\\.\\d+|1(\\.0+)?")) {
                    weight = Double.parseDouble(words[1]);
                    phrase = words.length > 2 ? words[2] : "";
                }
                phrase = plainPhrase(phrase);
                if (policy.additions().size() >= CommunityPolicy.MAX_ENTRIES) {
                    throw new UsageException("This group already has " + CommunityPolicy.MAX_ENTRIES
                            + " added phrases; remove some first.");
                }
                changed = policy.withAddition(new LexiconEntry(phrase, category, weight));
                done = "Added \"" + phrase + "\" (" + category.label() + ", weight " + weight + ").";
            }
            case "allow" -> {
                String phrase = plainPhrase(rest);
                if (policy.allowList().size() >= CommunityPolicy.MAX_ENTRIES) {
                    throw new UsageException("The allow-list is full; remove some phrases first.");
                }
                changed = policy.withAllowed(phrase);
                done = "\"" + phrase + "\" no longer counts as crisis language here.";
            }
            case "remove" -> {
                String phrase = plainPhrase(rest);
                changed = policy.without(phrase);
                if (changed.equals(policy)) {
                    throw new UsageException("\"" + phrase + "\" is neither added nor allowed here.");
                }
                done = "Removed \"" + phrase + "\".";
            }
            case "threshold" -> {
                if (!rest.matches("0?\\.\\d{1,2}") || Double.parseDouble(rest) < 0.3 || Double.parseDouble(rest) > 0.9) {
                    throw new UsageException("Give a threshold from 0.3 (more alerts) to 0.9 (fewer); the default is "
                            + DetectorThresholds.defaults().crisis() + ".");
                }
                DetectorThresholds t = policy.thresholds();
                double crisis = Double.parseDouble(rest);
                changed = policy.withThresholds(new DetectorThresholds(crisis, t.relapse(), Math.max(t.high(), crisis)));
                done = "Crisis threshold set to " + crisis + ".";
            }
            case "country" -> {
                if (rest.equalsIgnoreCase("off")) {
                    changed = policy.withCountry(null);
                    done = "No default country: members whose country I can't tell see every line.";
                } else {
                    String code = countryCode(policy, rest);
                    changed = policy.withCountry(code);
                    done = "Members whose country I can't tell from their time zone get the lines for " + code + ".";
                }
            }
            case "line" -> {
                String[] words = rest.split("\\s+", 2);
                if (words.length < 2 || words[0].isBlank()) {
                    throw new UsageException("Give a country code and the line, for example /crisis line DE "
                            + "Telefonseelsorge 0800 111 0 111 (free, 24/7), or /crisis line DE off.");
                }
                String code = countryCode(policy, words[0]);
                if (words[1].strip().equalsIgnoreCase("off")) {
                    changed = policy.withLines(code, null);
                    done = "Back to the built-in lines for " + code + ".";
                } else {
                    String line = words[1].strip().replaceAll("\\p{Cntrl}", " ");
                    if (line.length() > 300) {
                        throw new UsageException("A crisis line is at most 300 characters.");
                    }
                    List<String> lines = new ArrayList<>(policy.lines().getOrDefault(code, List.of()));
                    if (lines.size() >= 5 || !policy.lines().containsKey(code)
                            && policy.lines().size() >= CommunityPolicy.MAX_ENTRIES) {
                        throw new UsageException("That is enough lines for " + code + "; /crisis line " + code
                                + " off starts over.");
                    }
                    lines.add(line);
                    changed = policy.withLines(code, lines);
                    done = "Members in " + code + " now see: " + String.join(" / ", lines);
                }
            }
            default -> throw new UsageException(SETTINGS_USAGE);
        }
        policies.save(community, changed);
        LOG.info("crisis settings '{}' changed for community {}", sub, community);
        turn.replyPrivately(done);
    }

    private String countryCode(CommunityPolicy policy, String typed) {
        String known = policy.resources(resources).countryCode(typed);
        if (known != null) {
            return known;
        }
        if (typed.strip().matches("(?i)[a-z]{2}")) {
            return typed.strip().toUpperCase(Locale.ROOT);
        }
        throw new UsageException("Give a two-letter country code such as US, GB or DE.");
    }

    /** A phrase as the lexicon writes it: folded, lower case, no apostrophes; at most 8 words. */
    private static String plainPhrase(String typed) {
        String phrase = TextNormalizer.standard().normalize(typed).text().strip();
        if (phrase.isEmpty() || phrase.length() > 80 || phrase.split("\\s+").length > 8) {
            throw new UsageException("Give a phrase of 1 to 8 words. " + SETTINGS_USAGE);
        }
        return phrase;
    }

    private static String describe(CommunityPolicy p) {
        StringBuilder sb = new StringBuilder("Crisis settings for this group:\n");
        sb.append("Threshold ").append(p.thresholds().crisis()).append(" (default ")
                .append(DetectorThresholds.defaults().crisis()).append(")\n");
        sb.append("Added phrases: ").append(p.additions().isEmpty() ? "none" : p.additions().stream()
                .map(e -> e.phrase() + " (" + e.category().name().toLowerCase(Locale.ROOT) + " " + e.weight() + ")")
                .collect(java.util.stream.Collectors.joining(", "))).append('\n');
        sb.append("Allowed phrases: ").append(p.allowList().isEmpty() ? "none"
                : String.join(", ", new java.util.TreeSet<>(p.allowList()))).append('\n');
        sb.append("Default country: ").append(p.country() == null ? "none" : p.country()).append('\n');
        sb.append("Own crisis lines: ").append(p.lines().isEmpty() ? "none" : String.join(", ", p.lines().keySet()))
                .append('\n').append(SETTINGS_USAGE);
        return sb.toString();
    }

    private void connectMentor(Turn turn, String categoryName) {
        CrisisCategory category = categoryName == null ? null : CrisisCategory.parse(categoryName);
        MentorPager.Reached reached;
        try {
            reached = pager.requestMentor(turn, category);
        } catch (RuntimeException e) {
            LOG.error("mentor request failed for event {}", turn.event().dedupeKey(), e);
            reached = MentorPager.Reached.NOBODY;
        }
        switch (reached) {
            case MENTOR -> turn.replyPrivately("Thank you for letting me. I've asked the mentors on call to reach out "
                    + "to you here. While you wait, the lines above are there for you too.");
            case MODERATORS -> turn.replyPrivately("No mentor is on call right now. The lines above answer any time, "
                    + "day or night, and I've let the moderators know.");
            default -> turn.replyPrivately("I'm sorry: no mentor can be reached through me right now. Please use one "
                    + "of the lines above; the people there are trained for exactly this and want to hear from you.");
        }
    }

    // ---- follow-ups (caring contacts) ----

    private static String followUpId(ChatUserId member, String offer, int n) {
        return FOLLOW_UP + ":" + member.platform().code() + ":" + member.value() + ":" + offer + ":" + n;
    }

    /** One gentle private follow-up after each configured delay, unless the member answers the offer first. */
    private void scheduleFollowUps(Turn turn) {
        if (followUps.isEmpty() || turn.profile().noFollowUps()) {
            return;
        }
        try {
            String offer = Long.toString(turn.now().toEpochMilli());
            String alert = pager.openAlert(turn.actor().id()).orElse("");
            for (int n = 1; n <= followUps.size(); n++) {
                context.dueQueue().schedule(new DueItem(followUpId(turn.actor().id(), offer, n), FOLLOW_UP,
                        turn.now().plus(followUps.get(n - 1)), turn.actor().id().platform().lowerName() + "|"
                        + turn.actor().id().value() + "|" + offer + "|" + n + "|" + alert).about(turn.actor().id()));
            }
        } catch (RuntimeException e) {
            LOG.error("follow-ups for event {} not scheduled", turn.event().dedupeKey(), e);
        }
    }

    /** The member answered the offer (or a follow-up): the rest of that offer's follow-ups are dropped. */
    private void cancelFollowUps(Turn turn, org.fellowship.core.store.ButtonAction action) {
        String offer = action.get("offer");
        if (offer == null) {
            return;
        }
        try {
            for (int n = 1; n <= followUps.size(); n++) {
                context.dueQueue().cancel(followUpId(turn.actor().id(), offer, n));
            }
        } catch (RuntimeException e) {
            LOG.warn("follow-ups of {} not cancelled: {}", turn.actor().id(), e.getMessage());
        }
    }

    /** Sends one follow-up, exactly once: its delivery is recorded before it is sent. */
    private final class FollowUp implements DueHandler {
        @Override
        public String kind() {
            return FOLLOW_UP;
        }

        @Override
        public DueLane lane() {
            return DueLane.CRISIS;
        }

        @Override
        public void run(DueItem item) {
            String[] p = item.payload().split("\\|", -1);
            ChatUserId member = new ChatUserId(Platform.parse(p[0]), p[1]);
            String offer = p[2];
            if (!p[4].isEmpty() && pager.attended(p[4])) {
                return; // a mentor or moderator took it (or it was resolved): a human is on it
            }
            Optional<String> open = pager.openAlert(member);
            if (open.isPresent() && pager.attended(open.get())) {
                return;
            }
            boolean off = context.profiles().find(member).map(MemberProfile::noFollowUps).orElse(false);
            if (off || !context.firstDelivery(item.id())) {
                return;
            }
            Map<String, String> data = Map.of("offer", offer);
            List<ButtonRow> buttons = List.of(
                    ButtonRow.of(button(member, "Connect me with a mentor", MENTOR_BUTTON, data),
                            button(member, "I'm OK", OK_BUTTON, data)),
                    ButtonRow.of(button(member, "Show the lines", LINES_BUTTON, data),
                            button(member, "Don't check on me", NO_FOLLOW_UPS_BUTTON, data)));
            String text = p[3].equals("1")
                    ? "Just checking in. I'm still here if you want to talk, any time."
                    : "Thinking of you today. I'm still here if you want to talk, and so are the crisis lines.";
            context.outbox().send(new OutboundMessage(Conversation.direct(member).id(), text, TextStyle.PLAIN, buttons,
                    null, Delivery.PRIVATE, member, Priority.URGENT), true);
            LOG.info("crisis follow-up {} sent to {}", p[3], member);
        }

        private org.fellowship.core.outbound.Button button(ChatUserId member, String label, String handler,
                                                           Map<String, String> data) {
            return new org.fellowship.core.outbound.Button(label, context.buttons().issue(
                    new org.fellowship.core.store.ButtonAction(handler, data, member), Duration.ofDays(2)));
        }
    }
}
