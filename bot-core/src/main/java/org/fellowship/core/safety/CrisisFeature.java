package org.fellowship.core.safety;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.model.Access;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;

/**
 * Crisis support: installs the {@link org.fellowship.core.engine.SafetyScreen} and the {@code /help_now}
 * (the hyphenated {@code /help-now} works too where a platform passes it) and {@code /resources} commands. A message
 * that reads as a crisis gets the member a warm private reply with crisis lines for their country and an offer to
 * connect with a mentor; nothing is posted to the group and the message is reported as flagged, so moderation leaves
 * it alone. Imminent relapse danger gets a gentler private note.
 * Private replies are not repeated to the same member within a cooldown (alert storms), but every crisis message
 * is still flagged. Logs carry event ids and categories, never text.
 *
 * <p>This class only installs; the jobs live in {@link CrisisScreen} (reading messages and handling a crisis),
 * {@link CrisisReply} (the reply and {@code /help_now}), {@link OfferButtons}, {@link FollowUps},
 * {@link ResourcesCommand} and {@link CrisisSettingsCommand}.
 */
public final class CrisisFeature implements Feature {
    static final String MENTOR_BUTTON = "crisis.mentor";
    static final String OK_BUTTON = "crisis.ok";
    static final String LINES_BUTTON = "crisis.lines";
    static final String NO_FOLLOW_UPS_BUTTON = "crisis.nofollowups";
    /** Follow-ups after half an hour and a day: the escalation policy's defaults, which the app passes in. */
    static final List<Duration> DEFAULT_FOLLOW_UPS = List.of(Duration.ofMinutes(30), Duration.ofDays(1));

    private final CrisisDetector detector;
    private final CommunityPolicyStore policies;
    private final CrisisResources resources;
    private final MentorPager pager;
    private final List<Duration> followUps;
    private final SemanticStage semantic;

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
    static CrisisFeature withDefaults(LanguageAnalyzer analyzer) {
        return new CrisisFeature(CrisisDetector.standard(analyzer), CommunityPolicyStore.inMemory(),
                CrisisResources.builtInTable(), MentorPager.NONE);
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        PolicyLookup lookup = new PolicyLookup(policies);
        FollowUps caring = new FollowUps(followUps, pager, context);
        CrisisReply reply = new CrisisReply(lookup, resources, pager, caring);
        ResourcesCommand lines = new ResourcesCommand(lookup, resources);
        OfferButtons offer = new OfferButtons(pager, caring, lines);
        registry.safetyScreen(new CrisisScreen(detector, lookup, pager, reply, caring, semantic, context.resumer()));
        registry.command("help_now", "", "Talk to someone now: crisis lines and a mentor", Access.EVERYONE,
                reply::helpNow);
        registry.command("resources", "[country]", "Crisis lines, e.g. /resources uk", Access.EVERYONE, lines::run);
        registry.command("crisis", "[add|allow|remove|threshold|country|line ...]",
                "Moderators: this group's crisis phrases, threshold and crisis lines", Access.MODERATOR,
                new CrisisSettingsCommand(policies, resources)::run);
        registry.button(MENTOR_BUTTON, offer::yes);
        registry.button(OK_BUTTON, offer::notNow);
        registry.button(LINES_BUTTON, offer::lines);
        registry.button(NO_FOLLOW_UPS_BUTTON, offer::noFollowUps);
        registry.due(caring);
    }
}
