package org.fellowship.telegram;

import java.util.List;
import java.util.Objects;
import org.fellowship.core.model.Access;
import org.fellowship.core.port.CommandMenuEntry;
import org.fellowship.telegram.TelegramErrors.Operation;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllChatAdministrators;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllGroupChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeAllPrivateChats;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;

/**
 * Publishes the core's commands as Telegram's command menu ({@code setMyCommands}) at start-up: everyone's commands
 * in the default, private-chat and group scopes, and everyone's plus moderator commands in the chat-administrators
 * scope, so moderator commands are offered only to admins (the core still checks access on every call).
 *
 * <p><b>Threading:</b> thread-safe, blocking (four Bot API calls). <b>Nullness:</b> arguments must not be
 * {@code null}. <b>Failure:</b> {@link org.fellowship.core.port.GatewayException} from the first failing call; the app
 * should log it and carry on (the bot works without a menu).
 */
final class TelegramCommandMenu {
    /** Telegram accepts at most this many commands per scope. */
    static final int MAX_COMMANDS = 100;

    private final TelegramGateway gateway;

    TelegramCommandMenu(TelegramGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /** Publishes these commands, in order. */
    void publish(List<CommandMenuEntry> commands) {
        List<BotCommand> everyone = commands.stream().filter(c -> c.access() == Access.EVERYONE)
                .map(TelegramCommandMenu::command).limit(MAX_COMMANDS).toList();
        List<BotCommand> admins = commands.stream().map(TelegramCommandMenu::command).limit(MAX_COMMANDS).toList();
        set(new BotCommandScopeDefault(), everyone);
        set(new BotCommandScopeAllPrivateChats(), everyone);
        set(new BotCommandScopeAllGroupChats(), everyone);
        set(new BotCommandScopeAllChatAdministrators(), admins);
    }

    private void set(BotCommandScope scope, List<BotCommand> commands) {
        gateway.call("setMyCommands", Operation.OTHER,
                SetMyCommands.builder().commands(commands).scope(scope).build());
    }

    private static BotCommand command(CommandMenuEntry spec) {
        return new BotCommand(spec.name(), spec.description());
    }
}
