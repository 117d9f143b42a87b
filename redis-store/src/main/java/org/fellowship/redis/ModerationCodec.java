package org.fellowship.redis;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.moderation.ActionType;
import org.fellowship.moderation.Gate;
import org.fellowship.moderation.RaidWatch;
import org.fellowship.moderation.LadderStep;
import org.fellowship.moderation.ModCase;
import org.fellowship.moderation.ModerationSettings;
import org.fellowship.moderation.Rule;
import org.fellowship.moderation.RuleKind;
import org.fellowship.moderation.RuleMode;
import org.fellowship.moderation.Warning;

/**
 * JSON mapping of moderation records, in the style of {@link RecordCodec}: explicit versioned DTOs ({@code "v": 1}),
 * members as {@code <platform code>:<id>}, instants as ISO-8601, durations in seconds, enums by name. The community
 * and the rule id live in the key and hash field, not the JSON. Thread-safe. Error messages never hold content.
 */
final class ModerationCodec {
    static final int VERSION = VersionedJson.VERSION;

    private final VersionedJson versioned = new VersionedJson();

    record RuleV1(int v, String kind, String pattern, int limit, long windowSeconds, String action, long muteSeconds,
                  String mode, String createdBy, String createdAt) {
    }

    record LadderV1(int points, String action, long muteSeconds) {
    }

    record SettingsV1(int v, List<String> allowedDomains, List<String> exemptChats, boolean exemptMentors,
                      String modLog, List<String> alertReceivers, String rulesText, String welcomeText,
                      long decaySeconds, List<LadderV1> ladder, GateV1 gate, RaidV1 raid) {
    }

    /** Absent in records written before raid detection existed: detection off. */
    record RaidV1(boolean enabled, int joins, long windowSeconds, int raids, String activeSince) {
    }

    record GateV1(String question, List<String> answers, long timeSeconds) {
    }

    record WarningV1(int v, long id, String moderator, int points, String reason, String at, String expiresAt) {
    }

    record CaseV1(int v, long number, String at, String action, String actor, String subject, String chat,
                  String messageId, int ruleId, String reason, String excerpt, String outcome) {
    }

    static String user(ChatUserId id) {
        return id == null ? null : id.platform().code() + ":" + id.value();
    }

    static ChatUserId user(String text) {
        if (text == null) {
            return null;
        }
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalStateException("stored member id has no platform");
        }
        return new ChatUserId(VersionedJson.platform(text.substring(0, colon)), text.substring(colon + 1));
    }

    private static String chat(ConversationId id) {
        return id == null ? null : id.platform().code() + ":" + id.value();
    }

    private static ConversationId chat(String text) {
        ChatUserId parsed = user(text);
        return parsed == null ? null : new ConversationId(parsed.platform(), parsed.value());
    }

    String writeRule(Rule r) {
        return versioned.write(new RuleV1(VERSION, r.kind().name(), r.pattern(), r.limit(), r.window().toSeconds(),
                r.action().name(), r.muteFor().toSeconds(), r.mode().name(), user(r.createdBy()),
                r.createdAt().toString()), "rule");
    }

    Rule readRule(CommunityId community, int id, String json) {
        RuleV1 d = versioned.read(json, RuleV1.class, "rule");
        try {
            return new Rule(community, id, RuleKind.valueOf(d.kind()), d.pattern(), d.limit(),
                    Duration.ofSeconds(d.windowSeconds()), ActionType.valueOf(d.action()),
                    Duration.ofSeconds(d.muteSeconds()), RuleMode.valueOf(d.mode()), user(d.createdBy()),
                    Instant.parse(d.createdAt()));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored rule record is invalid", e);
        }
    }

    String writeSettings(ModerationSettings s) {
        return versioned.write(new SettingsV1(VERSION, s.allowedDomains().stream().sorted().toList(),
                s.exemptChats().stream().sorted().toList(), s.exemptMentors(), chat(s.modLog()),
                s.alertReceivers().stream().map(ModerationCodec::user).sorted().toList(), s.rulesText(),
                s.welcomeText(), s.warningDecay().toSeconds(), s.ladder().stream()
                .map(l -> new LadderV1(l.points(), l.action().name(), l.muteFor().toSeconds())).toList(),
                s.gate() == null ? null : new GateV1(s.gate().question(), s.gate().answers(),
                        s.gate().timeLimit().toSeconds()), new RaidV1(s.raid().enabled(), s.raid().joins(),
                s.raid().window().toSeconds(), s.raid().raids(),
                s.raid().activeSince() == null ? null : s.raid().activeSince().toString())), "settings");
    }

    ModerationSettings readSettings(CommunityId community, String json) {
        SettingsV1 d = versioned.read(json, SettingsV1.class, "moderation settings");
        try {
            Set<ChatUserId> receivers = d.alertReceivers() == null ? Set.of()
                    : d.alertReceivers().stream().map(ModerationCodec::user).collect(Collectors.toSet());
            return new ModerationSettings(community, Set.copyOf(d.allowedDomains()), Set.copyOf(d.exemptChats()),
                    d.exemptMentors(), chat(d.modLog()), receivers, d.rulesText(), d.welcomeText(),
                    Duration.ofSeconds(d.decaySeconds()), d.ladder().stream().map(l -> new LadderStep(l.points(),
                    ActionType.valueOf(l.action()), Duration.ofSeconds(l.muteSeconds()))).toList(),
                    d.gate() == null ? null : new Gate(d.gate().question(), d.gate().answers(),
                            Duration.ofSeconds(d.gate().timeSeconds())),
                    d.raid() == null ? RaidWatch.OFF : new RaidWatch(d.raid().enabled(), d.raid().joins(),
                            Duration.ofSeconds(d.raid().windowSeconds()), d.raid().raids(),
                            d.raid().activeSince() == null ? null : Instant.parse(d.raid().activeSince())));
        } catch (IllegalArgumentException | NullPointerException | DateTimeException e) {
            throw new IllegalStateException("stored moderation settings record is invalid", e);
        }
    }

    String writeWarning(Warning w) {
        return versioned.write(new WarningV1(VERSION, w.id(), user(w.moderator()), w.points(), w.reason(),
                w.at().toString(), w.expiresAt().toString()), "warning");
    }

    Warning readWarning(CommunityId community, ChatUserId member, String json) {
        WarningV1 d = versioned.read(json, WarningV1.class, "warning");
        try {
            return new Warning(community, member, d.id(), user(d.moderator()), d.points(), d.reason(),
                    Instant.parse(d.at()), Instant.parse(d.expiresAt()));
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored warning record is invalid", e);
        }
    }

    String writeCase(ModCase c) {
        return versioned.write(new CaseV1(VERSION, c.number(), c.at().toString(), c.action(), user(c.actor()),
                user(c.subject()), chat(c.chat()), c.messageId(), c.ruleId(), c.reason(), c.excerpt(), c.outcome()),
                "case");
    }

    ModCase readCase(CommunityId community, String json) {
        CaseV1 d = versioned.read(json, CaseV1.class, "case");
        try {
            return new ModCase(community, d.number(), Instant.parse(d.at()), d.action(), user(d.actor()),
                    user(d.subject()), chat(d.chat()), d.messageId(), d.ruleId(), d.reason(), d.excerpt(), d.outcome());
        } catch (DateTimeException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("stored case record is invalid", e);
        }
    }
}
