package org.fellowship.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

class MentorSettingsTest {
    @Test
    void listsTheFellowshipsGroupsAndRefusesAnythingElseByName() {
        assertThat(new MentorSettings(List.of(" tg:-1001234567890", "dc:81234567890", "")).fellowship())
                .containsExactlyInAnyOrder(new CommunityId(Platform.TELEGRAM, "-1001234567890"),
                        new CommunityId(Platform.DISCORD, "81234567890"));
        assertThat(new MentorSettings(null).fellowship()).isEmpty();
        assertThatThrownBy(() -> new MentorSettings(List.of("-1001234")))
                .hasMessageContaining("'-1001234' is not tg:<chat id>");
        assertThatThrownBy(() -> new MentorSettings(List.of("tg:my-group"))).hasMessageContaining("tg:my-group");
    }

    @org.junit.jupiter.api.Test
    void escalationBoundsAreValidatedAtStartUp() {
        MentorSettings defaults = new MentorSettings(List.of());
        assertThat(defaults.escalation().giveUpAfter()).isEqualTo(java.time.Duration.ofHours(24));
        assertThat(defaults.escalation().repeatDelay(10)).isEqualTo(java.time.Duration.ofHours(3));
        assertThatThrownBy(() -> new MentorSettings(List.of(), java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(15), List.of(), java.time.Duration.ofHours(24), List.of()))
                .hasMessageContaining("repeat-delays");
        assertThatThrownBy(() -> new MentorSettings(List.of(), java.time.Duration.ofMinutes(5),
                java.time.Duration.ofMinutes(15), List.of(java.time.Duration.ofMinutes(5)),
                java.time.Duration.ofDays(30), List.of()))
                .hasMessageContaining("at most 7 days");
    }
}
