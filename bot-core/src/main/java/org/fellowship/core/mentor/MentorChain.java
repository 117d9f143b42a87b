package org.fellowship.core.mentor;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.fellowship.core.alert.AlertContext;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.alert.MentorNotes;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.model.Access;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;

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
 * <p>This class only installs the chain and hands each call to the part that does the job: {@link RosterCommands},
 * {@link FellowshipCommand}, {@link AlertPaging}, {@link EscalationTimer} and {@link ReminderTimer},
 * {@link AlertButtons}, {@link ModeratorNotices}, {@link AuditTrail} and, for check-ins, {@link RosterNotes}.
 *
 * <p>Thread-safe.
 */
public final class MentorChain implements Feature, MentorPager, MentorNotes {
    /** How long a resolved alert's content is kept by default. */
    static final Duration DEFAULT_RESOLVED_RETENTION = Duration.ofDays(1);

    /** The parts that need the bot's context, made when the chain is installed. */
    private record Installed(AlertPaging paging, RosterNotes notes) {
    }

    private final MentorStore store;
    private final EscalationPolicy policy;
    private final Duration resolvedRetention;
    private final FellowshipGroups groups;
    private volatile Installed installed;

    /**
     * @param store             where roster and alerts live (shared by every instance of the bot)
     * @param policy            the chain's timing and bounds
     * @param resolvedRetention how long a resolved alert stays readable before it expires
     */
    MentorChain(MentorStore store, EscalationPolicy policy, Duration resolvedRetention) {
        this(store, policy, resolvedRetention, Set.of(), true);
    }

    private MentorChain(MentorStore store, EscalationPolicy policy, Duration resolvedRetention,
                        Set<CommunityId> communities, boolean everyGroupWhenNoneSet) {
        this.store = Objects.requireNonNull(store, "store");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.resolvedRetention = resolvedRetention;
        this.groups = new FellowshipGroups(store, communities, everyGroupWhenNoneSet);
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
        return new MentorChain(store, newPolicy, resolvedRetention, groups.configured(),
                groups.everyGroupWhenNoneSet());
    }

    /** The chain's timing and bounds. */
    EscalationPolicy policy() {
        return policy;
    }

    /**
     * The claim code the operator uses to make a group the fellowship's own ({@code /fellowship claim CODE}): made once
     * and kept in the store, so every instance and restart shows the same one until it is used.
     */
    String claimCode() {
        return groups.claimCode();
    }

    /** A new random claim code (16 characters from an unambiguous alphabet, 80 bits). */
    public static String freshClaimCode() {
        return FellowshipGroups.freshCode();
    }

    /** {@link EscalationPolicy#defaults()}, resolved alerts kept a day, on {@code store}. */
    public static MentorChain on(MentorStore store) {
        return new MentorChain(store, EscalationPolicy.defaults(), DEFAULT_RESOLVED_RETENTION);
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        AlertMessenger messenger = new AlertMessenger(context);
        FellowshipGroups groups = this.groups.resolving(context.aliases());
        AuditTrail audit = new AuditTrail(store, groups);
        ModeratorNotices notices = new ModeratorNotices(store, policy, groups, messenger, audit);
        AlertPaging paging = new AlertPaging(store, policy, resolvedRetention, groups, messenger, notices, audit,
                context.dueQueue());
        RosterCommands roster = new RosterCommands(store, groups, messenger);
        AlertButtons buttons = new AlertButtons(store, resolvedRetention, groups, messenger, paging, audit);
        String mentorUsage = "on|off | quiet HH:MM-HH:MM|off | capacity 1-" + RosterCommands.MAX_CAPACITY
                + " | language CODES";
        registry.command("mentor", mentorUsage,
                "Mentors: go on call for crisis alerts, set quiet hours, capacity and languages", Access.EVERYONE,
                roster::mentor);
        registry.command("mentor_tier", "<user id> <1-3>", "Moderators: set a mentor's escalation tier",
                Access.MODERATOR, roster::tier);
        registry.command("mentor_channel", "[off]",
                "Moderators: alerts no mentor acknowledged go to this channel (run it there)", Access.MODERATOR,
                roster::channel);
        registry.command("alert_audit", "<alert id>", "Moderators: the audit trail of one crisis alert",
                Access.MODERATOR, audit::command);
        registry.command("fellowship", "[claim CODE | unclaim]",
                "Moderators: the fellowship's own groups; claim this group with the operator's code", Access.MODERATOR,
                new FellowshipCommand(store, groups)::run);
        registry.button(AlertButtons.ALERT_BUTTON,
                (turn, action) -> buttons.press(turn, action.get("alert"), action.get("do")));
        registry.due(new EscalationTimer(store, policy, resolvedRetention, paging, notices, audit, context.clock()));
        registry.due(new ReminderTimer(store, policy, paging, messenger, audit, context));
        installed = new Installed(paging, new RosterNotes(store, messenger));
    }

    private Installed installed() {
        Installed parts = installed;
        if (parts == null) {
            throw new IllegalStateException("the mentor chain is used before it was installed");
        }
        return parts;
    }

    /** The roster as it is now (for tests and status). */
    List<Mentor> mentors() {
        return store.mentors();
    }

    /** The audit trail of one alert (for tests and moderators). */
    List<MentorAudit> auditOf(String alertId) {
        return store.auditOf(alertId);
    }

    @Override
    public Reached requestMentor(Turn turn, CrisisCategory category) {
        return installed().paging().requestMentor(turn, category);
    }

    @Override
    public void flagged(Turn turn, CrisisCategory category, AlertContext context, boolean worse) {
        installed().paging().flagged(turn, category, context, worse);
    }

    @Override
    public Optional<String> openAlert(ChatUserId member) {
        return installed().paging().openAlert(member);
    }

    @Override
    public boolean attended(String alertId) {
        return installed().paging().attended(alertId);
    }

    @Override
    public boolean serves(Turn turn) {
        return groups.serves(turn);
    }

    /** A roster mentor by platform id or name (any case, leading {@code @} ignored), for check-in risk signals. */
    @Override
    public Optional<RosterMentor> findMentor(Platform platform, String nameOrId) {
        return installed().notes().findMentor(platform, nameOrId);
    }

    /** A check-in risk note to one mentor: the same private, urgent DM path the escalation alerts use. */
    @Override
    public void notifyMentor(ChatUserId mentor, String text) {
        installed().notes().notifyMentor(mentor, text);
    }
}
