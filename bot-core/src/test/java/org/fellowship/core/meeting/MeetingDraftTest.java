package org.fellowship.core.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

class MeetingDraftTest {
    private static final CommunityId GROUP = new CommunityId(Platform.TELEGRAM, "-1001");

    @Test
    void isStoredAsPlatformCommunityThenTheAnswersAndReadBack() {
        MeetingDraft draft = MeetingDraft.start(GROUP).answered("Step Study").answered("mon,thu");
        assertThat(draft.stored()).containsExactly("tg", "-1001", "Step Study", "mon,thu");
        assertThat(MeetingDraft.fromStored(draft.stored())).isEqualTo(draft);
        assertThat(draft.community()).contains(GROUP);
        assertThat(draft.answers()).containsExactly("Step Study", "mon,thu");
        assertThat(draft.fields()).containsExactly("Step Study", "mon,thu");
        assertThat(MeetingDraft.start(GROUP).stored()).containsExactly("tg", "-1001");
    }

    @Test
    void aDraftThatNamesNoKnownCommunityHasNone() {
        assertThat(MeetingDraft.fromStored(List.of("xx", "-1001", "Step Study")).community()).isEmpty();
        MeetingDraft tooShort = MeetingDraft.fromStored(List.of("tg"));
        assertThat(tooShort.community()).isEmpty();
        assertThat(tooShort.answers()).isEmpty();
    }
}
