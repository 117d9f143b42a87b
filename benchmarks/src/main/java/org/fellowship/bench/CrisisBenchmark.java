package org.fellowship.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import org.fellowship.app.BotAssembly;
import org.fellowship.core.alert.CrisisCategory;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.text.PhraseMatcher;
import org.fellowship.core.text.TextNormalizer;
import org.fellowship.redis.RedisStore;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fellowship.core.safety.Lexicon;
import org.fellowship.core.safety.LexiconEntry;

/**
 * Stage 1 of crisis detection (normalise + Aho-Corasick over a lexicon of 1,000+ phrases) on short chat messages,
 * single-threaded, against what most bots do, measured in the same run: one big regex alternation, and a loop of
 * per-phrase regexes, both over the lower-cased text (and neither normalising, so they do less work).
 */
final class CrisisBenchmark {
    private static final String[] MESSAGES = {
        "good morning everyone, day 12 today", "anyone going to the 7pm meeting?", "had a rough night but I'm ok",
        "my sponsor says cravings pass, and they do", "drank a lot of water and went for a run",
        "killing it at work this week", "I relapsed yesterday and I'm back", "thank you all, this group keeps me going",
        "90 days!!! never thought I'd get here", "does anyone know a good online meeting in the evening?",
        "feeling anxious about the family dinner on sunday", "just checking in, craving is a 3 today",
        "I want to end my life", "please don't kill yourself, call 988", "made it through the weekend",
        "the wedding was hard but I had soda water all night", "I can't sleep again", "who's up for coffee after",
        "new here, 3 days sober, scared", "sending hugs to everyone struggling today"};

    private CrisisBenchmark() {
    }

    static void run() {
        Lexicon lexicon = bigLexicon();
        PhraseMatcher matcher = PhraseMatcher.ofPatterns(
                lexicon.entries().stream().map(LexiconEntry::phrase).toList());
        TextNormalizer normalizer = TextNormalizer.standard();
        List<String> phrases = lexicon.entries().stream().map(LexiconEntry::words).map(String::strip).toList();
        Pattern alternation = Pattern.compile("\\b(?:" + phrases.stream().map(Pattern::quote)
                .collect(Collectors.joining("|")) + ")");
        List<Pattern> perPhrase = phrases.stream().map(p -> Pattern.compile("\\b" + Pattern.quote(p))).toList();

        System.out.printf(Locale.ROOT, "crisis stage 1: %d phrases, %d distinct short messages, one thread%n",
                phrases.size(), MESSAGES.length);
        double stage1 = measure("normalise + Aho-Corasick", 1_000_000, m -> matcher.find(normalizer.fold(m)).size());
        double regex = measure("baseline: one regex alternation", 50_000, m -> {
            Matcher x = alternation.matcher(m.toLowerCase(Locale.ROOT));
            int n = 0;
            while (x.find()) {
                n++;
            }
            return n;
        });
        double loop = measure("baseline: loop of per-phrase regexes", 5_000, m -> {
            String lower = m.toLowerCase(Locale.ROOT);
            int n = 0;
            for (Pattern p : perPhrase) {
                if (p.matcher(lower).find()) {
                    n++;
                }
            }
            return n;
        });
        System.out.printf(Locale.ROOT, "  ratio: %.1fx the regex alternation, %.1fx the per-phrase loop%n",
                stage1 / regex, stage1 / loop);
    }

