package org.fellowship.moderation.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.moderation.ActionType;
import org.fellowship.moderation.CaseLog;
import org.fellowship.moderation.Gate;
import org.fellowship.moderation.RaidWatch;
import org.fellowship.moderation.LadderStep;
import org.fellowship.moderation.ModCase;
import org.fellowship.moderation.ModerationSettings;
import org.fellowship.moderation.Rule;
import org.fellowship.moderation.RuleKind;
import org.fellowship.moderation.RuleMode;
import org.fellowship.moderation.RuleStore;
import org.fellowship.moderation.Warning;
import org.fellowship.moderation.WarningStore;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link RuleStore}, {@link WarningStore} and {@link CaseLog} must have. */
public abstract class ModerationStoresContract {
    protected static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    protected static final CommunityId OTHER = new CommunityId(Platform.DISCORD, "555");
    protected static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    protected static final ChatUserId MOD = new ChatUserId(Platform.TELEGRAM, "7");
    protected static final ChatUserId MOD2 = new ChatUserId(Platform.TELEGRAM, "8");
    protected static final ConversationId CHAT = new ConversationId(Platform.TELEGRAM, "-1001");
    private static final Instant T0 = Instant.parse("2026-03-08T09:00:00Z");

    /** The clock the stores under test read (protection markers expire on it). */
    protected final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");

    protected abstract RuleStore newRuleStore();

    protected abstract WarningStore newWarningStore();

    protected abstract CaseLog newCaseLog();

    /** What the app does when a group becomes a supergroup with a new id (over Redis: the CommunityMigration). */
    protected abstract void migrate(WarningStore warnings, CaseLog cases, CommunityId from, CommunityId to);

    private static Rule draft(CommunityId community, RuleKind kind, String pattern) {
        return new Rule(community, 0, kind, pattern, 0, Duration.ZERO, ActionType.DELETE, null, RuleMode.LOG_ONLY, MOD,
                T0);
    }

    @Test
    void rulesGetGrowingIdsPerCommunityAndRoundTrip() {
        RuleStore store = newRuleStore();
        assertThat(store.rules(GROUP)).isEmpty();
        assertThat(store.revision(GROUP)).isZero();
        Rule a = store.add(draft(GROUP, RuleKind.KEYWORD, "*spam*"));
        Rule b = store.add(new Rule(GROUP, 99, RuleKind.FLOOD, "", 5, Duration.ofSeconds(10), ActionType.MUTE,
                Duration.ofMinutes(30), RuleMode.ENFORCE, MOD, T0));
        Rule other = store.add(draft(OTHER, RuleKind.REGEX, "b(u|oo)y\\s+now"));
        assertThat(a.id()).isEqualTo(1);
        assertThat(b.id()).as("the draft's id is ignored").isEqualTo(2);
        assertThat(other.id()).as("numbered per community").isEqualTo(1);
        assertThat(store.rules(GROUP)).containsExactly(a, b);
        assertThat(store.rules(OTHER)).containsExactly(other);
        assertThat(store.revision(GROUP)).isPositive();
    }

    @Test
    void replaceAndRemoveChangeTheRevisionAndIdsAreNeverReused() {
        RuleStore store = newRuleStore();
        Rule a = store.add(draft(GROUP, RuleKind.KEYWORD, "word"));
        long before = store.revision(GROUP);
        assertThat(store.replace(a.withMode(RuleMode.ENFORCE))).contains(a.withMode(RuleMode.ENFORCE));
        assertThat(store.revision(GROUP)).isNotEqualTo(before);
        assertThat(store.replace(a.withId(5))).isEmpty();
        assertThat(store.remove(GROUP, 5)).isFalse();
        assertThat(store.remove(GROUP, a.id())).isTrue();
        assertThat(store.rules(GROUP)).isEmpty();
        assertThat(store.add(draft(GROUP, RuleKind.KEYWORD, "next")).id()).isEqualTo(2);
    }

    @Test
    void settingsDefaultAndRoundTrip() {
        RuleStore store = newRuleStore();
        assertThat(store.settings(GROUP)).isEqualTo(ModerationSettings.defaults(GROUP));
        ModerationSettings s = ModerationSettings.defaults(GROUP)
                .withAllowedDomains(Set.of("example.org"))
                .withExemptChats(Set.of("-1002"))
                .withExemptMentors(true)
                .withModLog(new ConversationId(Platform.TELEGRAM, "-1009"))
                .withAlertReceiver(MOD, true)
                .withRulesText("Be kind.\nNo selling.")
                .withWelcomeText("Glad you're here.")
                .withWarningDecay(Duration.ofDays(14))
                .withLadder(List.of(new LadderStep(2, ActionType.ALERT, null),
                        new LadderStep(4, ActionType.MUTE, Duration.ofHours(2)), new LadderStep(6, ActionType.BAN, null)))
                .withGate(new Gate("What is this group for?", List.of("Recovery", "Selling", "Dating"),
                        Duration.ofMinutes(15)))
                .withRaid(RaidWatch.OFF.withThreshold(12, Duration.ofSeconds(90))
                        .started(Instant.parse("2026-03-08T09:15:30Z")));
        long before = store.revision(GROUP);
        store.saveSettings(s);
        assertThat(store.settings(GROUP)).isEqualTo(s);
        assertThat(store.revision(GROUP)).isNotEqualTo(before);
        assertThat(store.settings(OTHER)).isEqualTo(ModerationSettings.defaults(OTHER));
        store.saveSettings(s.withModLog(null).withRulesText(null).withWelcomeText(null).withGate(null));
        assertThat(store.settings(GROUP).gate()).isNull();
        store.saveSettings(store.settings(GROUP).withRaid(s.raid().ended(false)));
        assertThat(store.settings(GROUP).raid()).isEqualTo(new RaidWatch(false, 12, Duration.ofSeconds(90), 1, null));
        assertThat(store.settings(GROUP).modLog()).isNull();
        assertThat(store.settings(GROUP).rulesText()).isNull();
    }

