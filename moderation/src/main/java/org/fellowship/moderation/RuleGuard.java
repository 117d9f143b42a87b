package org.fellowship.moderation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.fellowship.core.engine.CommandRegistry;
import org.fellowship.core.engine.RecoveryDisclosure;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.core.text.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's moderation step for new and edited group messages (see
 * {@link org.fellowship.core.engine.MessageGuard}): checks the community's rules and logs, enforces or queues for
 * review what they hit. A message the safety screen flagged, or a crisis the semantic stage reads on a second look,
 * is never acted on, logged or excerpted; it is protected from manual actions for {@link #PROTECT_TTL} instead. A
 * message the screen reads as a relapse share, relapse danger or a craving is never punished automatically: an
 * enforced rule it hits sends it to moderator review, and the message stays.
 * Thread-safe (stateless apart from its collaborators).
 */
final class RuleGuard {
    /** How long a message flagged by the safety screen stays protected from manual actions. */
    static final Duration PROTECT_TTL = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(RuleGuard.class);

    private final RuleCache rules;
    private final CaseLog cases;
    private final Enforcement enforcement;
    private final CommandRegistry commands;
    private final HistoryRules history;
    private final ReviewQueue reviews;

    RuleGuard(RuleCache rules, CaseLog cases, Enforcement enforcement, CommandRegistry commands, HistoryRules history,
              ReviewQueue reviews) {
        this.rules = rules;
        this.cases = cases;
        this.enforcement = enforcement;
        this.commands = commands;
        this.history = history;
        this.reviews = reviews;
    }

    /** {@code false} when the message was removed. */
    boolean check(Turn turn, String text, boolean flagged) {
        Conversation chat = turn.conversation();
        if (chat.isDirect() || chat.community() == null || knownCommand(text)) {
            return true;
        }
        MessageRef message = messageOf(turn.event());
        if (flagged) {
            // Never act on, log or excerpt a crisis message; remember it so manual actions leave it alone too.
            protect(turn, message);
            return true;
        }
        CommunityId community = chat.community();
        RuleSet set = rules.compiled(community);
        if (set.isEmpty() || exempt(turn.actor(), chat, set.settings())) {
            return true;
        }
        List<Hit> hits = new ArrayList<>(set.evaluate(text, mentions(turn.event())));
        if (!(turn.event() instanceof MessageEdited)) { // an edit is not one more message for flood or repeat rules
            hits.addAll(history.hits(set, community, turn.actor().id(), text, turn.now()));
        }
        if (hits.isEmpty()) {
            return true;
        }
        if (turn.crisisOnSecondLook(text)) {
            // the semantic stage read a crisis the lexicon missed: handled as one, so protected, never punished
            protect(turn, message);
            return true;
        }
        return act(turn, community, message, text, hits);
    }

    private void protect(Turn turn, MessageRef message) {
        if (message != null) {
            try {
                cases.protect(message, PROTECT_TTL);
            } catch (StoreUnavailableException e) {
                LOG.warn("could not mark event {} as protected", turn.event().dedupeKey());
            }
        }
    }

    /** Commands the bot knows are left to their handlers; "/anything else" is checked like any message. */
    private boolean knownCommand(String text) {
        return CommandLine.parse(text).map(c -> commands.knows(c.name())).orElse(false);
    }

    private static boolean exempt(Member actor, Conversation chat, ModerationSettings settings) {
        return actor.moderator() || settings.exemptMentors() && actor.mentor()
                || settings.exemptChats().contains(chat.id().value());
    }

    private static MessageRef messageOf(InboundEvent event) {
        if (event instanceof MessageReceived m) {
            return m.message();
        }
        if (event instanceof CommandInvoked c) {
            return c.message();
        }
        return event instanceof MessageEdited e ? e.message() : null;
    }

    private static int mentions(InboundEvent event) {
        return event instanceof MessageReceived m ? m.mentionCount() : 0;
    }

    /** Logs, queues for review or enforces; {@code false} when the message was removed. */
    private boolean act(Turn turn, CommunityId community, MessageRef message, String text, List<Hit> hits) {
        ChatUserId member = turn.actor().id();
        ConversationId chat = turn.conversation().id();
        String msgId = message == null ? null : message.messageId();
        Comparator<Hit> strength = Comparator.comparing(h -> h.rule().action());
        for (Hit h : hits) {
            if (h.rule().mode() == RuleMode.LOG_ONLY) {
                enforcement.record(new ModCase(community, 0, turn.now(), "log", null, member, chat, msgId,
                        h.rule().id(), h.why(), Excerpt.of(text, h.start(), h.end()), "log only"));
            }
        }
        Hit enforced = hits.stream().filter(h -> h.rule().mode() == RuleMode.ENFORCE).max(strength).orElse(null);
        Hit review = hits.stream().filter(h -> h.rule().mode() == RuleMode.REVIEW_FIRST).max(strength).orElse(null);
        Optional<RecoveryDisclosure> disclosed = enforced == null ? Optional.empty() : turn.recoveryDisclosure(text);
        if (disclosed.isPresent()) {
            // recovery talk is never punished automatically: the message stays and a moderator decides
            Hit held = review != null && review.rule().action().compareTo(enforced.rule().action()) > 0
                    ? review : enforced;
            reviews.request(turn, community, message, text, held,
                    "held for review: it reads as " + disclosed.get().words());
            return true;
        }
        boolean deleted = false;
        if (enforced != null) {
            deleted = enforce(turn, community, message, text, enforced, hits);
        }
        if (review != null && (enforced == null || review.rule().action().compareTo(enforced.rule().action()) > 0)) {
            reviews.request(turn, community, message, text, review, null);
        }
        return !deleted;
    }

    private boolean enforce(Turn turn, CommunityId community, MessageRef message, String text, Hit hit, List<Hit> all) {
        Rule rule = hit.rule();
        ChatUserId member = turn.actor().id();
        ConversationId chat = turn.conversation().id();
        String excerpt = Excerpt.of(text, hit.start(), hit.end());
        String reason = hit.why() + also(all, hit);
        List<Enforcement.Outcome> outcomes = new ArrayList<>(enforcement.apply(rule.action() == ActionType.WARN
                ? ActionType.DELETE : rule.action(), rule.muteFor(), chat, message, member, turn.now()));
        boolean deleted = rule.action().deletes() && !outcomes.isEmpty() && outcomes.get(0).ok();
        boolean memberActed = rule.action().compareTo(ActionType.MUTE) >= 0 && outcomes.get(outcomes.size() - 1).ok();
        Enforcement.Outcome combined = Enforcement.combined(outcomes);
        ModCase recorded;
        if (rule.action() == ActionType.WARN) {
            recorded = enforcement.warn(community, chat, turn.conversation().title(), member, null,
                    "your message broke a group rule (" + kindPhrase(rule.kind()) + ", rule #" + rule.id() + ")"
                            + (deleted ? " and was removed" : ""), rule.id(), excerpt, message,
                    turn.now()).warnCase();
            if (!outcomes.get(0).ok()) {
                enforcement.record(new ModCase(community, 0, turn.now(), "delete", null, member, chat,
                        message == null ? null : message.messageId(), rule.id(), reason, "", outcomes.get(0).text()));
            }
        } else {
            recorded = enforcement.record(new ModCase(community, 0, turn.now(), rule.action().word(), null, member,
                    chat, message == null ? null : message.messageId(), rule.id(), reason, excerpt, combined.text()));
        }
        if (rule.action() == ActionType.ALERT) {
            Function<ChatUserId, String> line = enforcement.view().describeFor(recorded);
            enforcement.notifyModerators(community, chat, reader -> "Alert: " + line.apply(reader), m -> List.of(),
                    Set.of());
        } else if (!combined.ok()) {
            enforcement.notifyModerators(community, chat, "Case " + recorded.number() + " (rule #" + rule.id()
                    + ") needs you: " + combined.text(), m -> List.of(), Set.of());
        }
        if (rule.action() != ActionType.WARN && (deleted || memberActed)) {
            enforcement.tellMember(chat, member, notice(rule, turn.conversation().title(), deleted, memberActed)
                    + " " + Enforcement.rulesPointer(rules.settings(community)));
        }
        return deleted;
    }

    /**
     * What an automatic action did to the member, and for how long: "Your message in X was removed and you are muted
     * there for 2 hours: it contained ... (rule #3)." Only the parts that succeeded; never the pattern itself.
     */
    static String notice(Rule rule, String groupTitle, boolean deleted, boolean memberActed) {
        String where = groupTitle == null ? "the group" : groupTitle;
        String there = deleted ? "there" : "in " + where;
        String member = switch (rule.action()) {
            case MUTE -> "muted " + there + " for " + Durations.words(rule.muteFor());
            case KICK -> "removed from " + (deleted ? "it" : where) + " (you may join again)";
            default -> "banned from " + (deleted ? "it" : where);
        };
        String what;
        if (deleted && memberActed) {
            what = "Your message in " + where + " was removed and you are " + member;
        } else if (deleted) {
            what = "Your message in " + where + " was removed";
        } else {
            what = "You are " + member;
        }
        return what + ": it contained " + kindPhrase(rule.kind()) + " (rule #" + rule.id() + ").";
    }

    private static String also(List<Hit> all, Hit main) {
        List<String> others = all.stream().filter(h -> h != main && h.rule().mode() == RuleMode.ENFORCE)
                .map(h -> "#" + h.rule().id()).toList();
        return others.isEmpty() ? "" : " (also fired: " + String.join(", ", others) + ")";
    }

    /** What a member is told their message contained; never the pattern itself. */
    private static String kindPhrase(RuleKind kind) {
        return switch (kind) {
            case KEYWORD, PHRASE, REGEX -> "words this group's filter doesn't allow";
            case LINK -> "a link to a site that isn't on this group's allow-list";
            case INVITE -> "an invite to another group";
            case FLOOD -> "too many messages in a short time";
            case MENTIONS -> "too many mentions";
            case REPEAT -> "the same message repeated";
        };
    }
}
