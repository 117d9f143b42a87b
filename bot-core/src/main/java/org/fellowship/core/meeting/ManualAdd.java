package org.fellowship.core.meeting;

import java.util.Arrays;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.CommunityId;

/**
 * {@code /meetings add Name | mon,thu | 19:30 [Area/City] | 90 | https://link or place | O,D} (moderators); sent
 * alone, it starts the guided add.
 */
final class ManualAdd {
    private final MeetingForm form;
    private final GuidedAdd guided;

    ManualAdd(MeetingForm form, GuidedAdd guided) {
        this.form = form;
        this.guided = guided;
    }

    void add(Turn turn, String arg) {
        CommunityId community = MeetingLookup.community(turn);
        if (arg.isBlank()) {
            guided.start(turn, community);
            return;
        }
        String[] f = arg.split("\\|", -1);
        if (f.length < 3 || f.length > 6) {
            throw new UsageException("Write it as: /meetings add Name | mon,thu | 19:30 [Area/City] | 90 | "
                    + "https://link or place | O,D (the last three are optional), or send /meetings add alone and "
                    + "I'll ask step by step.");
        }
        form.save(turn, community, form.parse(community, Arrays.copyOf(f, MeetingForm.FIELDS)));
    }
}
