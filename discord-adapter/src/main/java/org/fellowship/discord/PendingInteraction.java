package org.fellowship.discord;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;

/**
 * One interaction waiting for answers. Its one initial response and its one slash answer are claimed atomically, so
 * no lock is ever held across a network call: the first caller makes the call, later ones wait for its future.
 */
final class PendingInteraction {
    private final InteractionBase interaction;
    private final Instant created;
    private final boolean slash;
    private final CompletableFuture<InteractionOriginalResponseUpdater> deferred;
    private final AtomicReference<CompletableFuture<Void>> initial = new AtomicReference<>();
    private final AtomicBoolean answered = new AtomicBoolean();

    /** @param deferred a slash command's deferral ({@code respondLater}), or {@code null} for a button press */
    PendingInteraction(InteractionBase interaction, Instant created, boolean slash,
                       CompletableFuture<InteractionOriginalResponseUpdater> deferred) {
        this.interaction = interaction;
        this.created = created;
        this.slash = slash;
        this.deferred = deferred;
        if (slash) {
            initial.set(CompletableFuture.completedFuture(null)); // the deferral answered it
        }
    }

    InteractionBase interaction() {
        return interaction;
    }

    Instant created() {
        return created;
    }

    /** A slash command (deferred at once) rather than a button press. */
    boolean slash() {
        return slash;
    }

    /** The slash command's deferred response, to fill or replace; {@code null} for a button press. */
    CompletableFuture<InteractionOriginalResponseUpdater> deferred() {
        return deferred;
    }

    /** Makes {@code respond} this interaction's one initial response, or returns the one already under way. */
    CompletableFuture<Void> initialResponse(Supplier<? extends CompletableFuture<?>> respond) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        if (!initial.compareAndSet(null, mine)) {
            return initial.get();
        }
        try {
            respond.get().whenComplete((v, t) -> {
                if (t != null) {
                    mine.completeExceptionally(t);
                } else {
                    mine.complete(null);
                }
            });
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
        }
        return mine;
    }

    /** {@code true} for the one caller that answers the slash command's deferred response. */
    boolean claimAnswer() {
        return answered.compareAndSet(false, true);
    }
}
