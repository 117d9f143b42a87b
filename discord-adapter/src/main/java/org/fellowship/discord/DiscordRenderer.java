package org.fellowship.discord;

import java.util.ArrayList;
import java.util.List;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.GatewayException;
import org.javacord.api.entity.message.MessageFlag;
import org.javacord.api.entity.message.component.ActionRow;
import org.javacord.api.entity.message.component.HighLevelComponent;
import org.javacord.api.entity.message.component.LowLevelComponent;
import org.javacord.api.entity.message.mention.AllowedMentions;
import org.javacord.api.entity.message.mention.AllowedMentionsBuilder;
import org.javacord.api.interaction.callback.ExtendedInteractionMessageBuilderBase;
import org.javacord.api.interaction.callback.InteractionMessageBuilderBase;

/**
 * Turns the core's {@link OutboundMessage} into Discord content: plain text with Markdown neutralised, monospace as a
 * code block (backticks in the text replaced so they cannot close it), buttons as action rows (at most 5 x 5,
 * custom id = the core's token), a file as an attachment, and mentions never parsed (no {@code @everyone}, {@code @here}, role or user pings
 * from any text).
 *
 * <p><b>Threading:</b> stateless and thread-safe. <b>Nullness:</b> arguments must not be {@code null}.
 * <b>Failure:</b> text longer than {@link #MAX_LENGTH} or more buttons than Discord allows is a
 * {@link GatewayException} with reason {@code INVALID}: the core is supposed to have split and adapted it, so
 * receiving it is a bug, reported loudly instead of silently truncated.
 */
final class DiscordRenderer {
    /** Discord's content limit. */
    static final int MAX_LENGTH = 2000;
    static final int MAX_ROWS = 5;
    static final int MAX_BUTTONS_PER_ROW = 5;
    static final int MAX_CUSTOM_ID = 100;
    static final int MAX_LABEL = 80;
    private static final String FENCE = "```";
    /** Modifier letter grave accent: looks like a backtick, cannot close a code block. */
    private static final char NEUTRAL_BACKTICK = '\u02CB';

    /** Renders for a channel or interaction; {@code ephemeral} only matters for interaction responses. */
    RenderedMessage render(OutboundMessage message, boolean ephemeral) {
        String text = message.text();
        if (text.length() > MAX_LENGTH) {
            throw new GatewayException(GatewayException.Reason.INVALID, "message of " + text.length()
                    + " characters exceeds Discord's " + MAX_LENGTH + " (the core should have split it)");
        }
        if (message.hasFile() && message.file().size() > org.fellowship.core.port.PlatformCapabilities
                .DISCORD_MAX_FILE_BYTES) {
            throw new GatewayException(GatewayException.Reason.TOO_LARGE, "file of " + message.file().size()
                    + " bytes exceeds Discord's upload limit (the core should have sent its fallback)");
        }
        if (text.isBlank() && !message.hasButtons() && !message.hasFile()) {
            throw new GatewayException(GatewayException.Reason.INVALID, "Discord cannot send an empty message");
        }
        String content = message.style() == TextStyle.MONOSPACE ? monospace(text) : plain(text);
        Long replyTo = message.replyTo() == null ? null
                : DiscordIds.snowflake(message.replyTo().messageId(), "reply-to message id");
        return new RenderedMessage(text.isBlank() ? "" : content, rows(message.buttonRows()), ephemeral, replyTo,
                message.file());
    }

    /** Escapes Markdown when the escaped text still fits; otherwise keeps the text as is (mentions stay inert). */
    static String plain(String text) {
        String escaped = escapeMarkdown(text);
        return escaped.length() <= MAX_LENGTH ? escaped : text;
    }

    /** A fenced code block; falls back to neutralised plain text when the fence would not fit. */
    static String monospace(String text) {
        String body = text.replace('`', NEUTRAL_BACKTICK);
        String fenced = FENCE + "\n" + body + "\n" + FENCE;
        return fenced.length() <= MAX_LENGTH ? fenced : body;
    }

    static String escapeMarkdown(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        boolean lineStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '*', '_', '~', '`', '|', '[', ']' -> sb.append('\\').append(c);
                case '>', '#', '-' -> {
                    if (lineStart) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
                default -> sb.append(c);
            }
            lineStart = c == '\n' || (lineStart && (c == ' ' || c == '\t'));
        }
        return sb.toString();
    }

    static List<List<Button>> rows(List<ButtonRow> rows) {
        if (rows.size() > MAX_ROWS) {
            throw new GatewayException(GatewayException.Reason.INVALID, "Discord allows at most " + MAX_ROWS
                    + " button rows, got " + rows.size());
        }
        List<List<Button>> out = new ArrayList<>();
        for (ButtonRow row : rows) {
            if (row.buttons().size() > MAX_BUTTONS_PER_ROW) {
                throw new GatewayException(GatewayException.Reason.INVALID, "Discord allows at most "
                        + MAX_BUTTONS_PER_ROW + " buttons per row, got " + row.buttons().size());
            }
            for (Button b : row.buttons()) {
                if (b.token().length() > MAX_CUSTOM_ID) {
                    throw new GatewayException(GatewayException.Reason.INVALID, "button token longer than "
                            + MAX_CUSTOM_ID + " characters");
                }
            }
            out.add(row.buttons());
        }
        return out;
    }

    /** Mentions are never parsed from content: no everyone/here, no roles, no users, no reply ping. */
    static AllowedMentions allowedMentions() {
        return new AllowedMentionsBuilder()
                .setMentionEveryoneAndHere(false)
                .setMentionRoles(false)
                .setMentionUsers(false)
                .setMentionRepliedUser(false)
                .build();
    }

    /** Javacord action rows for the rendered buttons (secondary style; labels cut to Discord's 80). */
    static HighLevelComponent[] components(RenderedMessage message) {
        HighLevelComponent[] rows = new HighLevelComponent[message.rows().size()];
        for (int r = 0; r < rows.length; r++) {
            List<LowLevelComponent> buttons = new ArrayList<>();
            for (Button b : message.rows().get(r)) {
                String label = b.label().length() > MAX_LABEL ? b.label().substring(0, MAX_LABEL) : b.label();
                buttons.add(org.javacord.api.entity.message.component.Button.secondary(b.token(), label));
            }
            rows[r] = ActionRow.of(buttons);
        }
        return rows;
    }

    /**
     * Fills an interaction response or follow-up. Calls each setter separately (never chains), so it works with
     * any implementation of the builder interface.
     */
    static void apply(InteractionMessageBuilderBase<?> builder, RenderedMessage message) {
        builder.setContent(message.content());
        builder.setAllowedMentions(allowedMentions());
        if (!message.rows().isEmpty()) {
            builder.addComponents(components(message));
        }
        if (message.ephemeral()) {
            builder.setFlags(MessageFlag.EPHEMERAL);
        }
        if (message.file() != null) {
            if (!(builder instanceof ExtendedInteractionMessageBuilderBase<?> withFiles)) {
                throw GatewayException.unsupported("a file in an immediate interaction response");
            }
            withFiles.addAttachment(message.file().bytes(), message.file().fileName());
        }
    }
}
