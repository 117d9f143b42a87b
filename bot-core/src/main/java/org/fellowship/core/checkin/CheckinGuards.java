package org.fellowship.core.checkin;

import java.time.DateTimeException;
import org.fellowship.core.engine.CommandHandler;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.ButtonHandler;
import org.fellowship.core.port.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps check-in commands and buttons so a store outage, or a button too old or malformed to use, ends in one private
 * line to the member instead of the engine's generic error. Logs carry member ids only.
 */
final class CheckinGuards {
    /** What the member reads when the store could not be reached; nothing was saved. */
    static final String UNAVAILABLE = "I can't reach my storage right now, so nothing was saved. Please try "
            + "again in a few minutes.";
    private static final Logger LOG = LoggerFactory.getLogger(CheckinGuards.class);

    private CheckinGuards() {
    }

    static CommandHandler guarded(CommandHandler handler) {
        return (turn, args) -> {
            try {
                handler.handle(turn, args);
            } catch (StoreUnavailableException e) {
                LOG.warn("check-in command of {} failed: store unavailable", turn.actor().id());
                turn.replyPrivately(UNAVAILABLE);
            }
        };
    }

    static ButtonHandler guardedButton(ButtonHandler handler) {
        return (turn, action) -> {
            try {
                handler.pressed(turn, action);
            } catch (UsageException e) {
                turn.replyPrivately(e.getMessage());
            } catch (StoreUnavailableException e) {
                LOG.warn("check-in button of {} failed: store unavailable", turn.actor().id());
                turn.replyPrivately(UNAVAILABLE);
            } catch (NumberFormatException | DateTimeException e) {
                // Only a malformed (hand-made or very old) button lands here; real bugs reach the engine's handler.
                LOG.warn("check-in button of {} had bad data", turn.actor().id());
                turn.replyPrivately("That button doesn't work any more. Send /checkin to check in.");
            }
        };
    }
}
