package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.DirectChatRegistry;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.store.MemberProfileStore;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EventDeduplicator}, {@link MemberProfileStore} and {@link DirectChatRegistry} must have. */
public abstract class SimpleStoresContract {

    protected abstract EventDeduplicator newDeduplicator();

    protected abstract MemberProfileStore newProfiles();

    protected abstract DirectChatRegistry newDirectChats();

    protected abstract void elapse(Duration duration);

    @Test
    void deduplicatorSaysFirstSeenOncePerWindow() {
        EventDeduplicator dedupe = newDeduplicator();
        assertThat(dedupe.firstSeen("tg:1001", Duration.ofMillis(300))).isTrue();
        assertThat(dedupe.firstSeen("tg:1001", Duration.ofMillis(300))).isFalse();
        assertThat(dedupe.firstSeen("dc:1001", Duration.ofMillis(300))).as("other platform").isTrue();
        elapse(Duration.ofMillis(700));
        assertThat(dedupe.firstSeen("tg:1001", Duration.ofMillis(300))).as("after the window").isTrue();
    }

    @Test
    void profilesRoundTripAndLastWriteWins() {
        MemberProfileStore profiles = newProfiles();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        assertThat(profiles.find(sam)).isEmpty();

        profiles.save(MemberProfile.fresh(sam).withZone(ZoneId.of("Europe/Berlin")));
        profiles.save(profiles.find(sam).orElseThrow().withLanguage("en"));

        MemberProfile stored = profiles.find(sam).orElseThrow();
        assertThat(stored.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(stored.language()).isEqualTo("en");
        assertThat(profiles.find(new ChatUserId(Platform.DISCORD, "42"))).as("same id, other platform").isEmpty();
    }

    @Test
    void directChatsOpenAndClosePerMemberAndPlatform() {
        DirectChatRegistry chats = newDirectChats();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        assertThat(chats.isOpen(sam)).isFalse();
        chats.opened(sam);
        chats.opened(sam);
        assertThat(chats.isOpen(sam)).isTrue();
        assertThat(chats.isOpen(new ChatUserId(Platform.DISCORD, "42"))).isFalse();
        chats.closed(sam);
        assertThat(chats.isOpen(sam)).isFalse();
        chats.closed(sam);
    }

    @Test
    void profileWithoutZoneRoundTrips() {
        MemberProfileStore profiles = newProfiles();
        ChatUserId alex = new ChatUserId(Platform.DISCORD, "99");
        profiles.save(MemberProfile.fresh(alex));
        assertThat(profiles.find(alex)).contains(MemberProfile.fresh(alex));
    }
}
