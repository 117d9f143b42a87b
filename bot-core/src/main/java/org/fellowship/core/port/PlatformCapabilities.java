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
 * @param maxFileBytes               largest file the bot may send; 0 when it cannot send files at all
 * @param maxCaptionLength           longest text that can ride with a file, in UTF-16 chars (longer text is sent
 *                                   before the file as ordinary messages)
 */
public record PlatformCapabilities(Platform platform, int maxTextLength, boolean buttons, int maxButtonsPerRow,
                                   int maxButtonRows, boolean botInitiatedDirectMessages, boolean ephemeralReplies,
                                   boolean readAllGroupMessages, boolean editMessages, long maxFileBytes,
                                   int maxCaptionLength) {
    /** Telegram bots upload documents of up to 50 MB. */
    public static final long TELEGRAM_MAX_FILE_BYTES = 50L * 1024 * 1024;
    /** Discord's upload limit for a bot in a server without boosts. */
    public static final long DISCORD_MAX_FILE_BYTES = 10L * 1024 * 1024;

    public PlatformCapabilities {
        if (maxTextLength < 64) {
            throw new IllegalArgumentException("maxTextLength must be at least 64");
        }
        if (maxFileBytes < 0 || maxCaptionLength < 0 || maxCaptionLength > maxTextLength) {
            throw new IllegalArgumentException("maxFileBytes and maxCaptionLength must be 0 or more, the caption "
                    + "no longer than maxTextLength");
        }
    }

    /** A platform that cannot send files. */
    public PlatformCapabilities(Platform platform, int maxTextLength, boolean buttons, int maxButtonsPerRow,
                                int maxButtonRows, boolean botInitiatedDirectMessages, boolean ephemeralReplies,
                                boolean readAllGroupMessages, boolean editMessages) {
        this(platform, maxTextLength, buttons, maxButtonsPerRow, maxButtonRows, botInitiatedDirectMessages,
                ephemeralReplies, readAllGroupMessages, editMessages, 0, 0);
    }

    /** Whether the bot can send files at all. */
    public boolean files() {
        return maxFileBytes > 0;
    }

    /** The same capabilities with this file support (0 bytes: none). */
    public PlatformCapabilities withFiles(long maxBytes, int maxCaption) {
        return new PlatformCapabilities(platform, maxTextLength, buttons, maxButtonsPerRow, maxButtonRows,
                botInitiatedDirectMessages, ephemeralReplies, readAllGroupMessages, editMessages, maxBytes, maxCaption);
    }

    /**
     * Telegram Bot API limits: 4096 chars, 8 buttons a row, 100 rows; no bot-initiated DMs; documents up to 50 MB
     * with a caption of up to 1024 chars.
     */
    public static PlatformCapabilities telegram(boolean readAllGroupMessages) {
        return new PlatformCapabilities(Platform.TELEGRAM, 4096, true, 8, 100, false, false, readAllGroupMessages, true,
                TELEGRAM_MAX_FILE_BYTES, 1024);
    }

    /** Discord limits: 2000 chars, action rows of 5 x 5, ephemeral interaction replies, 10 MB attachments. */
    public static PlatformCapabilities discord(boolean messageContentIntent) {
        return new PlatformCapabilities(Platform.DISCORD, 2000, true, 5, 5, true, true, messageContentIntent, true,
                DISCORD_MAX_FILE_BYTES, 2000);
    }
}