    @Test
    void warningsCountUntilTheyExpireAndCanBeRemoved() {
        WarningStore store = newWarningStore();
        Warning w1 = new Warning(GROUP, SAM, 3, MOD, 1, "spam", T0, T0.plus(Duration.ofDays(1)));
        Warning w2 = new Warning(GROUP, SAM, 5, null, 2, "links", T0.plusSeconds(60), T0.plus(Duration.ofDays(30)));
        store.add(w1);
        store.add(w2);
        store.add(new Warning(OTHER, SAM, 1, MOD, 1, "elsewhere", T0, T0.plus(Duration.ofDays(30))));
        assertThat(store.active(GROUP, SAM, T0.plusSeconds(120))).containsExactly(w1, w2);
        assertThat(store.active(GROUP, SAM, T0.plus(Duration.ofDays(2)))).containsExactly(w2);
        assertThat(store.active(GROUP, MOD, T0)).isEmpty();
        assertThat(store.remove(GROUP, SAM, 5)).isTrue();
        assertThat(store.remove(GROUP, SAM, 5)).isFalse();
        assertThat(store.active(GROUP, SAM, T0)).isEmpty();
        assertThat(store.active(OTHER, SAM, T0)).hasSize(1);
    }

    private static ModCase caseAbout(ChatUserId subject, String action) {
        return new ModCase(GROUP, 0, T0, action, MOD, subject, CHAT, "m1", 2, "reason", "…spam link…", "done");
    }

    @Test
    void casesAreNumberedInOrderAndFoundByNumberAndSubject() {
        CaseLog log = newCaseLog();
        ModCase first = log.append(caseAbout(SAM, "delete"));
        ModCase second = log.append(new ModCase(GROUP, 0, T0, "log", null, null, null, null, 0, "", "", "log only"));
        ModCase third = log.append(caseAbout(SAM, "warn"));
        assertThat(List.of(first.number(), second.number(), third.number())).containsExactly(1L, 2L, 3L);
        assertThat(log.find(GROUP, 1)).contains(first);
        assertThat(log.find(GROUP, 2)).contains(second);
        assertThat(log.find(GROUP, 4)).isEmpty();
        assertThat(log.find(OTHER, 1)).isEmpty();
        assertThat(log.about(GROUP, SAM, 10)).containsExactly(third, first);
        assertThat(log.about(GROUP, SAM, 1)).containsExactly(third);
        assertThat(log.about(GROUP, MOD, 10)).isEmpty();
    }

