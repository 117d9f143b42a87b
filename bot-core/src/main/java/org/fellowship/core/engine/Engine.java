package org.fellowship.core.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.command.CommandNames;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.InboundEventSink;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.port.StoreUnavailableException;
import org.fellowship.core.text.CommandLine;
import org.fellowship.core.text.Similarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbound pipeline: de-duplicate, ignore bots, safety screen, moderation, then commands, button presses and
 * listeners. Events of one conversation run serially, conversations in parallel (see {@link ConversationExecutor}).
 * Logs carry event ids and conversation ids, never message text or names.
 */
public final class Engine implements InboundEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);
    /** At most one pointer a member per this time for private messages nothing else answered. */
    static final Duration PRIVATE_HINT_EVERY = Duration.ofHours(1);

    private final BotContext context;
    private final EventDeduplicator deduplicator;
    private final ConversationExecutor executor;
    private final CommandRegistry commands;
    private final Map<String, ButtonHandler> buttons;
    private final List<EventListener> listeners;
    private final SafetyScreen safetyScreen;
    private final MessageGuard guard;
    private final EngineMetrics metrics;
    private volatile boolean closed;

    Engine(BotContext context, EventDeduplicator deduplicator, ConversationExecutor executor,
           FeatureRegistry registry, EngineMetrics metrics) {
        this.metrics = metrics;
        this.context = context;
        this.deduplicator = deduplicator;
        this.executor = executor;
        this.commands = context.commands();
        this.buttons = registry.buttons();
        this.listeners = registry.listeners();
        this.safetyScreen = registry.safetyScreen();
        this.guard = registry.guard();
    }

    @Override
    public void accept(InboundEvent event) {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        executor.submit(event.conversation().id().toString(), () -> handle(event));
    }

    /** See {@link Resumer#resume}. */
    void resume(InboundEvent event, String text, java.util.function.Predicate<Turn> work) {
        executor.submit(event.conversation().id().toString(), () -> {
            long started = System.nanoTime();
            String outcome = "resumed";
            try {
                Turn turn = new Turn(event, where(event), context, null);
                turn.secondLook(safetyScreen);
                if (work.test(turn)) {
                    turn.markFlagged();
                    guard.check(turn, text, true); // protects the message from manual actions
                }
            } catch (RuntimeException e) {
                outcome = "failed";
                LOG.error("resumed work for event {} in {} failed", event.dedupeKey(), event.conversation().id(), e);
            } finally {
                metrics.event(event.conversation().platform(), outcome, Duration.ofNanos(System.nanoTime() - started));
            }
        });
    }

    /** Stops accepting events; already accepted ones still run. */
    public void close() {
        closed = true;
    }

    public ConversationExecutor executor() {
        return executor;
    }

    private void handle(InboundEvent event) {
        String outcome = "handled";
        long started = System.nanoTime();
        try {
            EventDeduplicator.Admission admission = admit(event);
            if (!admission.firstSeen()) {
                outcome = "duplicate";
                return;
            }
            if (event.actor().bot()) {
                outcome = "ignored";
                return;
            }
            Turn turn = new Turn(event, where(event), context, admission.profile());
            turn.secondLook(safetyScreen);
            if (event instanceof CommandInvoked c) {
                // Like a typed command arriving as a message: the safety screen and moderation see its text first
                // (so "/anything <spam>" is not a way around the filters).
                if (screened(turn, "/" + c.name() + (c.arguments().isEmpty() ? "" : " " + c.arguments()))) {
                    runCommand(turn, c.name(), c.arguments(), true);
                }
            } else if (event instanceof ButtonPressed b) {
                press(turn, b.token(), b);
            } else if (event instanceof MessageReceived m) {
                onMessage(turn, m);
            } else if (event instanceof MessageEdited e) {
                onEdit(turn, e);
            } else {
                notifyListeners(turn);
            }
        } catch (RuntimeException e) {
            outcome = "failed";
            LOG.error("event {} in {} failed", event.dedupeKey(), event.conversation().id(), e);
            apologise(event);
        } finally {
            metrics.event(event.conversation().platform(), outcome, Duration.ofNanos(System.nanoTime() - started));
        }
    }

    private EventDeduplicator.Admission admit(InboundEvent event) {
        // Commands and presses nearly always read the actor's profile: fetch it together with the dedupe check.
        boolean withProfile = !event.actor().bot() && (event instanceof CommandInvoked || event instanceof ButtonPressed
                || event instanceof MessageReceived m && m.text().startsWith("/"));
        try {
            return deduplicator.admit(event.dedupeKey(), context.settings().dedupeWindow(), event.actor().id(),
                    withProfile, context.profiles());
        } catch (StoreUnavailableException e) {
            // Handling a rare duplicate is better than dropping a message that may be a crisis.
            LOG.warn("dedupe unavailable for event {}; handling it anyway", event.dedupeKey());
            return new EventDeduplicator.Admission(true, null);
        }
    }

    /**
     * The event's conversation with its community's current id: an event from before a group got a new id (a Telegram
     * group that became a supergroup) is handled as the community's now, so features and stores see one id.
     */
    private Conversation where(InboundEvent event) {
        Conversation reported = event.conversation();
        if (reported.community() == null) {
            return reported;
        }
        CommunityId now;
        try {
            now = context.aliases().current(reported.community());
        } catch (StoreUnavailableException e) {
            // Handling the event under the id it came with is better than dropping a message that may be a crisis.
            LOG.warn("community aliases unavailable for event {}; using the id it came with", event.dedupeKey());
            return reported;
        }
        return now.equals(reported.community()) ? reported
                : new Conversation(reported.id(), reported.kind(), now, reported.title());
    }

    private void onMessage(Turn turn, MessageReceived message) {
        if (!screened(turn, message.text())) {
            return;
        }
        Optional<CommandLine> command = CommandLine.parse(message.text());
        if (command.isPresent()) {
            runCommand(turn, command.get().name(), command.get().arguments(), command.get().botName() != null);
            return;
        }
        if (pickedNumberedChoice(turn, message.text())) {
            return;
        }
        notifyListeners(turn);
        if (turn.conversation().isDirect() && !turn.answered() && !turn.flagged()) {
            neverSilent(turn);
        }
    }

    /**
     * A private message nothing answered (not a command, not a check-in answer, not a crisis) gets a short warm pointer,
     * at most once an hour per member, so nobody writing to the bot meets silence.
     */
    private void neverSilent(Turn turn) {
        try {
            if (!context.deliveries().firstSeen("hint:" + turn.actor().id().platform().code() + ":"
                    + turn.actor().id().value(), PRIVATE_HINT_EVERY)) {
                return;
            }
        } catch (StoreUnavailableException e) {
            return; // better one silence than a pointer on every message
        }
        turn.replyPrivately("Thanks for writing. I'm a bot, so I read commands best: " + CommandNames.HELP_NOW
                + " if you need someone now (crisis lines and a mentor), /checkin for today's check-in, /meetings for "
                + "meetings, /help for everything else.");
    }

    private void onEdit(Turn turn, MessageEdited edit) {
        if (screened(turn, edit.text())) {
            notifyListeners(turn);
        }
    }

    /** Safety first, then moderation; {@code false} when moderation stopped the message. */
    private boolean screened(Turn turn, String text) {
        boolean flagged;
        try {
            flagged = safetyScreen.screen(turn, ownWords(turn, text));
        } catch (RuntimeException e) {
            LOG.error("safety screen failed for event {}; treating it as flagged", turn.event().dedupeKey(), e);
            flagged = true;
        }
        if (flagged) {
            turn.markFlagged();
        }
        try {
            return guard.check(turn, text, flagged) || flagged;
        } catch (RuntimeException e) {
            LOG.error("moderation failed for event {}; letting the message through", turn.event().dedupeKey(), e);
            return true;
        }
    }

    /**
     * The text the safety screen reads: all of it, except the quoted sample of a command that declares one (a
     * moderator's {@code /filter test I want to die} is a test of the rules, not a crisis: no crisis reply, no page, no
     * excerpt kept). Only for a sender who may run the command, so nobody else's words escape the screen this way;
     * moderation still reads the whole text, so quoting is no way around the filters either.
     */
    private String ownWords(Turn turn, String text) {
        Optional<CommandLine> line = CommandLine.parse(text);
        if (line.isEmpty()) {
            return text;
        }
        Optional<CommandSpec> spec = commands.find(line.get().name());
        if (spec.isEmpty() || !turn.may(spec.get().access()) || !spec.get().quotesSample(line.get().arguments())) {
            return text;
        }
        return "/" + line.get().name();
    }

    /**
     * Runs a command. Quiet in groups: an unknown command there gets no answer unless it was addressed to this bot
     * ({@code /name@thisbot}; another bot's {@code /rank} is not ours), and refusals and usage go to the member
     * privately.
     *
     * @param addressed the command named this bot, or came through the platform's own command UI
     */
    private void runCommand(Turn turn, String name, String arguments, boolean addressed) {
        Optional<CommandSpec> found = commands.find(name);
        if (found.isEmpty()) {
            if (!turn.conversation().isDirect() && !addressed) {
                return;
            }
            List<String> near = Similarity.closest(name, commands.names(), 2, 1);
            String hint = near.isEmpty() ? "" : " Did you mean /" + near.get(0) + "?";
            turn.replyPrivately("I don't know the command /" + name + "." + hint + " Send /help to see what I can do.");
            return;
        }
        CommandSpec spec = found.get();
        if (!turn.may(spec.access())) {
            Refusal.PRIVATELY.refuse(turn, "/" + spec.name());
            return;
        }
        try {
            spec.handler().handle(turn, arguments);
        } catch (UsageException e) {
            turn.replyPrivately(e.getMessage() + "\nUsage: " + spec.usage());
        }
    }

    /**
     * A reply of only digits while numbered choices are open picks the choice shown with that number; a number that
     * picks nothing in a private chat gets the numbers on offer, so a typed answer is never silently lost.
     */
    private boolean pickedNumberedChoice(Turn turn, String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > NumberedChoices.MAX_DIGITS || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        List<String> choices = context.buttons().choices(turn.conversation().id(), turn.actor().id());
        if (choices.isEmpty()) {
            choices = context.buttons().choices(turn.conversation().id(), null);
        }
        if (choices.isEmpty()) {
            return false;
        }
        Optional<String> token = NumberedChoices.pick(choices, Integer.parseInt(t));
        if (token.isEmpty()) {
            if (!turn.conversation().isDirect()) {
                return false; // in a group a stray number is just chat
            }
            turn.replyPrivately("Please reply with one of the numbers shown: " + NumberedChoices.offered(choices) + ".");
            return true;
        }
        press(turn, token.get(), null);
        return true;
    }

    private void press(Turn turn, String token, ButtonPressed press) {
        Optional<ButtonAction> action = context.buttons().resolve(token);
        String notice = null;
        if (action.isEmpty()) {
            notice = "This button has expired.";
        } else if (action.get().allowedUser() != null && !action.get().allowedUser().equals(turn.actor().id())) {
            notice = "This button is for someone else.";
        }
        if (press != null) {
            acknowledge(press, notice);
        }
        if (notice != null) {
            if (press == null) {
                turn.replyPrivately(notice);
            }
            return;
        }
        ButtonHandler handler = buttons.get(action.get().handler());
        if (handler == null) {
            LOG.warn("no handler {} for a button in {}", action.get().handler(), turn.conversation().id());
            turn.replyPrivately("That button no longer does anything. Please try the command again.");
            return;
        }
        handler.pressed(turn, action.get());
    }

    private void acknowledge(ButtonPressed press, String notice) {
        try {
            context.gateways().chat(press.conversation().platform()).acknowledge(press, notice);
        } catch (GatewayException e) {
            LOG.warn("acknowledging button press {} failed: {}", press.dedupeKey(), e.reason());
        }
    }

    private void notifyListeners(Turn turn) {
        for (EventListener listener : listeners) {
            listener.on(turn);
        }
    }

    private void apologise(InboundEvent event) {
        if (!(event instanceof CommandInvoked || event instanceof ButtonPressed
                || event instanceof MessageReceived m && m.text().startsWith("/"))) {
            return;
        }
        try {
            new Turn(event, context).reply("Sorry, something went wrong on my side. It has been logged; "
                    + "please try again in a moment.");
        } catch (RuntimeException e) {
            LOG.error("could not send the apology for event {}", event.dedupeKey(), e);
        }
    }
}
