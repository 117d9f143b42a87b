package org.fellowship.discord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.javacord.api.exception.BadRequestException;
import org.javacord.api.exception.CannotMessageUserException;
import org.javacord.api.exception.DiscordException;
import org.javacord.api.exception.MissingPermissionsException;
import org.javacord.api.exception.NotFoundException;
import org.javacord.api.exception.RatelimitException;

/**
 * Waits for Javacord futures and maps every failure to a {@link GatewayException} whose message a moderator can act
 * on. Messages name the operation and the fix, never member text or Discord's raw response body.
 *
 * <p><b>Threading:</b> stateless, thread-safe; {@link #await} blocks up to the given timeout.
 */
final class DiscordFailures {
    private DiscordFailures() {
    }

    static <T> T await(CompletableFuture<T> future, String operation, long timeoutMillis) {
        if (future == null) {
            throw new GatewayException(Reason.UNAVAILABLE, operation + ": Discord client returned no result");
        }
        try {
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayException(Reason.UNAVAILABLE, operation + " was interrupted", e);
        } catch (TimeoutException e) {
            throw new GatewayException(Reason.UNAVAILABLE, operation + ": Discord did not answer within "
                    + timeoutMillis + " ms", e);
        } catch (ExecutionException | CompletionException e) {
            throw map(operation, e.getCause() == null ? e : e.getCause());
        }
    }

    static GatewayException map(String operation, Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof GatewayException g) {
            return g;
        }
        if (t instanceof CannotMessageUserException) {
            return new GatewayException(Reason.DIRECT_MESSAGES_CLOSED, operation
                    + ": the member does not accept direct messages from the bot (their privacy settings for "
                    + "this server)", t);
        }
        if (t instanceof MissingPermissionsException) {
            return new GatewayException(Reason.FORBIDDEN, operation + ": Discord refused (Missing Permissions). "
                    + "Give the bot's role the needed permission (View Channel, Send Messages, Manage Messages, "
                    + "Moderate Members, Kick Members or Ban Members) and move the bot's role above the member's "
                    + "highest role; server owners and admins cannot be moderated by the bot", t);
        }
        if (t instanceof NotFoundException) {
            return new GatewayException(Reason.NOT_FOUND, operation
                    + ": Discord says the message, channel or member no longer exists", t);
        }
        if (t instanceof RatelimitException) {
            return new GatewayException(Reason.RATE_LIMITED, operation + ": rate-limited by Discord", t);
        }
        if (t instanceof BadRequestException) {
            return new GatewayException(Reason.INVALID, operation + ": Discord rejected the request as invalid", t);
        }
        if (t instanceof DiscordException d) {
            int code = d.getResponse().map(r -> r.getCode()).orElse(0);
            if (code == 403) {
                return new GatewayException(Reason.FORBIDDEN, operation + ": Discord refused (403). Check the "
                        + "bot's permissions and role position", t);
            }
            return new GatewayException(Reason.UNAVAILABLE, operation + ": Discord error (HTTP " + code + ")", t);
        }
        return new GatewayException(Reason.UNAVAILABLE, operation + ": " + t.getClass().getSimpleName(), t);
    }
}
