package org.fellowship.app.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The meeting calendar URLs.
 *
 * @param secret    key of the unguessable token in every calendar URL (at least 16 characters; from the environment
 *                  only); empty: a random one is made once and kept in Redis. Changing it changes every link.
 * @param publicUrl where this app is reachable from outside ({@code https://bot.example.org}); empty: members get the
 *                  calendar as a file only, since the bot cannot tell them a link
 */
@ConfigurationProperties("fellowship.calendar")
public record CalendarSettings(String secret, String publicUrl) {
    public CalendarSettings {
        if (secret != null && !secret.isBlank() && secret.length() < 16) {
            throw new IllegalArgumentException("fellowship.calendar.secret must be at least 16 characters");
        }
        if (publicUrl != null && !publicUrl.isBlank()) {
            URI uri;
            try {
                uri = URI.create(publicUrl.strip());
            } catch (IllegalArgumentException e) {
                uri = null;
            }
            if (uri == null || !"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("fellowship.calendar.public-url must be an http(s) URL");
            }
        }
    }
}
