package org.fellowship.app.config;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Platform tokens and options. A platform's adapter is enabled exactly when its token is set. Tokens come from the
 * environment ({@code FELLOWSHIP_TELEGRAM_TOKEN}, {@code FELLOWSHIP_DISCORD_TOKEN}) and are never logged.
 */
@ConfigurationProperties("fellowship")
public record PlatformSettings(Telegram telegram, Discord discord) {

    public PlatformSettings {
        telegram = telegram == null ? new Telegram(null, "long-polling", null, null, null) : telegram;
        discord = discord == null ? new Discord(null, false, 0, List.of(), List.of(), null) : discord;
    }

    /**
     * @param token         bot token from BotFather
     * @param mode          {@code long-polling} or {@code webhook}
     * @param webhookUrl    public HTTPS URL Telegram posts updates to (webhook mode)
     * @param webhookSecret the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} (webhook mode)
     * @param apiUrl        a self-hosted Bot API server (telegram-bot-api) instead of api.telegram.org; optional
     */
    public record Telegram(String token, @DefaultValue("long-polling") String mode, String webhookUrl,
                           String webhookSecret, java.net.URI apiUrl) {
        public Telegram {
            if (apiUrl != null && !"https".equals(apiUrl.getScheme()) && !"http".equals(apiUrl.getScheme())) {
                throw new IllegalArgumentException("fellowship.telegram.api-url must be an http(s) URL");
            }
            requireNotBlankIfSet(token, "fellowship.telegram.token");
            if (!"long-polling".equals(mode) && !"webhook".equals(mode)) {
                throw new IllegalArgumentException("fellowship.telegram.mode must be long-polling or webhook, not '"
                        + mode + "'");
            }
            if (token != null && "webhook".equals(mode)) {
                if (webhookUrl == null || !webhookUrl.startsWith("https://")) {
                    throw new IllegalArgumentException("fellowship.telegram.webhook-url must be an https:// URL in "
                            + "webhook mode");
                }
                if (webhookSecret == null || !webhookSecret.matches("[A-Za-z0-9_-]{16,256}")) {
                    throw new IllegalArgumentException("fellowship.telegram.webhook-secret must be 16-256 characters "
                            + "of A-Z, a-z, 0-9, _ and - in webhook mode");
                }
            }
        }

        public boolean enabled() {
            return token != null;
        }
    }

    /**
     * @param token            bot token from the Discord developer portal
     * @param messageContent   request the privileged Message Content intent (must also be enabled in the portal)
     * @param shards           shard count; 0 lets Discord recommend one
     * @param moderatorRoles   role ids treated as moderators besides Discord's own permissions
     * @param mentorRoles      role ids of mentors
     * @param commandGuild     register slash commands in this guild only (fast iteration); empty for global
     */
    public record Discord(String token, @DefaultValue("false") boolean messageContent, @DefaultValue("0") int shards,
                          List<String> moderatorRoles, List<String> mentorRoles, String commandGuild) {
        public Discord {
            requireNotBlankIfSet(token, "fellowship.discord.token");
            if (shards < 0) {
                throw new IllegalArgumentException("fellowship.discord.shards must be 0 (automatic) or more");
            }
            moderatorRoles = snowflakes(moderatorRoles, "fellowship.discord.moderator-roles");
            mentorRoles = snowflakes(mentorRoles, "fellowship.discord.mentor-roles");
            commandGuild = commandGuild == null || commandGuild.isBlank() ? null : commandGuild.strip();
            if (commandGuild != null) {
                snowflakes(List.of(commandGuild), "fellowship.discord.command-guild");
            }
        }

        /** Discord ids are numbers ("snowflakes"); a role name or a mention here is a common mistake. */
        private static List<String> snowflakes(List<String> ids, String property) {
            if (ids == null) {
                return List.of();
            }
            List<String> clean = ids.stream().map(String::strip).filter(id -> !id.isEmpty()).toList();
            for (String id : clean) {
                if (!id.matches("\\d{5,25}")) {
                    throw new IllegalArgumentException(property + " must hold numeric Discord ids (in Discord: "
                            + "Developer Mode, then right-click the role or server, Copy ID); '" + id + "' is not one");
                }
            }
            return clean;
        }

        public boolean enabled() {
            return token != null;
        }
    }

    private static void requireNotBlankIfSet(String value, String name) {
        if (value != null && value.isBlank()) {
            throw new IllegalArgumentException(name + " is set but empty: set the bot token, or remove the "
                    + "variable to run without this platform");
        }
    }
}
