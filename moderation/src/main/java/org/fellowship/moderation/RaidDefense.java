package org.fellowship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Subcommands;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.Access;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.store.ButtonAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Join raids: when a community turned detection on ({@code /raid on}) and more members join within the window than
 * its threshold allows, raid mode starts and the moderators are told privately, once per raid. During raid mode a
 * newcomer meets the {@link NewcomerGate} question when the community set one; otherwise they are muted with a
 * neutral notice until a moderator lets them in (the notice's button, or {@code /unmute}). Raid mode ends with
 * {@code /raid off}, or by itself once joins stayed under the threshold for {@link RaidWatch#QUIET}: a due item that
 * every further burst pushes back.
 *
 * <p>Joins are counted in the shared rate-limit store and the raid state lives in the moderation settings, so every
 * instance agrees; the end's due item is named after the raid's number, so only the instance that schedules it first
 * tells the moderators.
 */
final class RaidDefense implements DueHandler<RaidEnd> {
    private static final Logger LOG = LoggerFactory.getLogger(RaidDefense.class);
    static final String BUTTON = "mod.raid";
    /** How long a newcomer held during a raid stays muted unless a moderator lets them in sooner. */
    static final Duration HOLD = Duration.ofDays(1);
    private static final int MAX_JOINS = 1000;
    private static final Duration MIN_WINDOW = Duration.ofSeconds(10);
    private static final Duration MAX_WINDOW = Duration.ofHours(1);

    private final RuleStore rules;
    private final Enforcement enforcement;
    private final RateLimitStore limits;
    private final BotContext context;
    private final Subcommands routes;

    RaidDefense(RuleStore rules, Enforcement enforcement, RateLimitStore limits, BotContext context) {
        this.rules = rules;
        this.enforcement = enforcement;
        this.limits = limits;
        this.context = context;
        this.routes = Subcommands.of("raid")
                .bare(this::show)
                .sub("on", Access.MODERATOR, Targets.inGroup(this::on))
                .sub("off", Access.MODERATOR, Targets.inGroup(this::off))
                .sub("disable", Access.MODERATOR, Targets.inGroup(this::disable));
    }

    @Override
    public DueKind<RaidEnd> kind() {
        return RaidEnd.KIND;
    }

    /** {@code /raid}, {@code /raid on [joins] [seconds]}, {@code /raid off}, {@code /raid disable}. */
    void command(Turn turn, String args) {
        Targets.community(turn);
        routes.handle(turn, args);
    }

    private void show(Turn turn) {
        RaidWatch raid = rules.settings(Targets.community(turn)).raid();
        if (!raid.enabled()) {
            turn.replyPrivately("Raid detection is off. Turn it on with /raid on [joins] [seconds] (more than "
                    + RaidWatch.DEFAULT_JOINS + " joins within " + Durations.words(RaidWatch.DEFAULT_WINDOW)
                    + " unless you say otherwise).");
            return;
        }
        turn.replyPrivately("Raid detection is on: more than " + threshold(raid) + " starts raid mode.\n"
                + (raid.active() ? "Raid mode is ON since "
                + enforcement.view().when(raid.activeSince(), turn.actor().id()) + ": newcomers are "
                + "held until they answer the newcomer question or you let them in. End it with /raid off."
                : "Raid mode is off. /raid disable stops counting joins."));
    }

    private void on(Turn turn, CommunityId community, String args) {
        String[] words = args.isBlank() ? new String[0] : args.strip().split("\\s+");
        if (words.length > 2) {
            throw new UsageException("Say /raid on [joins] [seconds], e.g. /raid on 10 60.");
        }
        int joins = RaidWatch.DEFAULT_JOINS;
        Duration window = RaidWatch.DEFAULT_WINDOW;
        if (words.length > 0) {
            joins = words[0].matches("\\d{1,4}") ? Integer.parseInt(words[0]) : -1;
            if (joins < 2 || joins > MAX_JOINS) {
                throw new UsageException("Give the number of joins from 2 to " + MAX_JOINS + ", e.g. /raid on 10 60.");
            }
        }
        if (words.length > 1) {
            window = words[1].matches("\\d{1,6}") ? Duration.ofSeconds(Long.parseLong(words[1]))
                    : Durations.parse(words[1]);
            if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
                throw new UsageException("Give the window from 10 to 3600 seconds, e.g. /raid on 10 60.");
            }
        }
        ModerationSettings s = rules.settings(community);
        RaidWatch raid = s.raid().withThreshold(joins, window);
        rules.saveSettings(s.withRaid(raid));
        turn.replyPrivately("Raid detection is on: more than " + threshold(raid) + " starts raid mode. Then "
                + "newcomers are held until they answer the newcomer question (/gate) or you let them in, and you're "
                + "told privately. It ends with /raid off, or after " + Durations.words(RaidWatch.QUIET)
                + " without another burst.");
    }

    private void off(Turn turn, CommunityId community, String args) {
        ModerationSettings s = rules.settings(community);
        if (!s.raid().active()) {
            turn.replyPrivately("Raid mode is not on." + (s.raid().enabled() ? " Detection stays on; /raid disable "
                    + "stops it." : ""));
            return;
        }
        end(s, true);
        turn.replyPrivately("Raid mode is off; newcomers join as usual again. Anyone still held: use the button under "
                + "their notice or /unmute. Detection stays on; /raid disable stops it.");
    }

    private void disable(Turn turn, CommunityId community, String args) {
        ModerationSettings s = rules.settings(community);
        end(s, false);
        turn.replyPrivately("Raid detection is off: joins are no longer counted"
                + (s.raid().active() ? " and raid mode has ended." : "."));
    }

    private void end(ModerationSettings s, boolean stillEnabled) {
        if (s.raid().active()) {
            context.dueQueue().cancel(RaidEnd.id(s.community(), s.raid().raids()));
        }
        rules.saveSettings(s.withRaid(s.raid().ended(stillEnabled)));
    }

    private static String threshold(RaidWatch raid) {
        return raid.joins() + " joins within " + Durations.words(raid.window());
    }

    /**
     * Counts a join and starts or prolongs raid mode on a burst.
     *
     * @return whether raid mode is on for this newcomer (never for a moderator)
     */
    boolean joined(Turn turn, ModerationSettings settings) {
        RaidWatch raid = settings.raid();
        if (!raid.enabled()) {
            return false;
        }
        Instant now = turn.now();
        if (burst(settings.community(), raid, now)) {
            String id = RaidEnd.id(settings.community(), raid.active() ? raid.raids() : raid.raids() + 1);
            if (raid.active() || !start(turn, settings, id)) {
                context.dueQueue().reschedule(id, now.plus(RaidWatch.QUIET)); // still raiding: quiet period anew
            }
            return !turn.actor().moderator();
        }
        return raid.active() && !turn.actor().moderator();
    }

    /** Whether this join is more than the threshold allows within the window. A store outage counts as calm. */
    private boolean burst(CommunityId community, RaidWatch raid, Instant now) {
        String scope = "mod-raid-" + community.platform().code() + "-" + community.value();
        RateLimitStore.Window joins = new RateLimitStore.Window("joins:" + raid.joins() + ":"
                + raid.window().toSeconds(), raid.joins(), raid.window());
        try {
            return !limits.tryTake(scope, List.of(joins), now).isZero();
        } catch (StoreUnavailableException e) {
            LOG.warn("join count of {} unavailable: {}", community, e.getMessage());
            return false;
        }
    }

    /** Starts raid mode; {@code false} when another instance started this raid first (its end is then pending). */
    private boolean start(Turn turn, ModerationSettings settings, String endId) {
        CommunityId community = settings.community();
        ConversationId chat = turn.conversation().id();
        RaidWatch next = settings.raid().started(turn.now());
        if (!context.dueQueue().schedule(RaidEnd.KIND.item(endId, turn.now().plus(RaidWatch.QUIET),
                new RaidEnd(community, chat, next.raids())))) {
            return false;
        }
        rules.saveSettings(settings.withRaid(next));
        String where = turn.conversation().title() == null ? "your group" : turn.conversation().title();
        enforcement.notifyModerators(community, chat, "Raid mode is on in " + where + ": more than "
                + threshold(next) + ". Newcomers are held until they answer the newcomer question or you let them "
                + "in. Send /raid there to see it, /raid off to end it; it ends by itself after "
                + Durations.words(RaidWatch.QUIET) + " without another burst.", m -> List.of(), Set.of());
        return true;
    }

    /** Mutes a newcomer who joined during a raid in a community without a newcomer question, with a neutral notice. */
    void hold(Turn turn, ModerationSettings settings) {
        CommunityId community = settings.community();
        ConversationId chat = turn.conversation().id();
        ChatUserId member = turn.actor().id();
        Enforcement.Outcome muted = enforcement.memberAction(ActionType.MUTE, chat, member, HOLD, turn.now());
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "raid-hold", null, member, chat, null, 0,
                "joined during raid mode", "", muted.text()));
        if (!muted.ok()) {
            enforcement.notifyModerators(community, chat, "Case " + c.number() + " needs you: " + muted.text(),
                    m -> List.of(), Set.of());
            return;
        }
        Map<String, String> data = Map.of("p", chat.platform().lowerName(), "cv", community.value(),
                "m", member.value());
        turn.reply("Welcome, " + turn.actor().displayName() + "! New members are paused for a little while; a "
                + "moderator will let you in soon. Thank you for your patience.",
                List.of(new ButtonRow(List.of(enforcement.button("Let in (moderators)", BUTTON, data, null)))));
    }

    /** A moderator pressed "Let in" under a held newcomer's notice. */
    void pressed(Turn turn, ButtonAction a) {
        Platform platform = Platform.parse(a.get("p"));
        CommunityId community = turn.context().aliases().current(new CommunityId(platform, a.get("cv")));
        ConversationId chat = turn.conversation().id();
        if (!enforcement.confirmModerator(turn, chat)) {
            return;
        }
        ChatUserId member = new ChatUserId(platform, a.get("m"));
        Enforcement.Outcome lifted = enforcement.lift("unmute", chat, member);
        ModCase c = enforcement.record(new ModCase(community, 0, turn.now(), "raid-release", turn.actor().id(), member,
                chat, null, 0, "let in after a raid hold", "", lifted.text()));
        turn.replyPrivately(lifted.ok() ? "Let in: " + enforcement.view().names(chat).apply(member)
                + " can write now (case " + c.number() + ")." : "Case " + c.number() + ": " + lifted.text());
    }

    /** The quiet period passed: raid mode ends, and the moderators are told. */
    @Override
    public void run(DueItem item, RaidEnd end) {
        CommunityId community = context.aliases().current(end.community());
        ModerationSettings s = rules.settings(community);
        if (!s.raid().active() || s.raid().raids() != end.raid() || !context.firstDelivery(item.id())) {
            return; // ended by hand, or a later raid
        }
        rules.saveSettings(s.withRaid(s.raid().ended(true)));
        enforcement.notifyModerators(community, end.chat(), "Raid mode has ended: no burst of joins for "
                + Durations.words(RaidWatch.QUIET) + ". Newcomers join as usual again; anyone still held needs "
                + "the button under their notice or /unmute.", m -> List.of(), Set.of());
    }
}
