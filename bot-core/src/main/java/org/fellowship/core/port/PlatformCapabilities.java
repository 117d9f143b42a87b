package org.fellowship.core.port;

import org.fellowship.core.model.Platform;

/**
 * What a platform adapter can do. The core adapts to these instead of guessing: it splits text to
 * {@link #maxTextLength()}, turns buttons into numbered choices when {@link #buttons()} is false, and uses a
 * deep link when {@link #botInitiatedDirectMessages()} is false.
 *
 * @param maxTextLength              longest text one message may carry, in UTF-16 chars
 * @param buttons                    inline buttons are supported
 * @param maxButtonsPerRow           widest button row
 * @param maxButtonRows              most rows under one message
 * @param botInitiatedDirectMessages the bot may open a DM with a member who never wrote to it
 * @param ephemeralReplies           a reply inside a group can be made visible to one member only
 * @param readAllGroupMessages       the bot sees every group message (not only commands and replies to it)
 * @param editMessages               the bot may edit what it sent
 */
public record PlatformCapabilities(Platform platform, int maxTextLength, boolean buttons, int maxButtonsPerRow,
                                   int maxButtonRows, boolean botInitiatedDirectMessages, boolean ephemeralReplies,
                                   boolean readAllGroupMessages, boolean editMessages) {
    public PlatformCapabilities {
        if (maxTextLength < 64) {
            throw new IllegalArgumentException("maxTextLength must be at least 64");
        }
    }

    /** Telegram Bot API limits: 4096 chars, 8 buttons a row, 100 rows; no bot-initiated DMs. */
    public static PlatformCapabilities telegram(boolean readAllGroupMessages) {
        return new PlatformCapabilities(Platform.TELEGRAM, 4096, true, 8, 100, false, false, readAllGroupMessages, true);
    }

    /** Discord limits: 2000 chars, action rows of 5 x 5, ephemeral interaction replies. */
    public static PlatformCapabilities discord(boolean messageContentIntent) {
        return new PlatformCapabilities(Platform.DISCORD, 2000, true, 5, 5, true, true, messageContentIntent, true);
    }
}