    @Test
    void concurrentAppendsNeverShareANumber() throws Exception {
        CaseLog log = newCaseLog();
        ConcurrentLinkedQueue<Long> numbers = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> IntStream.range(0, 25)
                    .forEach(i -> numbers.add(log.append(caseAbout(SAM, "delete")).number())));
            threads.add(thread);
            thread.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(numbers).hasSize(100).doesNotHaveDuplicates();
        assertThat(log.find(GROUP, 100)).isPresent();
    }

    @Test
    void theFirstClaimWins() {
        CaseLog log = newCaseLog();
        assertThat(log.claim(GROUP, 4, MOD)).isEqualTo(MOD);
        assertThat(log.claim(GROUP, 4, MOD2)).isEqualTo(MOD);
        assertThat(log.claim(GROUP, 4, MOD)).isEqualTo(MOD);
        assertThat(log.claim(GROUP, 5, MOD2)).isEqualTo(MOD2);
        assertThat(log.claim(OTHER, 4, MOD2)).isEqualTo(MOD2);
    }

    @Test
    void forgetKeepsTheCasesAboutAMemberButClearsTheirWords() {
        CaseLog log = newCaseLog();
        ModCase aboutSam = log.append(caseAbout(SAM, "delete"));
        ModCase aboutMod2 = log.append(caseAbout(MOD2, "warn"));
        ModCase reportedBySam = log.append(new ModCase(GROUP, 0, T0, "report", SAM, MOD2, CHAT, "m2", 0, "rude", "",
                "open"));
        ModCase elsewhere = log.append(new ModCase(OTHER, 0, T0, "log", null, SAM, null, null, 1, "", "x", "log only"));
        assertThat(log.find(GROUP, aboutSam.number())).as("read back with its excerpt").contains(aboutSam);
        assertThat(log.export(SAM)).hasSize(3).allSatisfy((name, json) -> assertThat(name).startsWith("case "));
        assertThat(log.asEraser().holdsAnything(SAM)).isTrue();
        assertThat(log.forget(SAM)).isEqualTo(3);
        assertThat(log.export(SAM)).as("the records stay and are still exported").hasSize(3)
                .allSatisfy((name, json) -> assertThat(json).doesNotContain("spam link").doesNotContain("rude")
                        .doesNotContain("\"x\""));
        assertThat(log.asEraser().holdsAnything(SAM)).as("no words of the member are left").isFalse();
        assertThat(log.find(GROUP, aboutSam.number())).contains(aboutSam.withoutWords());
        assertThat(log.find(GROUP, aboutSam.number()).orElseThrow()).satisfies(c -> {
            assertThat(c.excerpt()).isEmpty();
            assertThat(c.reason()).as("the rule's reason is no member's words").isEqualTo(aboutSam.reason());
            assertThat(c.ruleId()).isEqualTo(aboutSam.ruleId());
            assertThat(c.action()).isEqualTo("delete");
            assertThat(c.at()).isEqualTo(aboutSam.at());
        });
        assertThat(log.find(GROUP, reportedBySam.number())).contains(reportedBySam.withoutWords());
        assertThat(log.find(GROUP, reportedBySam.number()).orElseThrow().reason()).isEmpty();
        assertThat(log.find(OTHER, elsewhere.number())).contains(elsewhere.withoutWords());
        assertThat(log.about(GROUP, SAM, 10)).containsExactly(aboutSam.withoutWords());
        assertThat(log.find(GROUP, aboutMod2.number())).as("other members' cases keep their words")
                .contains(aboutMod2);
        assertThat(log.append(caseAbout(MOD2, "delete")).number()).as("numbers are never reused").isEqualTo(4);
        assertThat(log.forget(SAM)).isZero();
    }

    @Test
    void protectionIsPerMessage() {
        CaseLog log = newCaseLog();
        MessageRef m = new MessageRef(CHAT, "m9");
        assertThat(log.isProtected(m)).isFalse();
        log.protect(m, Duration.ofDays(7));
        assertThat(log.isProtected(m)).isTrue();
        assertThat(log.isProtected(new MessageRef(CHAT, "m10"))).isFalse();
    }

    @Test
    void aSupergroupMigrationKeepsWarningsAndCasesFindableUnderTheNewId() throws Exception {
        CommunityId supergroup = new CommunityId(Platform.TELEGRAM, "-1009999");
        WarningStore warnings = newWarningStore();
        CaseLog cases = newCaseLog();
        warnings.add(new Warning(GROUP, SAM, 1, MOD, 2, "spam", T0, T0.plus(Duration.ofDays(30))));
        ModCase warned = cases.append(new ModCase(GROUP, 0, T0, "warn", MOD, SAM, CHAT, "m1", 0, "spam", "buy now",
                "warned"));

        java.util.concurrent.CompletableFuture<Void> one = java.util.concurrent.CompletableFuture.runAsync(
                () -> migrate(warnings, cases, GROUP, supergroup));
        java.util.concurrent.CompletableFuture<Void> two = java.util.concurrent.CompletableFuture.runAsync(
                () -> migrate(warnings, cases, GROUP, supergroup));
        one.get();
        two.get();
        migrate(warnings, cases, GROUP, supergroup);

        assertThat(warnings.active(GROUP, SAM, T0)).isEmpty();
        assertThat(warnings.active(supergroup, SAM, T0)).singleElement().satisfies(w -> {
            assertThat(w.points()).isEqualTo(2);
            assertThat(w.community()).isEqualTo(supergroup);
        });
        assertThat(cases.find(supergroup, warned.number())).isPresent();
        assertThat(cases.about(supergroup, SAM, 10)).hasSize(1);
        assertThat(cases.export(SAM)).hasSize(1).allSatisfy((name, value) -> assertThat(name).contains("-1009999"));
        assertThat(cases.forget(SAM)).isEqualTo(1);
        assertThat(cases.export(SAM)).hasSize(1);
        assertThat(cases.find(supergroup, warned.number()).orElseThrow().excerpt()).isEmpty();
    }

    @Test
    void protectionLastsItsTtlOnTheStoresClock() {
        CaseLog log = newCaseLog();
        MessageRef m = new MessageRef(CHAT, "m1");
        assertThat(log.isProtected(m)).isFalse();
        log.protect(m, Duration.ofHours(1));
        assertThat(log.isProtected(m)).isTrue();
        assertThat(log.isProtected(new MessageRef(CHAT, "m2"))).isFalse();
        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertThat(log.isProtected(m)).as("a millisecond before it ends").isTrue();
        clock.advance(Duration.ofMillis(1));
        assertThat(log.isProtected(m)).isFalse();
    }
}
