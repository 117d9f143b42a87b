package org.fellowship.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.MalformedPayload;
import org.fellowship.core.testkit.DuePayloads;
import org.junit.jupiter.api.Test;

/** A newcomer's deadline decodes from the text already queued in a running store, and is written back the same. */
class GateDeadlineTest {

    @Test
    void aDeadlineNamesCommunityChatAndNewcomer() {
        GateDeadline deadline = DuePayloads.roundTrip(GateDeadline.KIND, "telegram|-100123|-100123|42");

        assertThat(deadline).isEqualTo(new GateDeadline(new CommunityId(Platform.TELEGRAM, "-100123"),
                new ConversationId(Platform.TELEGRAM, "-100123"), new ChatUserId(Platform.TELEGRAM, "42")));
        assertThat(GateDeadline.KIND.name()).isEqualTo("mod.gate");
    }

    @Test
    void aDeadlineWithAMissingFieldOrUnknownPlatformIsMalformed() {
        assertThatThrownBy(() -> GateDeadline.KIND.codec().decode("telegram|-100123|42"))
                .isInstanceOf(MalformedPayload.class);
        assertThatThrownBy(() -> GateDeadline.KIND.codec().decode("fax|-100123|-100123|42"))
                .isInstanceOf(MalformedPayload.class);
    }
}
