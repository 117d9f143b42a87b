package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.fellowship.core.milestone.CommunityMilestones;
import org.fellowship.core.milestone.LadderChoice;
import org.fellowship.core.milestone.MemberMilestones;
import org.fellowship.core.milestone.Milestone;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

class MilestoneCodecTest {
    private final MilestoneCodec codec = new MilestoneCodec();
    private final ChatUserId sam = new ChatUserId(Platform.DISCORD, "42");

    @Test
    void writesAnExplicitVersionedShape() {
        MemberMilestones m = MemberMilestones.fresh(sam).withCleanDate("main", LocalDate.of(2024, 2, 29))
                .withLadder(LadderChoice.NA, null);
        assertThat(codec.writeMember(m)).isEqualTo("{\"v\":1,\"platform\":\"dc\",\"user\":\"42\",\"cleanDates\":"
                + "{\"main\":\"2024-02-29\"},\"history\":[],\"ladder\":\"na\",\"ladderCommunity\":null,"
                + "\"announce\":null}");
        assertThat(codec.readMember(codec.writeMember(m))).isEqualTo(m);
        CommunityMilestones c = CommunityMilestones.defaults(new CommunityId(Platform.DISCORD, "900"))
                .withCustomLadder(List.of(Milestone.days(7), Milestone.months(3)));
        assertThat(codec.readCommunity(codec.writeCommunity(c))).isEqualTo(c);
    }

    @Test
    void ignoresUnknownFieldsAndRefusesOtherVersions() {
        assertThat(codec.readMember("{\"v\":1,\"platform\":\"dc\",\"user\":\"42\",\"ladder\":\"aa\",\"extra\":1}"))
                .isEqualTo(MemberMilestones.fresh(sam).withLadder(LadderChoice.AA, null));
        assertThatThrownBy(() -> codec.readMember("{\"v\":2,\"platform\":\"dc\",\"user\":\"42\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unsupported version 2");
        assertThatThrownBy(() -> codec.readMember("{\"v\":1,\"platform\":\"dc\",\"user\":\"42\",\"ladder\":\"x\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessage("stored milestones record is invalid");
    }
}
