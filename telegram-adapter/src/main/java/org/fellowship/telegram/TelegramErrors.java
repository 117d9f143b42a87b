package org.fellowship.telegram;

import java.util.Locale;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/**
 * Maps Bot API failures to {@link GatewayException} reasons. Telegram's error descriptions are fixed English phrases
 * chosen by Telegram (never member text), so they may appear in the exception message. Package-private.
 */
final class TelegramErrors {
    private static final Logger LOG = LoggerFactory.getLogger(TelegramErrors.class);
    static final int MAX_DESCRIPTION = 120;

    private TelegramErrors() {
    }

    /** What a failed call was trying to do; changes how some refusals read. */
    enum Operation { SEND, SEND_PRIVATE, EDIT, DELETE, ADMIN, OTHER }

    /** The Bot API error code of a failure, or -1 for network failures and unparsable answers (code 0). */
    static int code(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getErrorCode() != null && r.getErrorCode() > 0) {
            return r.getErrorCode();
        }
        return -1;
    }

    /** The new chat id when Telegram says the group was upgraded to a supergroup, else {@code null} (also for 0). */
    static Long migratedTo(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getParameters() != null) {
            Long to = r.getParameters().getMigrateToChatId();
            if (to != null && to == 0) {
                LOG.warn("ignored migrate_to_chat_id 0 in an error answer: not a chat");
            }
            return to == null || to == 0 ? null : to;
        }
        return null;
    }

    /** Seconds Telegram asked us to wait, or -1. */
    static int retryAfter(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getParameters() != null
                && r.getParameters().getRetryAfter() != null) {
            return r.getParameters().getRetryAfter();
        }
        return -1;
    }

    /**
     * Telegram's error text, cut after its second colon and to {@value #MAX_DESCRIPTION} characters: details after
     * that (for example "can't parse entities: ... tag 'x'") could quote our own message text.
     */
    static String description(TelegramApiException e) {
        if (e instanceof TelegramApiRequestException r && r.getApiResponse() != null) {
            String d = r.getApiResponse();
            int first = d.indexOf(':');
            int second = first < 0 ? -1 : d.indexOf(':', first + 1);
            if (second > 0) {
                d = d.substring(0, second);
            }
            return d.length() > MAX_DESCRIPTION ? d.substring(0, MAX_DESCRIPTION) : d;
        }
        return e.getClass().getSimpleName();
    }

    static GatewayException map(String method, Operation op, TelegramApiException e) {
        int code = code(e);
        String description = description(e);
        String d = description.toLowerCase(Locale.ROOT);
        String where = method + " failed (" + (code < 0 ? "no response" : "HTTP " + code) + ": " + description + ")";
        if (code < 0 || code >= 500) {
            return new GatewayException(Reason.UNAVAILABLE, where, e);
        }
        if (code == 429) {
            return new GatewayException(Reason.RATE_LIMITED, where, e);
        }
        if (code == 403) {
            if (op == Operation.SEND_PRIVATE || d.contains("initiate conversation") || d.contains("blocked by the user")
                    || d.contains("user is deactivated")) {
                return new GatewayException(Reason.DIRECT_MESSAGES_CLOSED, where, e);
            }
            return new GatewayException(Reason.FORBIDDEN, where, e);
        }
        if (code == 401) {
            return new GatewayException(Reason.FORBIDDEN, method + " failed: Telegram rejected the bot token", e);
        }
        if (op == Operation.DELETE && d.contains("can't be deleted")) {
            return new GatewayException(Reason.TOO_OLD, "Telegram refused to delete the message: bots can only delete"
                    + " messages younger than 48 hours (and need the delete right in groups). " + where, e);
        }
        if (d.contains("not found") || d.contains("message_id_invalid") || d.contains("participant_id_invalid")) {
            return new GatewayException(Reason.NOT_FOUND, where, e);
        }
        if (d.contains("not enough rights") || d.contains("admin_required") || d.contains("administrator")
                || d.contains("chat owner") || d.contains("have no rights") || d.contains("can't restrict self")
                || d.contains("method is available only for supergroups")) {
            return new GatewayException(Reason.FORBIDDEN, where, e);
        }
        return new GatewayException(Reason.INVALID, where, e);
    }
}
