package org.fellowship.app.meetings;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.fellowship.core.model.CommunityId;

/**
 * The calendar URLs of a community: stable (calendar apps subscribe to them) but not guessable, because a
 * community's schedule can hold private online-meeting links. Each URL carries a token, the HMAC-SHA256 of the
 * community id under a deployment secret ({@code FELLOWSHIP_CALENDAR_SECRET}, else one generated once and kept in
 * Redis), so only people who were given the link (members, by {@code /meetings ics}) can fetch it. Changing the
 * secret changes every link. Immutable and thread-safe.
 */
public final class CalendarLinks {
    /** Characters of the URL-safe base64 token (132 bits). */
    static final int TOKEN_LENGTH = 22;

    private final SecretKeySpec key;
    private final String publicUrl;

    /**
     * @param secret    the deployment secret (at least 16 characters)
     * @param publicUrl where the app is reachable from outside ({@code https://bot.example.org}), or {@code null} when
     *                  it is not: tokens still protect the URLs, but the bot cannot tell anyone a full link
     */
    public CalendarLinks(String secret, String publicUrl) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length() < 16) {
            throw new IllegalArgumentException("the calendar secret must be at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        String base = publicUrl == null ? "" : publicUrl.strip();
        this.publicUrl = base.isEmpty() ? null : base.replaceAll("/+$", "");
    }

    /** The token of a community's calendar URLs. */
    public String token(CommunityId community) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((community.platform().code() + ":" + community.value())
                    .getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, TOKEN_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** {@code true} when {@code token} is the community's (compared in constant time). */
    public boolean valid(CommunityId community, String token) {
        return token != null && MessageDigest.isEqual(token(community).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    /** The path of the community's calendar ({@code slug == null}) or of one meeting, from the server root. */
    public String path(CommunityId community, String slug) {
        String base = "/calendar/" + community.platform().code() + "/" + community.value() + "/" + token(community);
        return slug == null ? base + ".ics" : base + "/" + slug + ".ics";
    }

    /** The full URL of {@link #path}, when the app's public address is configured. */
    public Optional<String> url(CommunityId community, String slug) {
        return publicUrl == null ? Optional.empty() : Optional.of(publicUrl + path(community, slug));
    }
}
