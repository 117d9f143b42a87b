package org.fellowship.core.engine;

import org.fellowship.core.command.Access;
import org.fellowship.core.command.CommandSpec;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.text.CommandLine;

/** {@code /start} (including deep-link tokens) and {@code /help}, always installed first. */
final class CoreCommands implements Feature {

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        registry.command("start", "", "Start talking with Fellowship", Access.EVERYONE, CoreCommands::start);
        registry.command("help", "[command]", "List what I can do, or explain one command", Access.EVERYONE,
                (turn, args) -> help(turn, args, context));
    }

    private static void start(Turn turn, String token) {
        if (!token.isEmpty() && turn.conversation().isDirect()) {
            Outbox.Pending pending = turn.context().outbox().takePending(token, turn.actor().id(),
                    turn.conversation().id());
            if (pending.status() == Outbox.PendingStatus.FOUND) {
                turn.send(pending.message().orElseThrow());
                return;
            }
            if (pending.status() == Outbox.PendingStatus.SOMEONE_ELSES) {
                turn.reply("That link was meant for someone else.");
                return;
            }
        }
        turn.reply("Hi, I'm Fellowship, a companion for your recovery group. What you tell me stays private "
                + "unless you choose to share it. Send /help to see what I can do.");
    }

    private static void help(Turn turn, String args, BotContext context) {
        if (!args.isEmpty()) {
            String name = CommandLine.parse(args.startsWith("/") ? args : "/" + args)
                    .map(CommandLine::name).orElse(args);
            CommandSpec spec = context.commands().find(name)
                    .orElseThrow(() -> new UsageException("I don't know /" + name + "."));
            turn.replyPrivately(spec.usage() + "\n" + spec.description());
            return;
        }
        StringBuilder text = new StringBuilder("Here is what I can do:");
        for (CommandSpec spec : context.commands().all()) {
            if (spec.access() == Access.MODERATOR && !turn.actor().moderator()) {
                continue;
            }
            text.append('\n').append(spec.usage()).append(" - ").append(spec.description());
        }
        text.append("\nSend /help <command> for details.");
        turn.replyPrivately(text.toString()); // a long list, and what one member may use: never in the group
    }
}
