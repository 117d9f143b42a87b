package org.fellowship.core.safety;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The words and markers {@link ContextRules} reads around a phrase, in the normalised form the detector matches. */
final class ContextWords {
    static final Set<String> NEGATORS = Set.of("not", "never", "nt", "nobody", "neither");
    /** After a negator, these verbs make "not X" a statement of distress, not a denial ("can not stop"). */
    static final Set<String> NOT_A_DENIAL = Set.of("stop", "help", "wait", "stand", "bear", "handle", "cope",
            "take", "see", "find", "get", "keep", "sure", "know", "want", "care", "anymore", "live", "sleep", "eat",
            "be", "think", "even", "believe", "imagine");
    /** Before a negator, these make "not X" a thought held back, not a denial ("why not", "trying not to"). */
    static final Set<String> NOT_A_DENIAL_BEFORE = Set.of("why", "trying", "try", "tries", "struggling",
            "fighting");
    static final Set<String> FIRST_PERSON = Set.of("i", "me", "my", "myself", "mine", "im");
    static final Set<String> SECOND_PERSON = Set.of("you", "your", "yourself", "yours", "yourselves");
    static final Set<String> THIRD_PERSON = Set.of("he", "she", "they", "him", "her", "them", "his", "their",
            "himself", "herself", "themselves", "friend", "brother", "sister", "mom", "mother", "dad", "father", "son",
            "daughter", "husband", "wife", "boyfriend", "girlfriend", "someone", "somebody", "people", "person",
            "cousin", "uncle", "aunt", "partner", "grandma", "grandpa", "roommate", "classmate", "coworker", "kid",
            "child", "guy", "girl", "man", "woman", "patient", "patients", "others", "celebrity", "bf", "gf", "ex");
    static final Set<String> PAST_AUXILIARIES = Set.of("was", "were", "had", "used", "did", "once",
            "ago", "attempted", "tried");
    static final Set<String> REPORTING = Set.of("said", "says", "say", "told", "tell", "tells", "asked",
            "heard");
    static final List<String> PAST_MARKERS = List.of(" years ago", " year ago", " months ago", " month ago",
            "used to", "back then", "when i was", "in the past", "last year", "years back", "as a kid", "as a teen",
            "in high school", "in middle school", "in college", "at the time", "at that time", "back in ",
            "i survived", "survived", "recovered", "recovery", "since then", "gets better", "got better",
            "getting better", "looking back", "sober for", "clean for", "sober since", "clean since",
            "i was younger", "my teens", "my twenties", "growing up", "had been", "years old", "first attempt",
            "previous attempt", "past attempt", "history of",
            // a story told from the other side ("there was a time ...", "that's not me anymore")
            "there was a time", "back when", "remember when", "not me anymore", "how far i", "years out",
            "a better place", "saved my life", "when i first", "glad i didnt", "glad i did not", "at my bottom",
            "clean from", "free from", "free of", "my story");
    /**
     * A sobriety or recovery milestone in the message ("18 months sober", "clean since may", "happy 2 years"): with it,
     * a phrase in the past tense ("I wanted to die", "I was suicidal") is the writer's story, told as recovery.
     */
    static final Pattern MILESTONE = Pattern.compile(
            "\\b(\\d+|one|two|three|four|five|six|a) (days?|weeks?|months?|years?) (sober|clean|free)\\b"
                    + "|\\b(sober|clean) (for|since|today)\\b|\\bhappy (\\d+|one|two|three) (months?|years?)\\b"
                    + "|\\b(days?|weeks?|months?|years?) (sober|clean)( today)?\\b|\\bi want to live\\b");
    /** Past-tense words a phrase may start with ("wanted to die", "tried to kill myself", "was suicidal"). */
    static final Set<String> PAST_FORMS = Set.of("was", "were", "wanted", "tried", "attempted", "thought",
            "planned", "wrote", "used", "had", "felt");
    /**
     * With a milestone in the message, these past forms too make a phrase the writer's story told as recovery: the
     * warning signs that are things done ("gave away my things", "said my goodbyes", "googled how many pills"). Not
     * in {@link #PAST_FORMS}: without a milestone, "I gave away my dog" is recent behaviour, not a past state.
     */
    static final Set<String> PAST_DEEDS = Set.of("gave", "said", "googled", "looked", "researched", "searched",
            "counted", "lined", "found");
    static final List<String> SUPPORT_MARKERS = List.of("call 988", "text 988", "988", "741741", "hotline",
            "lifeline", "samaritans", "crisis line", "crisis text", "reach out", "here for you", "you are not alone",
            "not alone", "talk to someone", "talk to a therapist", "see a therapist", "get help", "seek help",
            "please do not", "please dont", "stay safe", "stay strong", "it gets better", "hope you", "hope things",
            "proud of you", "sending hugs", "hugs", "pm me", "dm me", "message me", "you deserve", "you matter",
            "you can do", "you got this", "i hope", "good luck", "feel free", "you are worth", "you will");

    private ContextWords() {
    }
}
