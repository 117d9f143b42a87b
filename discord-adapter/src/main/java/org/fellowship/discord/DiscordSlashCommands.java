package org.fellowship.discord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fellowship.core.port.CommandMenuEntry;
import org.fellowship.core.port.GatewayException;
import org.javacord.api.DiscordApi;
import org.javacord.api.interaction.SlashCommand;
import org.javacord.api.interaction.SlashCommandBuilder;
import org.javacord.api.interaction.SlashCommandOption;
import org.javacord.api.interaction.SlashCommandOptionType;

/**
 * Publishes the core's commands ({@link CommandMenuEntry}) as Discord slash commands, globally or in one guild
 * ({@link DiscordSettings#commandGuildId()}; guild commands appear at once, global ones can take up to an hour).
 * Each command gets its description and, when it takes arguments, one string option {@value #ARGUMENTS_OPTION}
 * described by the command's synopsis (required when the synopsis starts with {@code <}). The core parses
 * arguments itself, so slash commands and typed text commands run the same code. Registration overwrites the
 * whole set in one request, so removed commands disappear.
 *
 * <p><b>Threading:</b> thread-safe; {@link #register} blocks up to the request timeout. <b>Nullness:</b> no
 * {@code null} arguments. <b>Failure:</b> {@link GatewayException} (for example {@code FORBIDDEN} when the bot was
 * invited without the {@code applications.commands} scope).
 */
final class DiscordSlashCommands {
    /** The single free-text option every command with arguments gets. */
    static final String ARGUMENTS_OPTION = "arguments";
    /** The optional file option of commands that read one ({@link CommandMenuEntry#acceptsFile()}). */
    static final String FILE_OPTION = "file";
    private static final int MAX_OPTION_DESCRIPTION = 100;

    private final DiscordApi api;
    private final DiscordSettings settings;

    DiscordSlashCommands(DiscordApi api, DiscordSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /** Replaces the bot's slash commands with {@code specs}; returns how many were registered. */
    int register(List<CommandMenuEntry> specs) {
        Set<SlashCommandBuilder> builders = builders(specs);
        long timeout = settings.requestTimeout().toMillis() * 3;
        if (settings.commandGuildId() == null) {
            DiscordFailures.await(api.bulkOverwriteGlobalApplicationCommands(builders),
                    "register global slash commands", timeout);
        } else {
            DiscordFailures.await(api.bulkOverwriteServerApplicationCommands(settings.commandGuildId(), builders),
                    "register guild slash commands", timeout);
        }
        return builders.size();
    }

    /** One builder per command, in registration order. */
    static Set<SlashCommandBuilder> builders(List<CommandMenuEntry> specs) {
        Set<SlashCommandBuilder> builders = new LinkedHashSet<>();
        for (CommandMenuEntry spec : specs) {
            builders.add(SlashCommand.with(spec.name(), spec.description(), options(spec)));
        }
        return builders;
    }

    /** Option names per command in declared order, for {@link DiscordMapper}. */
    static Map<String, List<String>> declaredOptions(List<CommandMenuEntry> specs) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (CommandMenuEntry spec : specs) {
            out.put(spec.name(), spec.arguments().isBlank() ? List.of() : List.of(ARGUMENTS_OPTION));
        }
        return out;
    }

    static List<SlashCommandOption> options(CommandMenuEntry spec) {
        List<SlashCommandOption> options = new ArrayList<>();
        if (!spec.arguments().isBlank()) {
            options.add(SlashCommandOption.create(SlashCommandOptionType.STRING, ARGUMENTS_OPTION,
                    optionDescription(spec), spec.arguments().strip().startsWith("<")));
        }
        if (spec.acceptsFile()) {
            options.add(SlashCommandOption.create(SlashCommandOptionType.ATTACHMENT, FILE_OPTION,
                    "A file for the command, e.g. a meeting feed for import", false));
        }
        return List.copyOf(options);
    }

    static String optionDescription(CommandMenuEntry spec) {
        String d = spec.arguments().strip();
        return d.length() > MAX_OPTION_DESCRIPTION ? d.substring(0, MAX_OPTION_DESCRIPTION - 1) + "…" : d;
    }
}
