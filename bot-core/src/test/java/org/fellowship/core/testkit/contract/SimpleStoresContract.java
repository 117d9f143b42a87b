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

    /** Moves the stores' clock on by {@code duration} (never real waiting: every store expires on its clock). */
    protected abstract void elapse(Duration duration);

    @Test
    void deduplicatorSaysFirstSeenOncePerWindow() {
        EventDeduplicator dedupe = newDeduplicator();
        Duration window = Duration.ofMinutes(5);
        assertThat(dedupe.firstSeen("tg:1001", window)).isTrue();
        assertThat(dedupe.firstSeen("tg:1001", window)).isFalse();
        assertThat(dedupe.firstSeen("dc:1001", window)).as("other platform").isTrue();
        elapse(window.minusMillis(1));
        assertThat(dedupe.firstSeen("tg:1001", window)).as("a millisecond before the window ends").isFalse();
        elapse(Duration.ofMillis(1));
        assertThat(dedupe.firstSeen("tg:1001", window)).as("after the window").isTrue();
        assertThat(dedupe.firstSeen("tg:1001", window)).as("a new window began").isFalse();
    }

    @Test
    void admitIsFirstSeenPlusTheActorsProfileInOneStep() {
        EventDeduplicator dedupe = newDeduplicator();
        MemberProfileStore profiles = newProfiles();
        ChatUserId sam = new ChatUserId(Platform.TELEGRAM, "42");
        ChatUserId kim = new ChatUserId(Platform.TELEGRAM, "7");
        MemberProfile samsProfile = MemberProfile.fresh(sam).withZone(ZoneId.of("Asia/Tokyo"));
        profiles.save(samsProfile);

        EventDeduplicator.Admission first = dedupe.admit("tg:u1", Duration.ofMinutes(5), sam, true, profiles);
        assertThat(first.firstSeen()).isTrue();
        assertThat(first.profile()).contains(samsProfile);
        assertThat(dedupe.admit("tg:u1", Duration.ofMinutes(5), sam, true, profiles).firstSeen()).isFalse();

        EventDeduplicator.Admission noProfile = dedupe.admit("tg:u2", Duration.ofMinutes(5), kim, true, profiles);
        assertThat(noProfile.firstSeen()).isTrue();
        assertThat(noProfile.profile()).isEmpty();
        EventDeduplicator.Admission notAsked = dedupe.admit("tg:{u3}", Duration.ofMinutes(5), sam, false, profiles);
        assertThat(notAsked.firstSeen()).isTrue();
        assertThat(notAsked.profile()).isNull();

        elapse(Duration.ofMinutes(5));
        assertThat(dedupe.admit("tg:u1", Duration.ofMinutes(5), sam, true, profiles).firstSeen())
                .as("after the window").isTrue();
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
