package org.fellowship.core.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fellowship.core.command.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crisis support: installs the {@link org.fellowship.core.engine.SafetyScreen} and the {@code /help-now}
 * (registered as {@code help_now}, which Telegram allows; the hyphen works too) and {@code /resources} commands. A message that reads as a crisis gets the member a warm private reply with crisis
 * lines for their country and an offer to connect with a mentor; nothing is posted to the group and the message
 * is reported as flagged, so moderation leaves it alone. Imminent relapse danger gets a gentler private note.
 * Private replies are not repeated to the same member within a cooldown (alert storms), but every crisis message
 * is still flagged. Logs carry event ids and categories, never text.
 */
public final class CrisisFeature implements Feature {
    static final String MENTOR_BUTTON = "crisis.mentor";
    static final String OK_BUTTON = "crisis.ok";
    private static final Logger LOG = LoggerFactory.getLogger(CrisisFeature.class);
    private static final Duration COOLDOWN = Duration.ofMinutes(10);

    private final CrisisDetector detector;
    private final CommunityPolicyStore policies;
    private final CrisisResources resources;
    private final MentorPager pager;
    private final Map<ChatUserId, Instant> lastCrisisReply = new ConcurrentHashMap<>();
    private final Map<ChatUserId, Instant> lastRelapseReply = new ConcurrentHashMap<>();

    public CrisisFeature(CrisisDetector detector, CommunityPolicyStore policies, CrisisResources resources,
                         MentorPager pager) {
        this.detector = detector;
        this.policies = policies;
        this.resources = resources;
        this.pager = pager;
    }

    /** Built-in lexicon and resources, in-memory community policies, no mentor chain. */
    public static CrisisFeature withDefaults(LanguageAnalyzer analyzer) {
        return new CrisisFeature(CrisisDetector.standard(analyzer), CommunityPolicyStore.inMemory(),
                CrisisResources.builtInTable(), MentorPager.NONE);
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        registry.safetyScreen(this::screen);
        registry.command("help_now", "", "Talk to someone now: crisis lines and a mentor", Access.EVERYONE,
                (turn, args) -> sendSupport(turn, null, "You asked for help, and that takes courage. I'm here."));
        registry.command("resources", "[country]", "Crisis lines, e.g. /resources uk", Access.EVERYONE, this::resources);
        registry.button(MENTOR_BUTTON, (turn, action) -> connectMentor(turn, action.get("category")));
        registry.button(OK_BUTTON, (turn, action) -> turn.replyPrivately(
                "Okay. I'm glad you're here. /help-now brings this back any time, day or night."));
    }

    /** The safety screen: {@code true} when the text reads as a crisis. */
    boolean screen(Turn turn, String text) {
        if (text == null || text.isBlank() || turn.actor().bot()) {
            return false;
        }
        CommunityPolicy policy;
        try {
            policy = policies.policy(turn.conversation().community());
        } catch (RuntimeException e) {
            LOG.warn("community policy unavailable for event {}; using defaults", turn.event().dedupeKey());
            policy = CommunityPolicy.defaults();
        }
        Detection d = detector.detect(text, policy);
        boolean askingDirectly = text.startsWith("/help") || text.startsWith("/resources");
        if (d.flagged()) {
            LOG.info("crisis flagged for event {}: {} {} score {}", turn.event().dedupeKey(), d.category(),
                    d.severity(), String.format(java.util.Locale.ROOT, "%.2f", d.score()));
            if (!askingDirectly && due(lastCrisisReply, turn)) {
                sendSupport(turn, d.category(), "I'm really glad you said something, and I'm sorry things are this "
                        + "heavy right now. You don't have to carry it alone.");
            }
            return true;
        }
        if (d.relapse() && !askingDirectly && due(lastRelapseReply, turn)) {
            LOG.info("relapse danger for event {}: score {}", turn.event().dedupeKey(),
                    String.format(java.util.Locale.ROOT, "%.2f", d.score()));
            turn.replyPrivately("That sounds like a really hard moment. Cravings rise and they do pass. Could you "
                    + "put some distance between you and the drink or the use for the next half hour: call someone, "
                    + "get outside, eat something, play the tape forward? If you want a person, /help-now.");
        }
        return false;
    }

    private boolean due(Map<ChatUserId, Instant> last, Turn turn) {
        Instant now = turn.now();
        Instant previous = last.get(turn.actor().id());
        if (previous != null && previous.plus(COOLDOWN).isAfter(now)) {
            return false;
        }
        last.put(turn.actor().id(), now);
        return true;
    }

    private void sendSupport(Turn turn, CrisisCategory category, String opening) {
        String country = CrisisResources.countryOf(turn.profile().zone());
        StringBuilder text = new StringBuilder(opening).append("\n\nIf you might act on these thoughts or are in "
                + "danger, please call one of these now. They are free and there any time:\n");
        for (String line : resources.linesFor(country)) {
            text.append("\u2022 ").append(line).append('\n');
        }
        text.append("\nWould you like me to connect you with a mentor from this group now?");
        Map<String, String> data = category == null ? Map.of() : Map.of("category", category.name());
        List<ButtonRow> buttons = List.of(ButtonRow.of(
                turn.button("Yes, connect me with a mentor", MENTOR_BUTTON, data),
                turn.button("Not now", OK_BUTTON, Map.of())));
        urgent(turn, text.toString(), buttons);
    }

    /** A private reply that rate-limited adapters send before anything else. */
    private static void urgent(Turn turn, String text, List<ButtonRow> buttons) {
        turn.send(new OutboundMessage(turn.conversation().id(), text, TextStyle.PLAIN, buttons,
                turn.conversation().isDirect() ? turn.triggeringMessage() : null, Delivery.PRIVATE, turn.actor().id(),
                Priority.URGENT));
    }

    private void resources(Turn turn, String args) {
        String country;
        if (args.isBlank()) {
            country = CrisisResources.countryOf(turn.profile().zone());
        } else {
            country = resources.countryCode(args);
            if (country == null) {
                throw new UsageException("I don't have lines for that country yet; here is the international "
                        + "directory: https://findahelpline.com");
            }
        }
        StringBuilder text = new StringBuilder("Crisis lines, free and there any time:\n");
        for (String line : resources.linesFor(country)) {
            text.append("\u2022 ").append(line).append('\n');
        }
        text.append("If you'd like to talk to someone from this group, send /help-now.");
        turn.replyPrivately(text.toString());
    }

    private void connectMentor(Turn turn, String categoryName) {
        CrisisCategory category = categoryName == null ? null : CrisisCategory.parse(categoryName);
        boolean paged;
        try {
            paged = pager.requestMentor(turn, category);
        } catch (RuntimeException e) {
            LOG.error("mentor request failed for event {}", turn.event().dedupeKey(), e);
            paged = false;
        }
        if (paged) {
            turn.replyPrivately("Thank you for letting me. I've asked the mentors on call to reach out to you here. "
                    + "While you wait, the lines above are there for you too.");
        } else {
            turn.replyPrivately("I'm sorry: no mentor can be reached through me right now. Please use one of the "
                    + "lines above; the people there are trained for exactly this and want to hear from you.");
        }
    }
}
