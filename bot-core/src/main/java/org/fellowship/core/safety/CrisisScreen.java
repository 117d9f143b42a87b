package org.fellowship.core.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.command.CommandNames;
import org.fellowship.core.engine.RecoveryDisclosure;
import org.fellowship.core.engine.Resumer;
import org.fellowship.core.engine.SafetyScreen;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.MessageRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safety screen: reads every member message for a crisis (the lexicon now, the semantic stage in the background
 * or, when moderation is about to act, at once) and handles one: the private reply, within a cooldown unless the new
 * message is worse; in a group a mentor paged at once; follow-ups. Imminent relapse danger gets a gentler private
 * note. Logs carry event ids and categories, never text.
 */
final class CrisisScreen implements SafetyScreen {
    private static final String HELP_NOW = CommandNames.HELP_NOW;
    private static final Logger LOG = LoggerFactory.getLogger(CrisisScreen.class);
    private static final Duration COOLDOWN = Duration.ofMinutes(10);

    /** The last crisis reply to a member: when, and how urgent the message was ({@link Urgency}). */
    private record LastReply(Instant at, int urgency) {
    }

    private final CrisisDetector detector;
    private final PolicyLookup policies;
    private final MentorPager pager;
    private final CrisisReply reply;
    private final FollowUps followUps;
    private final SemanticStage semantic;
    private final Resumer resumer;
    private final RecoveryReading recovery = new RecoveryReading();
    private final Map<ChatUserId, LastReply> lastCrisisReply = new ConcurrentHashMap<>();
    private final Map<ChatUserId, Instant> lastRelapseReply = new ConcurrentHashMap<>();
    /** Events a semantic crisis verdict was already acted on (second look or background), so it is acted on once. */
    private final Map<String, Instant> semanticVerdicts = new ConcurrentHashMap<>();

    /** @param semantic the semantic stage, or {@code null} for none */
    CrisisScreen(CrisisDetector detector, PolicyLookup policies, MentorPager pager, CrisisReply reply,
                 FollowUps followUps, SemanticStage semantic, Resumer resumer) {
        this.detector = detector;
        this.policies = policies;
        this.pager = pager;
        this.reply = reply;
        this.followUps = followUps;
        this.semantic = semantic;
        this.resumer = resumer;
    }

    /** The safety screen: {@code true} when the text reads as a crisis. */
    @Override
    public boolean screen(Turn turn, String text) {
        if (text == null || text.isBlank() || turn.actor().bot()) {
            return false;
        }
        CommunityPolicy policy = policies.of(turn);
        Detection d = detector.detect(text, policy);
        boolean askingDirectly = text.startsWith("/help") || text.startsWith("/resources");
        if (d.flagged()) {
            LOG.info("crisis flagged for event {}: {} {} score {}", turn.event().dedupeKey(), d.category(),
                    d.severity(), String.format(Locale.ROOT, "%.2f", d.score()));
            handleCrisis(turn, d, text, askingDirectly);
            return true;
        }
        if (!askingDirectly && semantic != null && worthReading(text)) {
            // the lexicon saw no crisis: the semantic stage reads the meaning in the background, and a crisis only it
            // sees comes back to this conversation as soon as the verdict is in
            InboundEvent event = turn.event();
            semantic.submit(text, d, reading -> resumer.resume(event, text,
                    later -> onSemanticCrisis(later, text, d, reading)));
        }
        if (d.relapse() && !askingDirectly && due(lastRelapseReply, turn)) {
            LOG.info("relapse danger for event {}: score {}", turn.event().dedupeKey(),
                    String.format(Locale.ROOT, "%.2f", d.score()));
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
    @Override
    public boolean secondLook(Turn turn, String text) {
        if (semantic == null || text == null || text.isBlank() || turn.actor().bot() || !worthReading(text)) {
            return false;
        }
        Detection lexicon = detector.detect(text, policies.of(turn));
        SemanticScorer.Reading reading = semantic.readNow(text, lexicon);
        return reading.crisis() && onSemanticCrisis(turn, text, lexicon, reading);
    }

    /** A relapse share, relapse danger or a craving in a message a rule hit (no reply of its own: screen() answered). */
    @Override
    public Optional<RecoveryDisclosure> recoveryDisclosure(Turn turn, String text) {
        if (text == null || text.isBlank() || turn.actor().bot()) {
            return Optional.empty();
        }
        return recovery.of(text, detector.detect(text, policies.of(turn)));
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
                turn.event().dedupeKey(), d.category(), String.format(Locale.ROOT, "%.2f",
                        reading.probability()), reading.basis());
        handleCrisis(turn, d, text, false);
        return true;
    }

    /** The lexicon's evidence (its spans make the excerpt when there are any) plus the part that read as risk. */
    static Detection semanticDetection(Detection lexicon, SemanticScorer.Reading reading) {
        CrisisCategory category = reading.category() != null ? reading.category() : CrisisCategory.SUICIDAL_IDEATION;
        List<Evidence> evidence = new ArrayList<>(lexicon.evidence());
        evidence.add(new Evidence(reading.start(), reading.end(), "semantic:" + reading.basis(), category,
                reading.probability(), 1, Set.of()));
        double score = Math.max(lexicon.crisisScore(), reading.probability());
        Severity severity = reading.probability() >= DetectorThresholds.defaults().high() ? Severity.HIGH
                : Severity.MEDIUM;
        return new Detection(true, category, severity, score, score, lexicon.relapseScore(), lexicon.relapse(),
                evidence);
    }

    /** A crisis read in a message: private reply (not repeated within the cooldown unless worse), pages, follow-ups. */
    private void handleCrisis(Turn turn, Detection d, String text, boolean askingDirectly) {
        int urgency = Urgency.of(d, text);
        boolean worse = worseThanLast(turn, urgency);
        boolean answer = !askingDirectly && (worse || dueCrisisReply(turn, urgency));
        String opening = worse
                ? "I'm still here, and what you just wrote worries me. Please reach out to someone right now."
                : "I'm really glad you said something, and I'm sorry things are this heavy right now. You "
                + "don't have to carry it alone.";
        boolean offered = false;
        if (turn.conversation().isDirect()) {
            // privately: the lines first, and a human only with the member's yes
            offered = answer && reply.send(turn, d.category(), opening, null);
            remember(turn, d, text, worse);
        } else {
            // in a group the words are already visible there: a mentor is paged at once, then the member is told
            // truthfully who was asked (both within the same turn)
            remember(turn, d, text, worse);
            MentorPager.Reached paged = reply.servedByMentors(turn) ? pageNow(turn, d.category()) : null;
            offered = answer && reply.send(turn, d.category(), opening, paged);
        }
        if (offered) {
            followUps.schedule(turn);
        }
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

    private static boolean due(Map<ChatUserId, Instant> last, Turn turn) {
        Instant now = turn.now();
        Instant previous = last.get(turn.actor().id());
        if (previous != null && previous.plus(COOLDOWN).isAfter(now)) {
            return false;
        }
        last.put(turn.actor().id(), now);
        return true;
    }
}
