package org.fellowship.core.meeting;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.meeting.feed.FeedException;
import org.fellowship.core.meeting.feed.FeedSource;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Re-imports the remembered feed URL once a day and tells the group when something changed. */
final class FeedRefreshHandler implements DueHandler<FeedRefreshHandler.Refresh> {
    /** Due-queue kind of the daily re-import of a community's feed URL. */
    static final DueKind<Refresh> KIND = new DueKind<>("meeting.feed-refresh",
            PayloadCodec.of(Refresh::encode, Refresh::decode));

    /** Whose feed to refresh and where to say what changed; stored as {@code tg<TAB><community><TAB><group>}. */
    record Refresh(CommunityId community, ConversationId group) {
        String encode() {
            return PayloadFields.join('\t', community.platform().code(), community.value(), group.value());
        }

        static Refresh decode(String text) {
            PayloadFields f = PayloadFields.split(text, '\t', 3);
            Platform platform = f.platformCode(0);
            return new Refresh(new CommunityId(platform, f.text(1)), new ConversationId(platform, f.text(2)));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FeedRefreshHandler.class);

    private final MeetingStore store;
    private final FeedSource source;
    private final FeedImporter importer;
    private final BotContext context;

    FeedRefreshHandler(MeetingStore store, FeedSource source, FeedImporter importer, BotContext context) {
        this.store = store;
        this.source = source;
        this.importer = importer;
        this.context = context;
    }

    /** Books the refresh a day after {@code now}; one a day per community, whoever books it. */
    void schedule(CommunityId community, ConversationId group, Instant now) {
        Instant due = now.plus(Duration.ofDays(1));
        String id = "mfeed:" + community + ":" + LocalDate.ofInstant(due, ZoneOffset.UTC);
        context.dueQueue().schedule(KIND.item(id, due, new Refresh(community, group)));
    }

    @Override
    public DueKind<Refresh> kind() {
        return KIND;
    }

    @Override
    public DueLane lane() {
        return DueLane.FETCH;
    }

    @Override
    public void run(DueItem item, Refresh refresh) {
        // queued before the group got a new id (a Telegram supergroup): the feed belongs to its id now
        CommunityId community = context.aliases().current(refresh.community());
        ConversationId group = refresh.group();
        Optional<String> url = store.feedUrl(community);
        if (url.isEmpty()) {
            return;
        }
        // Booked before the fetch starts: the fetch ends on the feed source's own threads, after this item is done,
        // so the scheduler is never held by a slow feed server and a crash meanwhile still leaves tomorrow's.
        schedule(community, group, context.clock().instant());
        source.fetchAsync(url.get()).whenComplete((json, error) -> refreshed(community, group, json, error));
    }

    private void refreshed(CommunityId community, ConversationId group, String json, Throwable error) {
        if (error != null) {
            LOG.warn("meeting feed refresh for community={} failed; keeping the meetings as they are", community);
            return;
        }
        try {
            ImportSummary summary = importer.apply(community, json);
            if (summary.changedAnything()) {
                context.outbox().send(OutboundMessage.text(group, "Meeting feed refreshed: "
                        + summary.counts().substring(0, 1).toLowerCase(Locale.ROOT) + summary.counts().substring(1)),
                        false);
            }
        } catch (FeedException e) {
            LOG.warn("meeting feed refresh for community={} failed; keeping the meetings as they are", community);
        } catch (RuntimeException e) {
            LOG.error("meeting feed refresh for community={} could not be applied; next try tomorrow", community, e);
        }
    }
}
