package org.fellowship.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.profile.ProfileFeature;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.InMemoryDueQueue;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class PrivacyFeatureTest {
    private final InMemoryStores.Profiles profiles = new InMemoryStores.Profiles();
    private final BotHarness bot = harness();
    private final BotHarness.User sam = bot.member("42", "Sam");

    private BotHarness harness() {
        MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
        return BotHarness.builder().clock(clock)
                .stores(new InMemoryStores.Deduplicator(clock), new InMemoryStores.Buttons(clock), profiles,
                        new InMemoryDueQueue())
                .feature(new ProfileFeature()).feature(new PrivacyFeature(new InMemoryStores.Eraser(profiles)))
                .build();
    }

    @Test
    void exportIsPrivateEvenWhenAskedInTheGroup() {
        bot.say(sam, "/timezone Europe/Berlin");
        bot.sayInGroup(sam, "/export");
        assertThat(bot.lastReply().delivery()).isEqualTo(Delivery.PRIVATE);
        assertThat(bot.lastReply().to().value()).isEqualTo("42");
        assertThat(bot.lastReply().style()).isEqualTo(TextStyle.PLAIN);
        assertThat(bot.lastReply().text()).startsWith("Everything I store about you, as of 8 Mar 2026, 10:00 "
                + "(Europe/Berlin).").contains("\n\nProfile and time zone\n").contains("Europe/Berlin");
    }

    @Test
    void forgetAsksFirstThenErasesAndProvesNothingIsLeft() {
        profiles.save(MemberProfile.fresh(sam.id()).withZone(ZoneId.of("Asia/Tokyo")));
        bot.say(sam, "/forget");
        assertThat(bot.lastReply().text()).contains("cannot be undone").contains("Moderation records stay: warnings, "
                + "bans and cases about you keep your id, the rule, the action and when, so they still count; the "
                + "quoted words of your messages are erased.");
        bot.press(sam, "No, keep it");
        assertThat(bot.lastReply().text()).isEqualTo("Nothing was erased.");
        assertThat(profiles.find(sam.id())).isPresent();

        bot.say(sam, "/forget");
        bot.press(sam, "Yes, erase everything");
        assertThat(bot.lastReply().text()).isEqualTo("Done. I erased 1 records and nothing about you is stored any "
                + "more, apart from any moderation records (your id, the rule, the action and the time; none of your "
                + "words).");
        assertThat(profiles.find(sam.id())).isEmpty();
        bot.say(sam, "/export");
        assertThat(bot.lastReply().text()).isEqualTo("I don't store anything about you.");
    }

    @Test
    void anotherMemberCannotPressSomeoneElsesEraseButton() {
        profiles.save(MemberProfile.fresh(sam.id()));
        bot.sayInGroup(sam, "/forget");
        OutboundMessage question = bot.lastReply();
        assertThat(question.recipient()).isEqualTo(sam.id());
        String yes = question.allButtons().get(0).token();

        Member kim = new Member(new ChatUserId(Platform.TELEGRAM, "7"), "Kim", false, false, false);
        bot.deliver(new ButtonPressed("kim-press", bot.group(), kim, bot.clock().instant(),
                new MessageRef(bot.group().id(), "1"), yes, "cb-kim"));

        assertThat(bot.gateway().actions()).last().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("ack");
            assertThat(a.notice()).isEqualTo("This button is for someone else.");
        });
        assertThat(profiles.find(sam.id())).isPresent();
    }
}
