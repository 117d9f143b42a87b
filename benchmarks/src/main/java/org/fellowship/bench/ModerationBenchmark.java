package org.fellowship.bench;

import com.google.re2j.Pattern;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.fellowship.moderation.ActionType;
import org.fellowship.moderation.ModerationSettings;
import org.fellowship.moderation.Rule;
import org.fellowship.moderation.RuleKind;
import org.fellowship.moderation.RuleMode;
import org.fellowship.moderation.RuleSet;

/**
 * Group moderation's rule evaluation for one community with 500 keyword rules (all four wildcard forms), 20 regex
 * rules and a link rule, on realistic chat messages, one thread: the compiled {@link RuleSet} (normalise once, one
 * Aho-Corasick pass, one combined RE2/J pre-check, one link scan) against a naive loop that checks every rule on its
 * own with an RE2/J pattern over the lower-cased text (and does not normalise, so it does less work).
 */
final class ModerationBenchmark {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-100");
    private static final ChatUserId MOD = new ChatUserId(Platform.TELEGRAM, "1");
    /** Mostly ordinary recovery chat; about one in ten carries spam a rule should catch. */
    private static final String[] MESSAGES = {
        "good morning everyone, day 12 today", "anyone going to the 7pm meeting?", "had a rough night but I'm ok",
        "my sponsor says cravings pass, and they do", "drank a lot of water and went for a run",
        "I relapsed yesterday and I'm back", "thank you all, this group keeps me going",
        "90 days!!! never thought I'd get here", "does anyone know a good online meeting in the evening?",
        "feeling anxious about the family dinner on sunday", "just checking in, craving is a 3 today",
        "meeting list is at https://www.aa.org/find-aa", "made it through the weekend without a drink",
        "the wedding was hard but I had soda water all night", "I can't sleep again, detox is rough",
        "new here, 3 days sober, scared", "sending hugs to everyone struggling today",
        "EARN $500 a day with crypto signals, DM me", "cheap pills at pillshop.example.com, call 555-123-4567",
        "join my betting group discord.gg/winbig"};
    private static final String[] STEMS = {"casino", "crypto", "bitcoin", "forex", "betting", "jackpot", "lottery",
        "giveaway", "airdrop", "nft", "token", "presale", "pump", "signals", "investor", "profit", "payout",
        "cashapp", "venmo", "paypal", "followers", "subscribers", "onlyfans", "webcam", "escort", "viagra", "cialis",
        "replica", "rolex", "loan", "credit", "debtfree", "richquick", "mlm", "downline", "sponsorme", "freemoney",
        "clickhere", "promo", "coupon", "discount", "wholesale", "dropship", "telegrambot", "whatsappme", "dmme",
        "hotsingles", "dating", "hookup", "spin", "slots", "poker", "roulette", "blackjack", "wager", "odds",
        "parlay", "sportsbook", "moonshot", "lambo", "hodl", "altcoin", "memecoin", "shitcoin", "rugpull", "scamcoin",
        "goldcoin", "minerfee", "stake", "yield", "apy", "defi", "miner", "mining", "wallet", "seedphrase",
        "privatekey", "recoverfunds", "hacker", "unlock", "jailbreak", "cracked", "keygen", "warez", "torrent",
        "streams", "iptv", "followback", "likes", "views", "boost", "growth", "marketing", "seo", "backlinks", "ads"};
    private static final String[] REGEXES = {"\\b\\d{3}[-. ]\\d{3}[-. ]\\d{4}\\b", "b(u|oo)y\\s+now",
        "earn\\s+\\$?\\d+\\s*(a|per)\\s*(day|week)", "(dm|message)\\s+me\\s+for", "\\bwhats\\s*app\\b",
        "free\\s+(money|cash|crypto)", "\\d+x\\s+(profit|returns?)", "limited\\s+time\\s+offer",
        "click\\s+(the\\s+)?link", "guaranteed\\s+(income|profit)", "work\\s+from\\s+home\\s+\\$",
        "\\bt\\.me/[a-z0-9_]{5,}", "investment\\s+opportunity", "(?:sugar|crypto)\\s*daddy",
        "double\\s+your\\s+(money|bitcoin)", "only\\s+\\d+\\s+spots?\\s+left", "act\\s+now", "100%\\s+legit",
        "no\\s+risk", "passive\\s+income"};

    private ModerationBenchmark() {
    }

    static List<Rule> rules() {
        Set<String> keywords = new LinkedHashSet<>();
        String[] forms = {"%s", "%s*", "*%s", "*%s*", "%ss", "%s%d*"};
        for (int i = 0; keywords.size() < 500; i++) {
            String stem = STEMS[i % STEMS.length];
            keywords.add(String.format(Locale.ROOT, forms[(i / STEMS.length) % forms.length], stem, i));
        }
        List<Rule> rules = new ArrayList<>();
        int id = 1;
        for (String k : keywords) {
            rules.add(rule(id++, RuleKind.KEYWORD, k));
        }
        for (String r : REGEXES) {
            rules.add(rule(id++, RuleKind.REGEX, r));
        }
        rules.add(rule(id, RuleKind.LINK, ""));
        return rules;
    }

    private static Rule rule(int id, RuleKind kind, String pattern) {
        return new Rule(GROUP, id, kind, pattern, 0, Duration.ZERO, ActionType.DELETE, null, RuleMode.ENFORCE, MOD,
                Instant.EPOCH);
    }

    /** The per-rule check a simple bot would write: one RE2/J pattern per keyword, regex and the link rule. */
    static List<Pattern> naive(List<Rule> rules) {
        List<Pattern> patterns = new ArrayList<>();
        for (Rule r : rules) {
            switch (r.kind()) {
                case KEYWORD -> {
                    String p = r.pattern();
                    boolean before = p.startsWith("*");
                    boolean after = p.endsWith("*");
                    String word = p.substring(before ? 1 : 0, p.length() - (after ? 1 : 0));
                    patterns.add(Pattern.compile((before ? "\\w*" : "\\b") + Pattern.quote(word)
                            + (after ? "\\w*" : "\\b")));
                }
                case REGEX -> patterns.add(Pattern.compile(r.pattern(), Pattern.CASE_INSENSITIVE));
                default -> patterns.add(Pattern.compile("(?:https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(?:com|net|org|gg)\\b"));
            }
        }
        return patterns;
    }

    static void run() {
        List<Rule> rules = rules();
        RuleSet compiled = RuleSet.compile(rules, ModerationSettings.defaults(GROUP));
        List<Pattern> naive = naive(rules);
        System.out.printf(Locale.ROOT, "moderation: %d keyword rules, %d regex rules, 1 link rule; %d distinct "
                + "messages (%d with spam), one thread%n", rules.size() - REGEXES.length - 1, REGEXES.length,
                MESSAGES.length, 3);
        double fast = measure("compiled rule set", 500_000, m -> compiled.evaluate(m, 0).size());
        double slow = measure("baseline: naive per-rule loop", 20_000, m -> {
            String lower = m.toLowerCase(Locale.ROOT);
            int n = 0;
            for (Pattern p : naive) {
                if (p.matcher(lower).find()) {
                    n++;
                }
            }
            return n;
        });
        System.out.printf(Locale.ROOT, "  ratio: %.1fx the naive loop (target: >= 50,000 messages/s and >= 10x)%n",
                fast / slow);
    }

    private static double measure(String name, int messages, java.util.function.ToIntFunction<String> work) {
        return Benchmarks.messagesPerSecond(name, MESSAGES, messages, work);
    }
}
