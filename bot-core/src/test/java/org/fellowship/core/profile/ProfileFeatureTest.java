package org.fellowship.core.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.fellowship.core.testkit.BotHarness;
import org.junit.jupiter.api.Test;

class ProfileFeatureTest {
    private final BotHarness bot = BotHarness.builder().feature(new ProfileFeature()).build();
    private final BotHarness.User sam = bot.member("42", "Sam");

    @Test
    void setsAValidZoneAndShowsTheLocalTime() {
        bot.say(sam, "/timezone Europe/Berlin");
        // the harness clock starts at 2026-03-08T09:00Z, which is 10:00 in Berlin
        assertThat(bot.lastReply().text()).isEqualTo("Time zone set to Europe/Berlin. It's 10:00, Sunday 8 March there now.");
        assertThat(bot.core().context().profiles().find(sam.id()).orElseThrow().zone())
                .isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void acceptsAnyCaseAndCityNames() {
        bot.say(sam, "/timezone america/new_york");
        assertThat(bot.lastReply().text()).startsWith("Time zone set to America/New_York.");
        bot.say(sam, "/timezone Tokyo");
        assertThat(bot.lastReply().text()).startsWith("Time zone set to Asia/Tokyo.");
        bot.say(sam, "/timezone new york");
        assertThat(bot.lastReply().text()).startsWith("Time zone set to America/New_York.");
    }

    @Test
    void suggestsNearMissesAndKeepsTheOldZone() {
        bot.say(sam, "/timezone Europe/Berlin");
        bot.say(sam, "/timezone Europe/Berln");
        assertThat(bot.lastReply().text()).contains("I don't know the time zone \"Europe/Berln\"")
                .contains("Did you mean Europe/Berlin").contains("Usage: /timezone <Area/City>");
        bot.say(sam, "/timezone EST");
        assertThat(bot.lastReply().text()).contains("Did you mean America/New_York, America/Toronto, America/Detroit?")
                .doesNotContain("Brazil");
        assertThat(bot.core().context().profiles().find(sam.id()).orElseThrow().zone())
                .isEqualTo(ZoneId.of("Europe/Berlin"));
    }

    @Test
    void aUtcOffsetIsAcceptedWithAWarningAboutDaylightSaving() {
        bot.say(sam, "/timezone UTC+2");
        assertThat(bot.lastReply().text()).contains("Time zone set to UTC+02:00").contains("ignores daylight saving");
        assertThat(bot.core().context().profiles().find(sam.id()).orElseThrow().zone())
                .isEqualTo(java.time.ZoneOffset.ofHours(2));
        bot.say(sam, "/timezone -05:30");
        assertThat(bot.core().context().profiles().find(sam.id()).orElseThrow().zone())
                .isEqualTo(java.time.ZoneOffset.ofHoursMinutes(-5, -30));
        bot.say(sam, "/timezone +25");
        assertThat(bot.lastReply().text()).contains("I don't know the time zone");
    }

    @Test
    void showsTheCurrentZoneWithoutArguments() {
        bot.say(sam, "/timezone");
        assertThat(bot.lastReply().text()).contains("haven't set a time zone").contains("UTC");
    }

    @Test
    void refusesHostileInputClearly() {
        bot.say(sam, "/timezone " + "x".repeat(5000));
        assertThat(bot.lastReply().text()).contains("too long").hasSizeLessThan(200);
        bot.say(sam, "/timezone <b>\u202Eevil</b>");
        assertThat(bot.lastReply().text()).contains("I don't know the time zone");
    }

    @Test
    void languageOffersButtonsAndRefusesUnknownCodes() {
        bot.say(sam, "/language");
        assertThat(bot.lastReply().allButtons()).extracting(b -> b.label()).containsExactly("English");
        bot.press(sam, "English");
        assertThat(bot.lastReply().text()).isEqualTo("I'll reply in English.");
        bot.say(sam, "/language klingon");
        assertThat(bot.lastReply().text()).contains("I can't reply in \"klingon\" yet. Available: English (en).");
    }
}
