package org.fellowship.core.meeting;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.ButtonAction;

/**
 * The guided {@code /meetings add}: one question at a time in the moderator's private chat, the answers kept as a
 * {@link MeetingDraft} in the store, then the meeting shown with Save and Cancel buttons.
 */
final class GuidedAdd {
    static final String BUTTON = "meeting.draft";
    private static final Duration DRAFT_TTL = Duration.ofMinutes(30);
    /** The questions, in the order of {@link MeetingForm}'s fields. */
    private static final List<String> QUESTIONS = List.of(
            "What is the meeting called?",
            "Which days? For example mon,thu or mon-fri or daily.",
            "What time does it start (24-hour HH:MM)? Add a zone if it is not %s, for example 19:30 Europe/Berlin.",
            "How long is it, in minutes? (skip = 60)",
            "The online link or the place? (skip if none)",
            "Meeting Guide type codes, such as O, C, D, SP, W, ONL? (skip if none)",
            "Any notes, for example the password or which door? (skip if none)");

    private final MeetingStore store;
    private final MeetingLookup lookup;
    private final MeetingForm form;

    GuidedAdd(MeetingStore store, MeetingLookup lookup, MeetingForm form) {
        this.store = store;
        this.lookup = lookup;
        this.form = form;
    }

    void start(Turn turn, CommunityId community) {
        store.saveDraft(turn.actor().id(), MeetingDraft.start(community).stored(), DRAFT_TTL);
        if (!turn.conversation().isDirect()) {
            turn.reply("I'll ask you the details privately.");
        }
        turn.replyPrivately("Adding a meeting for " + (turn.conversation().title() == null ? "your group"
                : turn.conversation().title()) + ". Answer each question here; send cancel to stop.\n"
                + question(community, 0));
    }

    private String question(CommunityId community, int step) {
        String q = QUESTIONS.get(step);
        return "(" + (step + 1) + "/" + QUESTIONS.size() + ") "
                + (q.contains("%s") ? String.format(Locale.ROOT, q, lookup.zoneOf(community).getId()) : q);
    }

    /** Answers typed in the moderator's private chat while a guided add is open. */
    void onPrivateMessage(Turn turn) {
        if (!turn.conversation().isDirect() || !(turn.event() instanceof MessageReceived message)) {
            return;
        }
        ChatUserId moderator = turn.actor().id();
        Optional<MeetingDraft> open = store.draft(moderator).map(MeetingDraft::fromStored);
        if (open.isEmpty()) {
            return;
        }
        Optional<CommunityId> target = open.get().community();
        if (target.isEmpty()) {
            store.clearDraft(moderator);
            return;
        }
        CommunityId community = lookup.current(target.get());
        String text = message.text().strip().replaceAll("\\p{Cntrl}", " ");
        if (text.equalsIgnoreCase("cancel")) {
            store.clearDraft(moderator);
            turn.replyPrivately("Cancelled; nothing was added.");
            return;
        }
        int step = open.get().answers().size();
        if (step >= QUESTIONS.size()) {
            turn.replyPrivately("Press Save or Cancel above (or send cancel).");
            return;
        }
        String answer = text.equalsIgnoreCase("skip") && step >= 3 ? "" : text;
        try {
            form.check(community, step, answer);
        } catch (UsageException e) {
            turn.replyPrivately(e.getMessage() + "\n" + question(community, step));
            return;
        }
        MeetingDraft draft = open.get().answered(answer);
        store.saveDraft(moderator, draft.stored(), DRAFT_TTL);
        if (step + 1 < QUESTIONS.size()) {
            turn.replyPrivately(question(community, step + 1));
            return;
        }
        Meeting meeting = form.parse(community, draft.fields());
        turn.replyPrivately("Please check:\n" + MeetingTexts.summary(meeting, ""), List.of(ButtonRow.of(
                turn.button("Save", BUTTON, Map.of("do", "save")),
                turn.button("Cancel", BUTTON, Map.of("do", "cancel")))));
    }

    /** Save or Cancel under the finished draft. */
    void buttonPressed(Turn turn, ButtonAction action) {
        ChatUserId moderator = turn.actor().id();
        Optional<MeetingDraft> draft = store.draft(moderator).map(MeetingDraft::fromStored);
        if (draft.isEmpty() || draft.get().answers().size() < QUESTIONS.size()) {
            turn.replyPrivately("That meeting draft has expired; send /meetings add in your group to start again.");
            return;
        }
        store.clearDraft(moderator);
        if (!"save".equals(action.get("do"))) {
            turn.replyPrivately("Cancelled; nothing was added.");
            return;
        }
        Optional<CommunityId> community = draft.get().community();
        if (community.isEmpty()) {
            turn.replyPrivately("That meeting draft is damaged; please start again with /meetings add.");
            return;
        }
        CommunityId target = lookup.current(community.get());
        form.save(turn, target, form.parse(target, draft.get().fields()));
    }
}
