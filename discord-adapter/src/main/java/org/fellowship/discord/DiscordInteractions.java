package org.fellowship.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.javacord.api.entity.message.Message;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteractionBase;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.callback.InteractionFollowupMessageBuilder;
import org.javacord.api.interaction.callback.InteractionImmediateResponseBuilder;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live slash commands and button presses of {@link DiscordGateway}, and how the core's replies answer them.
 *
 * <p>A slash command is deferred the moment it arrives ({@link #beginCommand}), so Discord's 3-second window is always
 * met however long the core takes; the core's first reply to that member in that channel (within
 * {@link DiscordSettings#interactionWindow()}) fills the deferred response, later ones become follow-ups. A private
 * answer becomes an ephemeral follow-up; when the core sends it by DM instead, the pending response is replaced by an
 * ephemeral "check your DMs" note ({@link #pointToDirectMessage}). A button press is acknowledged by the core through
 * {@link #acknowledge}; if the core has not done so after {@link #AUTO_ACKNOWLEDGE_AFTER}, it is acknowledged here
 * (deferred update), and a later notice is sent as an ephemeral follow-up.
 *
 * <p><b>Threading:</b> thread-safe; no lock is held across a network call ({@link PendingInteraction}). One scheduler
 * thread runs the automatic acknowledgements; {@link #close()} stops it.
 */
final class DiscordInteractions {
    /** A button press the core has not acknowledged by then is acknowledged by the gateway. */
    static final Duration AUTO_ACKNOWLEDGE_AFTER = Duration.ofMillis(2_000);
    static final String DM_NOTE = "I've sent you a direct message.";
    private static final Duration INTERACTION_TOKEN_LIFE = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(DiscordInteractions.class);

    private final DiscordSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final long timeoutMillis;
    private final Map<Key, PendingInteraction> byMember = new ConcurrentHashMap<>();
    private final Map<String, PendingInteraction> byId = new ConcurrentHashMap<>();

    private record Key(ConversationId conversation, ChatUserId user) {
    }

    DiscordInteractions(DiscordSettings settings, Clock clock, ScheduledExecutorService scheduler) {
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.timeoutMillis = settings.requestTimeout().toMillis();
    }

    /** Defers a slash command right away and remembers it so the core's reply answers it. Never blocks. */
    void beginCommand(InteractionBase interaction, CommandInvoked event) {
        forgetExpired();
        PendingInteraction pending = new PendingInteraction(interaction, clock.instant(), true,
                interaction.respondLater());
        byId.put(event.eventId(), pending);
        byMember.put(new Key(event.conversation().id(), event.actor().id()), pending);
    }

    /** Remembers a button interaction and schedules its automatic acknowledgement. Never blocks. */
    void beginButton(MessageComponentInteractionBase interaction, ButtonPressed event) {
        forgetExpired();
        PendingInteraction pending = new PendingInteraction(interaction, clock.instant(), false, null);
        if (event.callbackId() != null) {
            byId.put(event.callbackId(), pending);
        }
        byMember.put(new Key(event.conversation().id(), event.actor().id()), pending);
        scheduler.schedule(() -> autoAcknowledge(pending), AUTO_ACKNOWLEDGE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The member's interaction in that conversation if it is within the interaction window, else {@code null}. */
    PendingInteraction live(ConversationId conversation, ChatUserId member) {
        PendingInteraction pending = byMember.get(new Key(conversation, member));
        if (pending == null) {
            return null;
        }
        return isLive(pending) ? pending : null;
    }

    /** The slash command behind event {@code eventId}, while it is remembered. */
    Optional<SlashCommandInteraction> slashCommand(String eventId) {
        PendingInteraction pending = byId.get(eventId);
        return pending != null && pending.interaction() instanceof SlashCommandInteraction slash ? Optional.of(slash)
                : Optional.empty();
    }

    /** See {@link org.fellowship.core.port.ChatGateway#acknowledge}: the one initial response, or a follow-up. */
    void acknowledge(ButtonPressed press, String notice) {
        if (press.callbackId() == null) {
            return; // a numbered reply: nothing on Discord waits for an acknowledgement
        }
        PendingInteraction pending = byId.get(press.callbackId());
        if (pending == null) {
            throw new GatewayException(Reason.NOT_FOUND, "acknowledge: the button interaction is unknown or expired "
                    + "(older than 15 minutes, or the bot restarted)");
        }
        // No lock is held across the network call: the first caller makes the one initial response, later ones wait
        // for it (the automatic acknowledgement must never queue behind a slow call)
        boolean[] ours = {false};
        CompletableFuture<Void> initial = pending.initialResponse(() -> {
            ours[0] = true;
            if (notice == null) {
                return ((MessageComponentInteractionBase) pending.interaction()).acknowledge();
            }
            InteractionImmediateResponseBuilder responder = pending.interaction().createImmediateResponder();
            DiscordRenderer.apply(responder, noticeMessage(notice));
            return responder.respond();
        });
        DiscordFailures.await(initial, "acknowledge button", timeoutMillis);
        if (!ours[0] && notice != null) {
            followUp(pending, noticeMessage(notice));
        }
    }

    /** Answers {@code pending} with {@code rendered}: fills a slash command's deferral once, then follows up. */
    MessageRef respond(PendingInteraction pending, RenderedMessage rendered, ConversationId to) {
        Message sent;
        if (pending.slash() && pending.claimAnswer()) {
            InteractionOriginalResponseUpdater updater = DiscordFailures.await(pending.deferred(),
                    "defer slash command", timeoutMillis);
            if (rendered.ephemeral()) {
                // the deferral is public; a private answer must not fill it
                DiscordFailures.await(updater.delete(), "replace slash command response", timeoutMillis);
                sent = followUp(pending, rendered);
            } else {
                DiscordRenderer.apply(updater, rendered);
                sent = DiscordFailures.await(updater.update(), "answer slash command", timeoutMillis);
            }
        } else {
            if (pending.slash()) {
                DiscordFailures.await(pending.deferred(), "defer slash command", timeoutMillis);
            } else {
                DiscordFailures.await(pending.initialResponse(
                        () -> ((MessageComponentInteractionBase) pending.interaction()).acknowledge()),
                        "acknowledge button", timeoutMillis);
            }
            sent = followUp(pending, rendered);
        }
        return new MessageRef(to, Long.toUnsignedString(sent.getId()));
    }

    /** The core answered a guild slash command by DM: replace the public "thinking" with a private pointer. */
    void pointToDirectMessage(ChatUserId recipient, ConversationId dm) {
        for (Map.Entry<Key, PendingInteraction> e : byMember.entrySet()) {
            PendingInteraction pending = e.getValue();
            if (!e.getKey().user().equals(recipient) || e.getKey().conversation().equals(dm) || !pending.slash()
                    || !isLive(pending)) {
                continue;
            }
            if (!pending.claimAnswer()) {
                continue;
            }
            try {
                InteractionOriginalResponseUpdater updater = DiscordFailures.await(pending.deferred(),
                        "defer slash command", timeoutMillis);
                DiscordFailures.await(updater.delete(), "replace slash command response", timeoutMillis);
                followUp(pending, noticeMessage(DM_NOTE));
            } catch (GatewayException ex) {
                LOG.warn("could not point slash command in {} to the DM of {}: {}", e.getKey().conversation(),
                        recipient, ex.reason());
            }
        }
    }

    /** Stops the acknowledgement scheduler. */
    void close() {
        scheduler.shutdownNow();
    }

    private Message followUp(PendingInteraction pending, RenderedMessage rendered) {
        InteractionFollowupMessageBuilder followup = pending.interaction().createFollowupMessageBuilder();
        DiscordRenderer.apply(followup, rendered);
        return DiscordFailures.await(followup.send(), "send interaction follow-up", timeoutMillis);
    }

    private void autoAcknowledge(PendingInteraction pending) {
        pending.initialResponse(() -> ((MessageComponentInteractionBase) pending.interaction()).acknowledge())
                .exceptionally(t -> {
                    LOG.warn("automatic acknowledgement of interaction {} failed: {}", pending.interaction().getId(),
                            DiscordFailures.map("acknowledge", t).reason());
                    return null;
                });
    }

    private static RenderedMessage noticeMessage(String notice) {
        return new RenderedMessage(DiscordRenderer.plain(notice), List.of(), true, null);
    }

    private boolean isLive(PendingInteraction pending) {
        return Duration.between(pending.created(), clock.instant()).compareTo(settings.interactionWindow()) <= 0;
    }

    private void forgetExpired() {
        Instant cutoff = clock.instant().minus(INTERACTION_TOKEN_LIFE);
        byMember.values().removeIf(p -> p.created().isBefore(cutoff));
        byId.values().removeIf(p -> p.created().isBefore(cutoff));
    }
}
