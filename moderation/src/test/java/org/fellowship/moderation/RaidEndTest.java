package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.MalformedPayload;
import org.fellowship.core.testkit.DuePayloads;
import org.junit.jupiter.api.Test;

/** A raid's end decodes from its stored text and is written back the same; each raid has its own item id. */
class RaidEndTest {

    @Test
    void anEndNamesCommunityChatAndRaid() {
        RaidEnd end = DuePayloads.roundTrip(RaidEnd.KIND, "telegram|-100123|-100123|3");

        assertThat(end).isEqualTo(new RaidEnd(new CommunityId(Platform.TELEGRAM, "-100123"),
                new ConversationId(Platform.TELEGRAM, "-100123"), 3));
        assertThat(RaidEnd.KIND.name()).isEqualTo("mod.raid-end");
        assertThat(RaidEnd.id(end.community(), 3)).isNotEqualTo(RaidEnd.id(end.community(), 4));
    }

    @Test
    void anEndWithAMissingFieldOrUnknownPlatformIsMalformed() {
        assertThatThrownBy(() -> RaidEnd.KIND.codec().decode("telegram|-100123|3"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> RaidEnd.KIND.codec().decode("fax|-100123|-100123|3"))
                .isInstanceOf(MalformedPayload.class);
    }
}
