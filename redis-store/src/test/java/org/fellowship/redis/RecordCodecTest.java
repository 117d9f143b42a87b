package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.MemberProfile;
import org.junit.jupiter.api.Test;

class RecordCodecTest {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    private final RecordCodec codec = new RecordCodec();

    @Test
    void profileRoundTripsWithZoneAsItsId() {
        MemberProfile profile = MemberProfile.fresh(SAM).withZone(ZoneId.of("America/New_York")).withLanguage("es");
        String json = codec.writeProfile(profile);
        assertThat(json).contains("\"v\":1", "\"zone\":\"America/New_York\"", "\"platform\":\"tg\"");
        assertThat(codec.readProfile(json)).isEqualTo(profile);
        MemberProfile noZone = MemberProfile.fresh(new ChatUserId(Platform.DISCORD, "9"));
        assertThat(codec.readProfile(codec.writeProfile(noZone))).isEqualTo(noZone);
    }

    @Test
    void buttonActionRoundTripsWithAndWithoutAllowedUser() {
        ButtonAction mine = new ButtonAction("checkin.mood", Map.of("mood", "3"), SAM);
        ButtonAction anyone = new ButtonAction("rsvp", Map.of(), null);
        assertThat(codec.readButtonAction(codec.writeButtonAction(mine))).isEqualTo(mine);
        assertThat(codec.readButtonAction(codec.writeButtonAction(anyone))).isEqualTo(anyone);
    }

    @Test
    void unknownFieldsOfTheSameVersionAreIgnored() {
        String json = "{\"v\":1,\"platform\":\"tg\",\"user\":\"42\",\"zone\":null,\"language\":\"en\",\"later\":true}";
        assertThat(codec.readProfile(json)).isEqualTo(MemberProfile.fresh(SAM));
    }

    @Test
    void unknownVersionIsAClearError() {
        String json = "{\"v\":2,\"platform\":\"tg\",\"user\":\"42\",\"language\":\"en\"}";
        assertThatThrownBy(() -> codec.readProfile(json))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unsupported version 2")
                .hasMessageNotContaining("42");
        assertThatThrownBy(() -> codec.readButtonAction("{\"handler\":\"x\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no version");
        assertThatThrownBy(() -> codec.readProfile("not json")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void stringListsRoundTrip() {
        assertThat(codec.readStrings(codec.writeStrings(List.of("a", "b")))).containsExactly("a", "b");
    }
}
