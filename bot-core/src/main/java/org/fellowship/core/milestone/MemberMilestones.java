package org.fellowship.core.milestone;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;

/**
 * Everything the milestone feature keeps about one member. Private to them.
 *
 * @param member           the member
 * @param cleanDates       label -> clean date (local date in the member's zone); the unlabelled date uses
 *                         {@link #DEFAULT_LABEL}
 * @param history          earlier clean dates kept on {@code /reset}, oldest first
 * @param ladder           the ladder they follow
 * @param ladderCommunity  the community whose custom ladder they follow ({@code null} unless {@code ladder} is
 *                         {@link LadderChoice#CUSTOM})
 * @param announcements    their opt-in to group announcements, or {@code null} (the default: nothing is shared)
 */
public record MemberMilestones(ChatUserId member, Map<String, LocalDate> cleanDates, List<PastCleanDate> history,
                               LadderChoice ladder, CommunityId ladderCommunity, Announcements announcements) {
    public static final String DEFAULT_LABEL = "main";

    public MemberMilestones {
        Objects.requireNonNull(member, "member");
        cleanDates = cleanDates == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(cleanDates));
        history = history == null ? List.of() : List.copyOf(history);
        ladder = ladder == null ? LadderChoice.DEFAULT : ladder;
        if (ladder != LadderChoice.CUSTOM) {
            ladderCommunity = null;
        }
    }

    public static MemberMilestones fresh(ChatUserId member) {
        return new MemberMilestones(member, Map.of(), List.of(), LadderChoice.DEFAULT, null, null);
    }

    public MemberMilestones withCleanDate(String label, LocalDate date) {
        Map<String, LocalDate> dates = new TreeMap<>(cleanDates);
        dates.put(label, date);
        return new MemberMilestones(member, dates, history, ladder, ladderCommunity, announcements);
    }

    /** Restarts {@code label} on {@code today}, keeping the earlier date in the history. */
    public MemberMilestones restart(String label, LocalDate today) {
        LocalDate old = cleanDates.get(label);
        List<PastCleanDate> past = new ArrayList<>(history);
        if (old != null) {
            past.add(new PastCleanDate(label, old, today));
        }
        Map<String, LocalDate> dates = new TreeMap<>(cleanDates);
        dates.put(label, today);
        return new MemberMilestones(member, dates, past, ladder, ladderCommunity, announcements);
    }

    public MemberMilestones withLadder(LadderChoice choice, CommunityId community) {
        return new MemberMilestones(member, cleanDates, history, choice, community, announcements);
    }

    public MemberMilestones withAnnouncements(Announcements value) {
        return new MemberMilestones(member, cleanDates, history, ladder, ladderCommunity, value);
    }

    public boolean sharing() {
        return announcements != null;
    }
}
