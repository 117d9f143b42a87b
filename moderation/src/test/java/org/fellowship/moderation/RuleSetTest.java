package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

class RuleSetTest {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");
    private static final ChatUserId MOD = new ChatUserId(Platform.TELEGRAM, "7");
    private final List<Rule> rules = new ArrayList<>();

    private Rule rule(RuleKind kind, String pattern, int limit, RuleMode mode) {
        Rule r = new Rule(GROUP, rules.size() + 1, kind, pattern, limit, Duration.ZERO, ActionType.DELETE, null, mode,
                MOD, Instant.EPOCH);
        rules.add(r);
        return r;
    }

    private Rule rule(RuleKind kind, String pattern) {
        return rule(kind, pattern, 0, RuleMode.ENFORCE);
    }

    private List<Integer> fired(String text) {
        return RuleSet.compile(rules, ModerationSettings.defaults(GROUP)).evaluate(text, 0).stream()
                .map(h -> h.rule().id()).toList();
    }

    @Test
    void keywordWildcardsWorkLikeDiscordAutoMod() {
        rule(RuleKind.KEYWORD, "cat");       // 1: whole word
        rule(RuleKind.KEYWORD, "dog*");      // 2: prefix
        rule(RuleKind.KEYWORD, "*fish");     // 3: suffix
        rule(RuleKind.KEYWORD, "*bird*");    // 4: anywhere
        assertThat(fired("a cat here")).containsExactly(1);
        assertThat(fired("concatenate")).isEmpty();
        assertThat(fired("cats")).isEmpty();
        assertThat(fired("doggo and dog")).containsExactly(2);
        assertThat(fired("hotdog")).isEmpty();
        assertThat(fired("catfish")).containsExactly(3);
        assertThat(fired("fishing")).isEmpty();
        assertThat(fired("blackbirds sing")).containsExactly(4);
        assertThat(fired("BIRD")).containsExactly(4);
    }

    @Test
    void keywordsSeeThroughSpellingTricksBecauseTheyShareTheCrisisNormaliser() {
        rule(RuleKind.KEYWORD, "spam");
        assertThat(fired("SP4M")).containsExactly(1);
        assertThat(fired("s p a m")).containsExactly(1);
        assertThat(fired("ѕраm")).as("Cyrillic look-alikes").containsExactly(1);
        assertThat(fired("sp\u200bam")).as("zero-width space").containsExactly(1);
    }

    @Test
    void phrasesMatchWordsInARowAndTheSpanPointsIntoTheOriginal() {
        Rule phrase = rule(RuleKind.PHRASE, "buy followers");
        String text = "Hey you should BUY   followers today";
        List<Hit> hits = RuleSet.compile(rules, ModerationSettings.defaults(GROUP)).evaluate(text, 0);
        assertThat(hits).singleElement().satisfies(h -> {
            assertThat(h.rule()).isEqualTo(phrase);
            assertThat(text.substring(h.start(), h.end())).isEqualTo("BUY   followers");
        });
        assertThat(fired("followers buy")).isEmpty();
    }

    @Test
    void regexRulesAreCaseInsensitiveAndEachOneIsReported() {
        rule(RuleKind.REGEX, "b(u|oo)y\\s+now");
        rule(RuleKind.REGEX, "\\d{3}-\\d{4}");
        rule(RuleKind.REGEX, "crypto");
        assertThat(fired("BOOY now and call 555-1234")).containsExactly(1, 2);
        assertThat(fired("nothing to see")).isEmpty();
        assertThat(fired("free CRYPTO")).containsExactly(3);
    }

    @Test
    void linksOutsideTheAllowListAndInvitesFire() {
        rule(RuleKind.LINK, "");
        rule(RuleKind.INVITE, "");
        assertThat(fired("meeting list at https://www.aa.org/find-aa")).as("recovery sites are allowed").isEmpty();
        assertThat(fired("call 988lifeline.org")).isEmpty();
        assertThat(fired("see https://spam.example.com/x")).containsExactly(1);
        assertThat(fired("cheap pills at pills.ru now")).containsExactly(1);
        assertThat(fired("join discord.gg/abc123")).containsExactly(1, 2);
        assertThat(fired("t.me/+AbCdEf")).containsExactly(1, 2);
        assertThat(fired("e.g. this is fine. day 30.5")).isEmpty();
        ModerationSettings allowDiscord = ModerationSettings.defaults(GROUP).withAllowedDomains(Set.of("discord.gg"));
        assertThat(RuleSet.compile(rules, allowDiscord).evaluate("discord.gg/abc", 0))
                .extracting(h -> h.rule().id()).containsExactly(2);
    }

    @Test
    void mentionSpamCountsPlatformAndTypedMentions() {
        rule(RuleKind.MENTIONS, "", 4, RuleMode.ENFORCE);
        RuleSet set = RuleSet.compile(rules, ModerationSettings.defaults(GROUP));
        assertThat(set.evaluate("hi @a @b @c", 0)).isEmpty();
        assertThat(set.evaluate("hi @a @b @c @d", 0)).hasSize(1);
        assertThat(set.evaluate("hi all", 5)).hasSize(1);
        assertThat(set.evaluate("mail me at sam@example", 0)).isEmpty();
    }

    @Test
    void offRulesAreLeftOut() {
        rule(RuleKind.KEYWORD, "cat", 0, RuleMode.OFF);
        assertThat(fired("cat")).isEmpty();
        assertThat(RuleSet.compile(rules, ModerationSettings.defaults(GROUP)).isEmpty()).isTrue();
    }

    @Test
    void recoveryTalkIsNeverAViolationWithTheDefaults() {
        // No presets: a community starts with no rules, and the default allow-list covers recovery sites.
        RuleSet none = RuleSet.compile(List.of(), ModerationSettings.defaults(GROUP));
        for (String text : List.of("I drank yesterday", "day 30 sober", "relapsed last night, back at day 1",
                "cravings for heroin are bad today", "detox was hard", "using again, need a meeting")) {
            assertThat(none.evaluate(text, 0)).as(text).isEmpty();
        }
    }

    @Test
    void hostileRegexOnHostileTextIsLinear() {
        rule(RuleKind.REGEX, "(x+x+)+y");
        rule(RuleKind.REGEX, "(a|aa)*b");
        // Catastrophic for a backtracking engine; RE2/J answers at once.
        assertThat(fired("x".repeat(5000) + "a".repeat(5000))).isEmpty();
    }

    @Test
    void excerptsAreShortAndNeverTheWholeMessage() {
        String text = "hello everyone, please buy my crypto coin today at the usual place, thanks a lot";
        int start = text.indexOf("crypto");
        String e = Excerpt.of(text, start, start + 6);
        assertThat(e).contains("crypto").hasSizeLessThanOrEqualTo(Excerpt.MAX + 2);
        assertThat(e.length()).isLessThan(text.length());
        assertThat(Excerpt.of("buy crypto", 4, 10)).isEqualTo("…crypto");
        assertThat(Excerpt.of("x", 0, 0)).isEmpty();
    }
}
