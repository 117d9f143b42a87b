package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.fellowship.core.alert.CrisisCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Suites of short synthetic messages; test names refer to them by index, never by text. */
class CrisisDetectorTest {
    private final CrisisDetector detector = CrisisDetector.simple();

    @ParameterizedTest(name = "crisis {index}")
    @ValueSource(strings = {
            "I want to kill myself",
            "i am going to end my life tonight",
            "I took all my pills",
            "thinking about jumping off a bridge",
            "I don't want to be alive anymore",
            "i cant stop thinking about killing myself",
            "I keep cutting myself",
            "wrote my suicide note",
            "I have a rope and I am going to hang myself",
            "I wish I was dead",
            "everyone would be better off without me, I want to die",
            "gonna kms"})
    void crisisAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "indirect crisis {index}")
    @ValueSource(strings = {
            "I don't want to be here anymore",
            "honestly I wish I could just disappear and never come back",
            "there is no reason to keep going for me",
            "my family would be better off without me",
            "I can't do this anymore, I have a plan",
            "I wrote a note last night and put it in my drawer",
            "nobody would miss me if I was gone",
            "the only thing keeping me alive is my dog",
            "I just want to stop existing",
            "I wish I didn't exist",
            "I took a bunch of pills an hour ago",
            "i have the urge to cut again",
            "I told my therapist I want to kill myself",
            "I've been suicidal for years and it is getting worse",
            "why don't I just kill myself",
            "I'm trying not to hurt myself tonight",
            "last night I sat on the ledge of my window wondering whether or not I should jump",
            "I made the noose and stared at it for an hour",
            "were it not for my kids I would have killed myself by now",
            "staring at the pills, wondering if I should take them all",
            "I put the gun to my mouth and thought about pulling the trigger",
            "I'm hanging on by a thread and can't keep going",
            "once my parents are gone I will off myself",
            "I have given myself until Christmas to decide",
            "even on good days I still wish to die",
            "as someone who thinks about suicide every single day, I get it",
            "I tried before and reattempted twice since",
            "this is my goodbye to all of you",
            "lately I keep wishing there was some way out, pills or whatever",
            "I'll probably succumb to suicide before I'm 30",
            "everyone would be happier if I was gone",
            "life is not worth it anymore",
            "I see no point in going on",
            "nobody cares if I live or die",
            "this is the last time you'll hear from me",
            "I want to OD tonight",
            "I'm going to drink until I die",
            "I bought a rope today",
            "I've been saving up my pills for weeks",
            "I swallowed the whole bottle",
            "I keep thinking about driving into a wall on the way home",
            "I am so tired of everything. I hate myself and I feel suicidal every single day and I can't tell my family"})
    void indirectIdeationAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "writer narrative {index}")
    @ValueSource(strings = {
            "My life has been a mess since my divorce and I keep to myself. Suicide is on my mind a lot",
            "I stay in my room all day. My mind keeps going back to suicide and I am scared of myself"})
    void topicWordsInTheWritersOwnStoryWeighMore(String text) {
        Detection d = detector.detect(text);
        Detection bare = detector.detect("suicide");
        assertThat(d.crisisScore()).isGreaterThan(bare.crisisScore());
        assertThat(d.evidence()).anyMatch(e -> e.context().contains(ContextRules.Reason.WRITER_NARRATIVE));
    }

    @Test
    void riskFactorsAloneNeverAlertAndNeedARealIdeationPhraseToAddTo() {
        String riskOnly = "I feel hopeless and stuck, my job is pointless and nothing ever changes";
        assertThat(detector.detect(riskOnly).flagged()).isFalse();
        String weakAnchor = "I feel worthless and hopeless and trapped and I am stuck in my room";
        assertThat(detector.detect(weakAnchor).evidence()).noneMatch(e -> e.phrase().startsWith("~"));
        String anchored = "I think about ending my life a lot lately and I feel hopeless and trapped";
        assertThat(detector.detect(anchored).evidence()).anyMatch(e -> e.phrase().startsWith("~"));
    }

    @ParameterizedTest(name = "supportive indirect {index}")
    @ValueSource(strings = {
            "You are not a burden. If you feel like everyone would be better off without you, please call 988",
            "I know it feels like there is no reason to keep going, but you matter and I hope you reach out",
            "if you don't want to be here anymore, talk to someone tonight, you are not alone",
            "Please don't give up. I hope things get better for you, stay safe"})
    void supportiveRepliesToIndirectIdeationDoNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @ParameterizedTest(name = "evasion {index}")
    @ValueSource(strings = {
            "I want to k\u200bi\u200bl\u200bl myself",
            "I want to \u043a\u0456ll m\u0443self",
            "i want to k1ll mys3lf",
            "i want to k i l l myself",
            "i want to killlllll myself",
            "I w4nt t0 d1e",
            "I want to K.I.L.L myself"})
    void evasionsAlert(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "negated {index}")
    @ValueSource(strings = {
            "I'm not going to hurt myself",
            "I would never kill myself",
            "im not going to hurt myself, dont worry",
            "I told him I would never kill myself"})
    void negationDoesNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @ParameterizedTest(name = "past {index}")
    @ValueSource(strings = {
            "Two years ago I tried to kill myself and today I am grateful",
            "when I was 16 I used to cut myself",
            "I survived an overdose in 2019"})
    void pastAndRecoveredDoesNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @ParameterizedTest(name = "third person {index}")
    @ValueSource(strings = {
            "my friend said she wanted to overdose",
            "my brother overdosed last year",
            "he told me \"I want to die\" and I did not know what to say"})
    void thirdPersonAndQuotesDoNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @ParameterizedTest(name = "supportive {index}")
    @ValueSource(strings = {
            "please don't kill yourself, call 988",
            "If you want to die, please reach out, you are not alone",
            "call 988 or text them, they helped me",
            "Thinking about suicide? You are not alone, call 988 and talk to someone"})
    void supportiveRepliesDoNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @ParameterizedTest(name = "recovery talk {index}")
    @ValueSource(strings = {
            "I relapsed yesterday and I'm back",
            "drank a lot of water today",
            "killing it at work this week",
            "detox was hard but I made it",
            "my sponsor says cravings pass",
            "this song kills me",
            "I have cut myself off from my drinking buddies",
            "I don't want to live like this anymore, so I'm going to meetings",
            "suicide prevention month starts today",
            "I drank a whole bottle of wine last night and I hate how I feel today, my head hurts",
            "I am craving so hard tonight, I want a drink so bad, I feel like I can't do this",
            "I have been clean for 90 days and I am proud of myself, my sponsor helps me a lot",
            "I have a plan for tonight so I don't drink: a meeting, then dinner with my sister",
            "I am giving up drinking for good and I have given up on the bar crowd",
            "I drive my car into town for the Tuesday meeting",
            "goodbye everyone, see you at the meeting tomorrow",
            "I poured the whole bottle down the sink",
            "I was drinking myself to death before I got sober",
            "if I don't stop I know I will drink myself to death, so here I am on day 3"})
    void recoveryTalkDoesNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @Test
    void theWordSuicideAloneIsWeak() {
        Detection d = detector.detect("suicide");
        assertThat(d.flagged()).isFalse();
        assertThat(d.candidate()).isTrue();
        assertThat(d.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void resultCarriesCategorySeverityScoreAndSpans() {
        String text = "tonight I will take all my pills";
        Detection d = detector.detect(text);
        assertThat(d.flagged()).isTrue();
        assertThat(d.category()).isEqualTo(CrisisCategory.OVERDOSE_LETHAL_MEANS);
        assertThat(d.severity()).isEqualTo(Severity.HIGH);
        assertThat(d.score()).isGreaterThan(0.85);
        Evidence strongest = d.evidence().stream().filter(e -> e.phrase().equals("take all my pills")).findFirst().orElseThrow();
        assertThat(text.substring(strongest.start(), strongest.end())).isEqualTo("take all my pills");
    }

    @Test
    void relapseDangerIsReportedButIsNotACrisis() {
        Detection d = detector.detect("I'm about to drink, on my way to the liquor store");
        assertThat(d.flagged()).isFalse();
        assertThat(d.relapse()).isTrue();
        assertThat(d.category()).isEqualTo(CrisisCategory.RELAPSE_DANGER);
    }

    @Test
    void communityAdditionsAllowListAndThresholds() {
        LexiconEntry local = new LexiconEntry("catch the last ferry", CrisisCategory.SUICIDAL_IDEATION, 0.9);
        CommunityPolicy policy = new CommunityPolicy(List.of(local), Set.of("kms"), DetectorThresholds.defaults());
        assertThat(detector.detect("gonna catch the last ferry", policy).flagged()).isTrue();
        assertThat(detector.detect("walked 5 kms", policy).candidate()).isFalse();
        CommunityPolicy strict = new CommunityPolicy(List.of(), Set.of(), new DetectorThresholds(0.3, 0.5, 0.9));
        assertThat(detector.detect("feeling so hopeless and suicidal", strict).flagged()).isTrue();
    }

    @Test
    void analyserFailureFallsBackInsteadOfDroppingTheCandidate() {
        LanguageAnalyzer broken = text -> {
            throw new IllegalStateException("model missing");
        };
        assertThat(new CrisisDetector(Lexicon.builtIn(), broken).detect("I want to kill myself").flagged()).isTrue();
    }

    @Test
    void lexiconFormatErrorsNameTheLine() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                Lexicon.parse(new StringReader("# ok\nkill myself | nonsense | 0.9\n"), "x.txt")))
                .hasMessage("x.txt:2: unknown category 'nonsense'");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                Lexicon.parse(new StringReader("kill myself | self_harm\n"), "x.txt")))
                .hasMessageContaining("x.txt:1: expected");
    }

    @Test
    void builtInLexiconLoads() throws IOException {
        assertThat(Lexicon.builtIn().entries()).hasSizeGreaterThan(150);
    }

    @Test
    void matcherFindsOverlappingPhrasesOnWordBoundaries() {
        LexiconMatcher m = new LexiconMatcher(new Lexicon(List.of(
                new LexiconEntry("kill myself", CrisisCategory.SUICIDAL_IDEATION, 0.9),
                new LexiconEntry("myself", CrisisCategory.SELF_HARM, 0.1),
                new LexiconEntry("overdos*", CrisisCategory.OVERDOSE_LETHAL_MEANS, 0.4))));
        assertThat(m.find("i will kill myself").stream().map(x -> x.entry().phrase()))
                .containsExactly("kill myself", "myself");
        assertThat(m.find("skill myselfish")).isEmpty();
        assertThat(m.find("i will kiiiill myself")).hasSize(2);
        assertThat(m.find("i will kil myself")).extracting(x -> x.entry().phrase()).containsExactly("myself");
        LexiconMatcher doubles = new LexiconMatcher(new Lexicon(List.of(
                new LexiconEntry("noose", CrisisCategory.OVERDOSE_LETHAL_MEANS, 0.7),
                new LexiconEntry("die", CrisisCategory.SUICIDAL_IDEATION, 0.2))));
        assertThat(doubles.find("my nose")).isEmpty();
        assertThat(doubles.find("a noose")).hasSize(1);
        assertThat(doubles.find("diiie")).hasSize(1);
        assertThat(doubles.find("diie")).isEmpty();
        assertThat(m.find("he overdosed").get(0).end()).isEqualTo("he overdosed".length());
    }

    @Test
    void pastIdeationToldAsARecoveryMilestoneIsTheWritersStoryButPresentRiskStaysRisk() {
        assertThat(detector.detect("remember when I posted that I wanted to die? 18 months sober today, thank you all")
                .flagged()).isFalse();
        assertThat(detector.detect("there was a time I wanted to die every day. that's not me anymore").flagged())
                .isFalse();
        // the same milestone does not discount the present tense, nor a fight with an urge now
        assertThat(detector.detect("18 months sober and I want to die tonight").flagged()).isTrue();
        assertThat(detector.detect("I'm fighting the urge to cut").flagged()).isTrue();
        // a recovery event's name is no evidence
        assertThat(detector.detect("tomorrow is overdose awareness day, we light candles").flagged()).isFalse();
    }
}
