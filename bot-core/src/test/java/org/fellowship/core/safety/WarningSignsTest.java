package org.fellowship.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The lexicon's warning-sign phrases (988 Lifeline and AFSP warning signs, C-SSRS screener wording, SAMHSA overdose
 * guidance): each sign in first-person chat phrasing alerts, and the everyday or recovery uses of the same words do
 * not. The sentences are written for this test, not taken from the chat suite or any scored data; test names refer to
 * them by index, never by text.
 */
class WarningSignsTest {
    private final CrisisDetector detector = CrisisDetector.simple();

    @ParameterizedTest(name = "plan and means {index}")
    @ValueSource(strings = {
            "I know how I'm going to do it and I have what I need in the cupboard",
            "worked out how I will do it, it will be quick",
            "I'll make it look like an accident so mum gets the insurance",
            "I'm going somewhere quiet to use alone on purpose",
            "got enough saved to never wake up, it's sitting in my drawer",
            "going off on my own so nobody can save me this time",
            "I have the pills and I have a plan",
            "I have the rope, I know where I'll do it"})
    void planAndMeansAlert(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "mixing {index}")
    @ValueSource(strings = {
            "taking the rest of my script with a fifth of vodka, not caring if I wake up",
            "gonna wash the oxy down with rum and honestly I don't care if I wake up",
            "mixing my meds with wine tonight, I don't care whether I wake up or not",
            "I'll take them all at once with the whiskey"})
    void mixingToNotWakeUpAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "garage {index}")
    @ValueSource(strings = {
            "I'm sitting with the car running in the garage and the door down",
            "bought a hose to the exhaust, the garage is ready",
            "thinking of sitting in the closed garage with the engine running"})
    void carExhaustAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "giving away {index}")
    @ValueSource(strings = {
            "giving away all my records this week, won't need them where I'm going",
            "my sister will look after my cat when I'm gone",
            "found a good home for my dog and gave away all my tools this week",
            "I'm giving away everything I own, after I'm gone nobody has to sort it"})
    void givingAwayAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "goodbye {index}")
    @ValueSource(strings = {
            "wrote goodbye letters to my brothers and left them on the table",
            "I've written letters for when I'm gone, they're in the blue folder",
            "just wanted to say goodbye to all of you, thanks for trying",
            "getting my affairs in order, wrote my will, the letters to each of my kids are done",
            "please tell my kids I love them, this is my final message",
            "sorry for everything. you will never see me again"})
    void goodbyeAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "researching {index}")
    @ValueSource(strings = {
            "been googling how many pills it would take for someone like me",
            "what's a fatal dose of my sleeping meds",
            "searching for the most painless way to go",
            "how long does it take to die from the cold"})
    void researchingAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "stated time {index}")
    @ValueSource(strings = {
            "I'm going to end it tonight after everyone's asleep",
            "Sunday is my last day alive",
            "I will be dead by Friday and it's decided",
            "you won't hear from me after tonight",
            "by this time tomorrow I'll be gone"})
    void statedTimeAlerts(String text) {
        assertThat(detector.detect(text).flagged()).isTrue();
    }

    @ParameterizedTest(name = "progress, not risk {index}")
    @ValueSource(strings = {
            "I got rid of all my pills yesterday, 30 days clean today",
            "flushed all my pills down the toilet and told my sponsor, feels good",
            "gave all my pills to my wife to hold, one week sober",
            "I'm giving away my old bike, upgrading to a new one",
            "giving away my spare kettle if anyone wants it",
            "gave away my time at the food bank all weekend",
            "can someone water my plants when I'm gone for the weekend",
            "finding a new home for my dog because the new flat doesn't allow pets, I'm gutted",
            "I set a date to quit and tonight is the night I pour it all out",
            "goodbye everyone, I'm switching to the evening group, see you there",
            "day 12 and I am loving not waking up hungover",
            "I'll be gone for the weekend at my sister's, see you all Monday",
            "I have the pills for my blood pressure in a weekly box now",
            "I have everything I need to stay sober tonight: a meeting, my sponsor, tea",
            "how long does the urge take to die down? day 4 and it's loud",
            "my phone will be dead by noon, text me at the meeting instead",
            "the craving will be gone by morning, it always is",
            "I lined up my pills in the weekly organiser like my nurse showed me",
            "read my goodbye note to alcohol out loud at the meeting, this is goodbye to the bottle"})
    void progressAndEverydayDoNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @ParameterizedTest(name = "past, told as recovery {index}")
    @ValueSource(strings = {
            "two years ago I was giving away all my stuff and writing goodbye letters, today I'm 2 years sober",
            "back when I was drinking I used to google how many pills would it take, not me anymore",
            "I used to not care if I woke up, now I'm 18 months clean and I want to live",
            "I gave away all my guitars and said goodbye to everyone that winter. 3 years sober today",
            "I googled how many pills it would take more times than I can count; 9 months clean now"})
    void pastIdeationAsMilestoneDoesNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @ParameterizedTest(name = "idiom or support {index}")
    @ValueSource(strings = {
            "this commute is killing me",
            "that pile of paperwork is enough to kill a horse",
            "I would never give away my dog, he's my reason to get up",
            "if you are giving away your things or saying goodbye, please call 988, you matter",
            "my craving tonight is bad, I really want a drink but I'm calling my sponsor"})
    void idiomsAndSupportDoNotAlert(String text) {
        assertThat(detector.detect(text).flagged()).isFalse();
    }

    @Test
    void aDeedInThePastTenseIsStillASignWithoutAMilestone() {
        assertThat(detector.detect("I gave away all my guitars and said goodbye to everyone").flagged()).isTrue();
    }

    @Test
    void weakSignAloneDoesNotAlertButAddsToAnother() {
        // giving possessions away is weak alone; together with a goodbye it is a crisis
        assertThat(detector.detect("giving away my guitar").flagged()).isFalse();
        assertThat(detector.detect("giving away my guitar, this is goodbye").flagged()).isTrue();
    }
}
