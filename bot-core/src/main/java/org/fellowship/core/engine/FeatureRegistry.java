package org.fellowship.core.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fellowship.core.model.Access;
import org.fellowship.core.schedule.DueHandler;

/** What features register into while the bot is assembled. */
public final class FeatureRegistry {
    private final CommandRegistry commands;
    private final Map<String, ButtonHandler> buttons = new HashMap<>();
    private final Map<String, DueHandler> dueHandlers = new HashMap<>();
    private final Map<String, org.fellowship.core.schedule.DueLane> dueLanes;
    private final List<EventListener> listeners = new ArrayList<>();
    private SafetyScreen safetyScreen = SafetyScreen.NONE;
    private MessageGuard guard = MessageGuard.NONE;

    /** @param dueLanes filled with each due handler's kind and lane as handlers register */
    FeatureRegistry(CommandRegistry commands, Map<String, org.fellowship.core.schedule.DueLane> dueLanes) {
        this.commands = commands;
        this.dueLanes = dueLanes;
    }

    public FeatureRegistry command(String name, String arguments, String description, Access access,
                                   CommandHandler handler) {
        commands.register(new CommandSpec(name, arguments, description, access, handler));
        return this;
    }

    /**
     * A command some of whose arguments are sample text the sender quotes (a moderator's {@code /filter test <text>}),
     * not their own words: see {@link CommandSpec#quotesSample()}.
     */
    public FeatureRegistry commandQuoting(String name, String arguments, String description, Access access,
                                          CommandHandler handler, java.util.function.Predicate<String> quotesSample) {
        commands.register(new CommandSpec(name, arguments, description, access, handler, false, quotesSample));
        return this;
    }

    /** A command that reads a file sent with it (see {@link CommandSpec#acceptsFile()}). */
    public FeatureRegistry commandWithFile(String name, String arguments, String description, Access access,
                                           CommandHandler handler) {
        commands.register(new CommandSpec(name, arguments, description, access, handler, true));
        return this;
    }

    public FeatureRegistry button(String handlerName, ButtonHandler handler) {
        if (buttons.putIfAbsent(handlerName, handler) != null) {
            throw new IllegalStateException("button handler " + handlerName + " is registered twice");
        }
        return this;
    }

    public FeatureRegistry due(DueHandler handler) {
        if (dueHandlers.putIfAbsent(handler.kind(), handler) != null) {
            throw new IllegalStateException("due handler " + handler.kind() + " is registered twice");
        }
        dueLanes.put(handler.kind(), handler.lane());
        return this;
    }

    public FeatureRegistry listener(EventListener listener) {
        listeners.add(listener);
        return this;
    }

    public FeatureRegistry safetyScreen(SafetyScreen screen) {
        this.safetyScreen = screen;
        return this;
    }

    public FeatureRegistry guard(MessageGuard messageGuard) {
        this.guard = messageGuard;
        return this;
    }

    Map<String, ButtonHandler> buttons() {
        return Map.copyOf(buttons);
    }

    Map<String, DueHandler> dueHandlers() {
        return Map.copyOf(dueHandlers);
    }

    List<EventListener> listeners() {
        return List.copyOf(listeners);
    }

    SafetyScreen safetyScreen() {
        return safetyScreen;
    }

    MessageGuard guard() {
        return guard;
    }
}
