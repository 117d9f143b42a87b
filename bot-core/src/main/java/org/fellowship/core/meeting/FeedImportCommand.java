package org.fellowship.core.meeting;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.meeting.feed.FeedException;
import org.fellowship.core.meeting.feed.FeedParser;
import org.fellowship.core.meeting.feed.FeedSource;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.port.GatewayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /meetings import} (moderators): a feed by URL (remembered and refreshed daily), JSON pasted after the
 * command, or a feed file sent with it or replied to (both imported once).
 */
final class FeedImportCommand {
    /** Largest feed file a moderator may upload (the parser's own limit, in bytes). */
    static final int MAX_UPLOAD_BYTES = FeedParser.MAX_FEED_CHARS;
    private static final Logger LOG = LoggerFactory.getLogger(FeedImportCommand.class);

    private final MeetingStore store;
    private final FeedSource source;
    private final FeedImporter importer;
    private final FeedRefreshHandler refresh;
    private final BotContext context;

    FeedImportCommand(MeetingStore store, FeedSource source, FeedImporter importer, FeedRefreshHandler refresh,
                      BotContext context) {
        this.store = store;
        this.source = source;
        this.importer = importer;
        this.refresh = refresh;
        this.context = context;
    }

    void importFeed(Turn turn, String arg) {
        CommunityId community = MeetingLookup.community(turn);
        if (arg.isEmpty() && !turn.attachments().isEmpty()) {
            importFile(turn, community);
            return;
        }
        if (arg.isEmpty()) {
            throw new UsageException("Give a feed URL (https://...), paste the feed's JSON after /meetings import, or "
                    + "send the feed's .json file with /meetings import as its caption (or reply /meetings import to "
                    + "it).");
        }
        if (arg.matches("(?i)https?://\\S{1,2000}")) {
            importUrl(turn, community, arg);
            return;
        }
        if (!arg.startsWith("[") && !arg.startsWith("{")) {
            throw new UsageException("That is neither a feed URL (https://...) nor JSON.");
        }
        try {
            turn.reply(importer.apply(community, arg).text());
        } catch (FeedException e) {
            turn.reply(e.getMessage() + " Nothing was changed.");
        }
    }

    /**
     * Imports a feed by URL. The fetch runs on the feed source's own threads within its deadline; when it has not
     * finished at once, the moderator hears that it is under way and the result follows in the same chat, so a slow
     * feed server never holds this conversation's engine thread.
     */
    private void importUrl(Turn turn, CommunityId community, String url) {
        CompletableFuture<String> fetch = source.fetchAsync(url);
        ConversationId chat = turn.conversation().id();
        if (fetch.isDone()) {
            turn.reply(importFetched(community, chat, url, fetch, turn.now()));
            return;
        }
        turn.reply("Fetching the feed; I'll post the result here when it's done.");
        MessageRef command = turn.triggeringMessage();
        ChatUserId moderator = turn.actor().id();
        boolean direct = turn.conversation().isDirect();
        fetch.whenComplete((json, error) -> {
            String text;
            try {
                text = importFetched(community, chat, url, fetch, context.clock().instant());
            } catch (RuntimeException e) {
                LOG.error("meeting feed import for community={} failed after the fetch", community, e);
                text = "Something went wrong while importing that feed; please try again in a moment.";
            }
            try {
                context.outbox().send(new OutboundMessage(chat, text, TextStyle.PLAIN,
                        List.of(), command, Delivery.PUBLIC, moderator, Priority.NORMAL), direct);
            } catch (RuntimeException e) {
                LOG.warn("meeting feed import result for community={} could not be sent: {}", community,
                        e.getClass().getSimpleName());
            }
        });
    }

    /** The answer to a finished fetch: the import summary, or the one line saying why nothing changed. */
    private String importFetched(CommunityId community, ConversationId chat, String url,
                                 CompletableFuture<String> fetch, Instant now) {
        String json;
        try {
            json = fetch.join();
        } catch (CompletionException | CancellationException e) {
            return e.getCause() instanceof FeedException feed ? feed.getMessage()
                    : "I couldn't fetch that feed just now; please try again later.";
        }
        try {
            ImportSummary summary = importer.apply(community, json);
            store.setFeedUrl(community, url);
            refresh.schedule(community, chat, now);
            return summary.text();
        } catch (FeedException e) {
            return e.getMessage() + " Nothing was changed.";
        }
    }

    /**
     * Imports the feed file sent with (or replied to by) the command. Like pasted JSON, a file is imported once:
     * only a URL is remembered and refreshed daily.
     */
    private void importFile(Turn turn, CommunityId community) {
        List<Attachment> files = turn.attachments();
        Attachment file = files.stream().filter(Attachment::looksLikeJson).findFirst().orElse(files.get(0));
        if (file.knownLargerThan(MAX_UPLOAD_BYTES)) {
            turn.reply(tooLarge());
            return;
        }
        byte[] bytes;
        try {
            bytes = context.gateways().chat(turn.conversation().platform()).download(file, MAX_UPLOAD_BYTES);
        } catch (GatewayException e) {
            LOG.warn("meeting feed file of community={} could not be fetched: {}", community, e.reason());
            turn.reply(switch (e.reason()) {
                case TOO_LARGE -> tooLarge();
                case UNSUPPORTED -> "I can't read files here; give the feed's URL or paste its JSON instead.";
                case NOT_FOUND -> "That file is no longer available; please send it again. Nothing was changed.";
                default -> "I couldn't fetch that file just now; please try again in a moment. Nothing was changed.";
            });
            return;
        }
        if (bytes.length > MAX_UPLOAD_BYTES) {
            turn.reply(tooLarge());
            return;
        }
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            turn.reply("That file is not UTF-8 text, so it is not a Meeting Guide JSON feed. Nothing was changed.");
            return;
        }
        if (json.startsWith("\uFEFF")) {
            json = json.substring(1);
        }
        LOG.info("meeting feed file for community={} fetched ({} bytes)", community, bytes.length);
        try {
            turn.reply(importer.apply(community, json.strip()).text());
        } catch (FeedException e) {
            turn.reply(e.getMessage() + " Nothing was changed.");
        }
    }

    private static String tooLarge() {
        return "That file is larger than " + MAX_UPLOAD_BYTES / 1_000_000 + " MB, the most I import. Nothing was "
                + "changed.";
    }
}