    /**
     * Message in to crisis resources out, in process, through the whole engine (dedupe, profile and button tokens
     * in real Redis, OpenNLP stage 2): p50 and p99 over distinct members writing crisis messages in a group.
     */
    static void latency(RedisStore store) {
        LastSend gateway = new LastSend();
        BotCore core = BotAssembly.build(store, Clock.systemUTC(), new Gateways().register(gateway),
                BotSettings.defaults(), Runnable::run, 10_000);
        String[] crisis = {"I want to end my life", "i am going to kill myself tonight", "I took all my pills",
            "honestly I just want to die", "I keep cutting myself and I can't stop"};
        Conversation group = new Conversation(new ConversationId(Platform.TELEGRAM, "-100"), ChatKind.GROUP,
                new CommunityId(Platform.TELEGRAM, "-100"), "group");
        int warmup = 2_000;
        int measured = 5_000;
        double[] millis = new double[measured];
        for (int i = 0; i < warmup + measured; i++) {
            Member member = new Member(new ChatUserId(Platform.TELEGRAM, "u" + i), "M", false, false, false);
            MessageReceived event = MessageReceived.simple("e" + i, group, member, Instant.now(), "m" + i,
                    crisis[i % crisis.length]);
            gateway.sentAt = 0;
            long start = System.nanoTime();
            core.engine().accept(event);
            long sent = gateway.sentAt;
            if (sent == 0) {
                throw new IllegalStateException("no crisis resources were sent for message " + i);
            }
            if (i >= warmup) {
                millis[i - warmup] = (sent - start) / 1e6;
            }
        }
        java.util.Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "crisis message in -> resources out (engine, real Redis, OpenNLP): "
                + "p50 %.2f ms, p99 %.2f ms over %,d messages%n", millis[measured / 2], millis[measured * 99 / 100],
                measured);
    }

    /** Remembers when the last message was sent. */
    private static final class LastSend extends SinkGateway {
        volatile long sentAt;

        @Override
        void sent(OutboundMessage message, long nanoTime) {
            sentAt = nanoTime;
        }
    }

    private static double measure(String name, int messages, java.util.function.ToIntFunction<String> work) {
        return Benchmarks.messagesPerSecond(name, MESSAGES, messages, work);
    }

    /** The built-in lexicon plus first-person variants of its stronger phrases, to 1,000+ phrases. */
    static Lexicon bigLexicon() {
        Lexicon builtIn = Lexicon.builtIn();
        Set<String> seen = new LinkedHashSet<>();
        List<LexiconEntry> entries = new ArrayList<>();
        for (LexiconEntry e : builtIn.entries()) {
            if (!e.prefix() && seen.add(e.phrase())) {
                entries.add(e);
            }
        }
        String[] leads = {"i am going to", "i want to", "i will", "i need to", "i plan to", "tonight i will",
            "i am about to", "i might", "i feel like i will", "i keep thinking i will", "i should"};
        String[] acts = {"kill myself", "end my life", "hurt myself", "cut myself", "take all my pills", "overdose",
            "jump off a bridge", "hang myself", "shoot myself", "drink again", "use again", "relapse", "disappear",
            "end it all", "give up", "stop eating", "drive into a wall", "walk into the sea", "buy a bottle",
            "call my dealer", "swallow everything", "take the whole bottle", "stop my meds", "sleep forever",
            "not wake up", "burn myself", "starve myself", "punish myself", "make it stop", "leave for good",
            "say goodbye", "write a note", "finish it", "do it tonight", "do it now", "go to the bridge",
            "go to the tracks", "take my own life", "end myself", "vanish", "kill them", "hurt someone",
            "hurt him", "hurt her", "stab someone", "drink a bottle", "drink myself to death", "use until i die",
            "mix pills and booze", "drive drunk", "crash the car", "run in front of a bus", "jump in front of a train",
            "overdose tonight", "take everything", "stockpile pills", "get a gun", "get a rope", "find a rope",
            "load the gun", "open the window", "lock the door", "let go", "not be here", "stop existing",
            "stop breathing", "cut deeper", "bleed out", "drown myself", "poison myself", "smash my head",
            "break my hand", "drink till i pass out", "use alone", "shoot up", "score tonight", "buy pills",
            "chase the high", "go to the liquor store", "pick up a drink", "have just one", "have one drink",
            "go to the bar", "crack a beer", "open the wine", "buy vodka", "find my dealer", "text my dealer",
            "relapse tonight", "give in", "throw it all away", "quit trying", "end this", "end the pain",
            "stop the pain"};
        for (String act : acts) {
            for (String lead : leads) {
                String phrase = lead + " " + act;
                if (seen.add(phrase)) {
                    entries.add(new LexiconEntry(phrase, CrisisCategory.SUICIDAL_IDEATION, 0.8));
                }
            }
        }
        return new Lexicon(entries);
    }
}
