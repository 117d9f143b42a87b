package org.fellowship.core.engine;

import org.fellowship.core.model.Access;
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
            turn.replyPrivately("Usage: " + spec.usage() + "\n" + spec.description() + "\nWho can use it: "
                    + who(spec) + ".");
            return;
        }
        StringBuilder everyone = new StringBuilder();
        StringBuilder mentors = new StringBuilder();
        StringBuilder moderators = new StringBuilder();
        for (CommandSpec spec : context.commands().all()) {
            String line = "\n" + spec.usage() + " - " + spec.description();
            if (spec.access() == Access.MODERATOR) {
                if (turn.actor().moderator()) {
                    moderators.append(line);
                }
            } else if (forMentors(spec)) {
                if (turn.actor().mentor()) {
                    mentors.append(line);
                }
            } else {
                everyone.append(line);
            }
        }
        // only what the asker may use, grouped; always private (the engine's rule for /help)
        StringBuilder text = new StringBuilder("Here is what I can do:").append(everyone);
        if (!mentors.isEmpty()) {
            text.append("\n\nFor mentors:").append(mentors);
        }
        if (!moderators.isEmpty()) {
            text.append("\n\nFor moderators:").append(moderators);
        }
        text.append("\n\nSend /help <command> for details.");
        turn.replyPrivately(text.toString());
    }

    /** The mentor's own commands (roster settings), listed only to members the platform reports as mentors. */
    private static boolean forMentors(CommandSpec spec) {
        return spec.name().equals("mentor");
    }

    private static String who(CommandSpec spec) {
        if (spec.access() == Access.MODERATOR) {
            return "moderators of the group, in that group";
        }
        return forMentors(spec) ? "mentors (the group's mentor role or title)" : "everyone";
    }
}
