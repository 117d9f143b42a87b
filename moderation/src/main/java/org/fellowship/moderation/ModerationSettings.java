package org.fellowship.moderation;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;

/**
 * A community's moderation settings. Immutable; the {@code with...} methods return changed copies.
 *
 * @param allowedDomains domains (and their subdomains) link rules leave alone
 * @param exemptChats    chats of the community where no rule applies (e.g. a moderators' room)
 * @param exemptMentors  members the platform reports as mentors are exempt, like moderators always are
 * @param modLog         the chat that gets a line per case, or {@code null}
 * @param alertReceivers moderators who opted in to reports and review requests in their DMs
 * @param rulesText      what {@code /rules} shows, or {@code null}
 * @param welcomeText    what a newcomer is welcomed with, or {@code null} for no welcome
 * @param warningDecay   how long a warning's points count
 * @param ladder         automatic actions by active points, ascending
 * @param gate           the newcomer question, or {@code null} when newcomers may write at once
 * @param raid           join-raid detection and raid mode ({@link RaidWatch#OFF} unless moderators turned it on)
 */
public record ModerationSettings(CommunityId community, Set<String> allowedDomains, Set<String> exemptChats,
                                 boolean exemptMentors, ConversationId modLog, Set<ChatUserId> alertReceivers,
                                 String rulesText, String welcomeText, Duration warningDecay,
                                 List<LadderStep> ladder, Gate gate, RaidWatch raid) {
    /**
     * Links that are part of recovery life (fellowships, crisis lines) are allowed until moderators say otherwise.
     * Deliberately no profanity or drug-word presets: recovery talk is the reason the group exists.
     */
    public static final Set<String> DEFAULT_DOMAINS = Set.of("aa.org", "na.org", "smartrecovery.org",
            "findahelpline.com", "988lifeline.org", "samaritans.org", "recoverydharma.org", "al-anon.org");
    public static final Duration DEFAULT_DECAY = Duration.ofDays(30);
    /** Gentle by default: mutes only; moderators add kicks or bans themselves. */
    public static final List<LadderStep> DEFAULT_LADDER = List.of(
            new LadderStep(3, ActionType.MUTE, Duration.ofHours(1)),
            new LadderStep(5, ActionType.MUTE, Duration.ofHours(24)));

    public ModerationSettings {
        Objects.requireNonNull(community, "community");
        allowedDomains = Set.copyOf(allowedDomains);
        exemptChats = Set.copyOf(exemptChats);
        alertReceivers = Set.copyOf(alertReceivers);
        warningDecay = warningDecay == null ? DEFAULT_DECAY : warningDecay;
        ladder = ladder.stream().sorted(Comparator.comparingInt(LadderStep::points)).toList();
        raid = raid == null ? RaidWatch.OFF : raid;
    }

    public static ModerationSettings defaults(CommunityId community) {
        return new ModerationSettings(community, DEFAULT_DOMAINS, Set.of(), false, null, Set.of(), null, null,
                DEFAULT_DECAY, DEFAULT_LADDER, null, RaidWatch.OFF);
    }

    /** {@code true} when {@code host} is an allowed domain or a subdomain of one. */
    public boolean allows(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("www.")) {
            h = h.substring(4);
        }
        for (String d : allowedDomains) {
            if (h.equals(d) || h.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    public ModerationSettings withAllowedDomains(Set<String> value) {
        return new ModerationSettings(community, value, exemptChats, exemptMentors, modLog, alertReceivers, rulesText,
                welcomeText, warningDecay, ladder, gate, raid);
    }

    public ModerationSettings withExemptChats(Set<String> value) {
        return new ModerationSettings(community, allowedDomains, value, exemptMentors, modLog, alertReceivers,
                rulesText, welcomeText, warningDecay, ladder, gate, raid);
    }

    public ModerationSettings withExemptMentors(boolean value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, value, modLog, alertReceivers,
                rulesText, welcomeText, warningDecay, ladder, gate, raid);
    }

    public ModerationSettings withModLog(ConversationId value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, value, alertReceivers,
                rulesText, welcomeText, warningDecay, ladder, gate, raid);
    }

    public ModerationSettings withAlertReceiver(ChatUserId moderator, boolean on) {
        Set<ChatUserId> next = new LinkedHashSet<>(alertReceivers);
        if (on) {
            next.add(moderator);
        } else {
            next.remove(moderator);
        }
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, modLog, next, rulesText,
                welcomeText, warningDecay, ladder, gate, raid);
    }

    public ModerationSettings withRulesText(String value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, modLog, alertReceivers,
                value, welcomeText, warningDecay, ladder, gate, raid);
    }

    public ModerationSettings withWelcomeText(String value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, modLog, alertReceivers,
                rulesText, value, warningDecay, ladder, gate, raid);
    }

    public ModerationSettings withWarningDecay(Duration value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, modLog, alertReceivers,
                rulesText, welcomeText, value, ladder, gate, raid);
    }

    public ModerationSettings withGate(Gate value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, modLog, alertReceivers,
                rulesText, welcomeText, warningDecay, ladder, value, raid);
    }

    public ModerationSettings withLadder(List<LadderStep> value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, modLog, alertReceivers,
                rulesText, welcomeText, warningDecay, value, gate, raid);
    }

    public ModerationSettings withRaid(RaidWatch value) {
        return new ModerationSettings(community, allowedDomains, exemptChats, exemptMentors, modLog, alertReceivers,
                rulesText, welcomeText, warningDecay, ladder, gate, value);
    }
}
