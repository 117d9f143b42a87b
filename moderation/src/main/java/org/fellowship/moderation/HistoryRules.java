package org.fellowship.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.port.RateLimitStore;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.core.text.TextNormalizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flood and repeat rules, counted in the shared rate-limit store so every instance sees the same history. While the
 * store is down these rules are skipped (logged), never guessed. Thread-safe (stateless apart from the store).
 */
final class HistoryRules {
    private static final Logger LOG = LoggerFactory.getLogger(HistoryRules.class);

    private final RateLimitStore limits;

    HistoryRules(RateLimitStore limits) {
        this.limits = limits;
    }

    /** The history rules of {@code set} that {@code member}'s message {@code text} breaks now. */
    List<Hit> hits(RuleSet set, CommunityId community, ChatUserId member, String text, Instant now) {
        if (set.historyRules().isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>(1);
        String scope = "mod-" + community.platform().code() + "-" + community.value();
        for (Rule rule : set.historyRules()) {
            String name = rule.kind() == RuleKind.FLOOD ? "flood-" + rule.id() + "-" + member.value()
                    : "repeat-" + rule.id() + "-" + member.value() + "-"
                    + Integer.toHexString(TextNormalizer.standard().fold(text).hashCode());
            try {
                Duration wait = limits.tryTake(scope, List.of(new RateLimitStore.Window(name, rule.limit(),
                        rule.window())), now);
                if (!wait.isZero()) {
                    hits.add(new Hit(rule, 0, 0, rule.kind() == RuleKind.FLOOD
                            ? "more than " + rule.limit() + " messages in " + Durations.words(rule.window())
                            : "the same text more than " + rule.limit() + " times in " + Durations.words(rule.window())));
                }
            } catch (StoreUnavailableException e) {
                LOG.warn("rate store unavailable; {} rule {} skipped in {}", rule.kind(), rule.id(), community);
            }
        }
        return hits;
    }
}
