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
}
