package org.fellowship.core.privacy;

import java.util.List;
import java.util.Map;
import org.fellowship.core.model.Access;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.store.MemberDataEraser;

/**
 * A member's own data: {@code /export} sends them everything stored about them, privately, as a document they can
 * read ({@link ExportDocument}); {@code /forget} erases it after a confirmation and says whether anything is left.
 * Both always answer privately, even when asked in a group.
 */
public final class PrivacyFeature implements Feature {
    private static final String FORGET_BUTTON = "privacy.forget";
    /** Warnings, bans and cases outlast /forget, so a member cannot wipe their record; said before they confirm. */
    static final String MODERATION_RECORDS_STAY = "Moderation records stay: warnings, bans and cases about you keep "
            + "your id, the rule, the action and when, so they still count; the quoted words of your messages are "
            + "erased.";
    private final MemberDataEraser stores;
    private volatile MemberDataEraser eraser;

    /** @param eraser the stores' erasers; the due-queue's items about the member are added to them */
    public PrivacyFeature(MemberDataEraser eraser) {
        this.stores = eraser;
    }

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        // Scheduled items about the member go first, so none of them runs and writes again while the rest is erased.
        eraser = MemberDataEraser.combined(List.of(context.dueQueue().asEraser(), stores));
        registry.command("export", "", "Get a private copy of everything I store about you", Access.EVERYONE,
                (turn, args) -> export(turn));
        registry.command("forget", "", "Erase everything I store about you", Access.EVERYONE,
                (turn, args) -> askToForget(turn));
        registry.button(FORGET_BUTTON, (turn, action) -> {
            if ("yes".equals(action.get("answer"))) {
                forget(turn);
            } else {
                turn.replyPrivately("Nothing was erased.");
            }
        });
    }

    private void export(Turn turn) {
        String document = ExportDocument.render(eraser.export(turn.actor().id()), turn.zone(), turn.now());
        if (document == null) {
            turn.replyPrivately("I don't store anything about you.");
            return;
        }
        turn.send(new OutboundMessage(turn.conversation().id(), document, TextStyle.PLAIN, List.of(), null,
                Delivery.PRIVATE, turn.actor().id(), Priority.NORMAL));
    }

    private void askToForget(Turn turn) {
        turn.replyPrivately("This erases everything I store about you: profile, dates, check-ins, reminders. "
                + MODERATION_RECORDS_STAY + " It cannot be undone. Erase it all?", List.of(ButtonRow.of(
                turn.button("Yes, erase everything", FORGET_BUTTON, Map.of("answer", "yes")),
                turn.button("No, keep it", FORGET_BUTTON, Map.of("answer", "no")))));
    }

    private void forget(Turn turn) {
        int deleted = eraser.erase(turn.actor().id());
        if (eraser.holdsAnything(turn.actor().id())) {
            turn.replyPrivately("I erased " + deleted + " records, but some are still there. Please send /forget "
                    + "again in a minute.");
            return;
        }
        turn.replyPrivately("Done. I erased " + deleted + " records and nothing about you is stored any more, apart "
                + "from any moderation records (your id, the rule, the action and the time; none of your words).");
    }
}
