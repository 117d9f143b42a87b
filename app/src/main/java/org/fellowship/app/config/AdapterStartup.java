package org.fellowship.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says clearly, once the app is up, which platforms are connected and why the others are not. */
@Component
public class AdapterStartup {
    private static final Logger LOG = LoggerFactory.getLogger(AdapterStartup.class);
    private final PlatformSettings platforms;

    public AdapterStartup(PlatformSettings platforms) {
        this.platforms = platforms;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void report() {
        if (platforms.telegram().enabled()) {
            LOG.info("Telegram adapter: enabled ({})", platforms.telegram().mode());
        } else {
            LOG.info("Telegram adapter: disabled (FELLOWSHIP_TELEGRAM_TOKEN is not set)");
        }
        if (platforms.discord().enabled()) {
            LOG.info("Discord adapter: enabled");
        } else {
            LOG.info("Discord adapter: disabled (FELLOWSHIP_DISCORD_TOKEN is not set)");
        }
        if (!platforms.telegram().enabled() && !platforms.discord().enabled()) {
            LOG.info("No platform connected. Try the bot locally: java -jar app/target/fellowship.jar console");
        }
    }
}
