package org.fellowship.core.testkit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.CommunityAliases;
import org.fellowship.core.port.PlatformCapabilities;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.EventDeduplicator;
import org.fellowship.core.store.MemberProfileStore;

/**
 * Drives the real engine like a conversation: members say things, press buttons, time passes; tests read the
 * replies. Runs every event to completion on the calling thread, so tests are deterministic.
 *
 * <pre>{@code
 * BotHarness bot = BotHarness.builder().build();
 * var sam = bot.member("42", "Sam");
 * bot.say(sam, "/timezone Berlin");
 * assertThat(bot.lastReply().text()).contains("Europe/Berlin");
 * }</pre>
 */
public final class BotHarness {
    /** A simulated member. */
    public record User(ChatUserId id, String name, boolean moderator, boolean mentor) {
        Member member() {
            return new Member(id, name, moderator, mentor, false);
        }
    }

    private final FakeChatGateway gateway;
    private final MutableClock clock;
    private final BotCore core;
    private final Conversation group;
    private final AtomicLong eventIds = new AtomicLong();
    private int consumed;

    private BotHarness(Builder b) {
        this.gateway = b.gateway;
        this.clock = b.clock;
        CommunityId community = new CommunityId(gateway.platform(), "-1001");
        this.group = new Conversation(new ConversationId(gateway.platform(), "-1001"), ChatKind.GROUP, community,
                "Morning group");
        BotCore.Builder core = BotCore.builder()
                .clock(clock)
                .settings(b.settings)
                .gateways(new Gateways().register((org.fellowship.core.port.ChatGateway) gateway)
                        .register((org.fellowship.core.port.GroupAdminGateway) gateway))
                .deduplicator(b.deduplicator != null ? b.deduplicator : new InMemoryStores.Deduplicator(clock))
                .buttons(b.buttons != null ? b.buttons : new InMemoryStores.Buttons(clock))
                .profiles(b.profiles != null ? b.profiles : new InMemoryStores.Profiles())
                .dueQueue(b.dueQueue != null ? b.dueQueue : new InMemoryDueQueue())
                .aliases(b.aliases != null ? b.aliases : new InMemoryCommunityAliases())
                .executor(Runnable::run, 1_000)
                .dueWork(Duration.ofMinutes(2), b.dueBatch);
        b.features.forEach(core::feature);
        this.core = core.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public User member(String id, String name) {
        return new User(new ChatUserId(gateway.platform(), id), name, false, false);
    }

    /** A moderator: the event says so, and the platform's moderator list (the fake gateway's) names them. */
    public User moderator(String id, String name) {
        ChatUserId user = new ChatUserId(gateway.platform(), id);
        gateway.moderator(user);
        return new User(user, name, true, false);
    }

    public User mentor(String id, String name) {
        return new User(new ChatUserId(gateway.platform(), id), name, false, true);
    }

    /** The member writes to the bot in their direct chat. */
    public BotHarness say(User user, String text) {
        return deliver(MessageReceived.simple(nextId(), Conversation.direct(user.id()), user.member(), clock.instant(),
                nextId(), text));
    }

    /** The member writes in the shared group. */
    public BotHarness sayInGroup(User user, String text) {
        return deliver(MessageReceived.simple(nextId(), group, user.member(), clock.instant(), nextId(), text));
    }

    /** The member writes in another group conversation (for example the shared group under a new id). */
    public BotHarness sayIn(Conversation where, User user, String text) {
        return deliver(MessageReceived.simple(nextId(), where, user.member(), clock.instant(), nextId(), text));
    }

    /**
     * The member sends files in the shared group: {@code files} with the message itself (its text is their caption),
     * {@code repliedFiles} on an earlier message this one replies to (empty: not a reply).
     */
    public BotHarness sendFilesInGroup(User user, String text, List<org.fellowship.core.model.Attachment> files,
                                       List<org.fellowship.core.model.Attachment> repliedFiles) {
        String id = nextId();
        org.fellowship.core.model.MessageRef replyTo = repliedFiles.isEmpty() ? null
                : new org.fellowship.core.model.MessageRef(group.id(), "r" + id);
        return deliver(new MessageReceived(nextId(), group, user.member(), clock.instant(),
                new org.fellowship.core.model.MessageRef(group.id(), id), text, replyTo,
                replyTo == null ? null : user.id(), 0, files, repliedFiles));
    }

    public BotHarness join(User user) {
        return deliver(new MemberJoined(nextId(), group, user.member(), clock.instant()));
    }

    /** Presses the button labelled {@code label} on the latest message sent to this member that has one. */
    public BotHarness press(User user, String label) {
        List<FakeChatGateway.Action> actions = gateway.actions();
        for (int i = actions.size() - 1; i >= 0; i--) {
            FakeChatGateway.Action a = actions.get(i);
            if (!a.kind().equals("send") || !user.id().equals(a.message().recipient()) && !isDirectTo(a, user)) {
                continue;
            }
            for (Button button : a.message().allButtons()) {
                if (button.label().equals(label)) {
                    Conversation where = a.conversation().equals(group.id()) ? group : Conversation.direct(user.id());
                    return deliver(new ButtonPressed(nextId(), where, user.member(), clock.instant(), a.ref(),
                            button.token(), "cb" + eventIds.get()));
                }
            }
        }
        throw new AssertionError("no message to " + user.name() + " has a button labelled '" + label + "'");
    }

    /** Presses the button labelled {@code label} on the latest group message that has one, as {@code user}. */
    public BotHarness pressInGroup(User user, String label) {
        List<FakeChatGateway.Action> actions = gateway.actions();
        for (int i = actions.size() - 1; i >= 0; i--) {
            FakeChatGateway.Action a = actions.get(i);
            if (!a.kind().equals("send") || !a.conversation().equals(group.id())) {
                continue;
            }
            for (Button button : a.message().allButtons()) {
                if (button.label().equals(label)) {
                    return deliver(new ButtonPressed(nextId(), group, user.member(), clock.instant(), a.ref(),
                            button.token(), "cb" + eventIds.get()));
                }
            }
        }
        throw new AssertionError("no group message has a button labelled '" + label + "'");
    }

    /** Hands any event to the engine, as an adapter would. */
    public BotHarness deliver(InboundEvent event) {
        core.engine().accept(event);
        return this;
    }

    /** Moves time forward and runs the scheduled work that falls due, in time order. */
    public BotHarness advance(Duration duration) {
        Instant target = clock.instant().plus(duration);
        DueQueue queue = core.context().dueQueue();
        while (true) {
            Instant next = queue.nextDueAt().orElse(null);
            if (next == null || next.isAfter(target)) {
                break;
            }
            if (next.isAfter(clock.instant())) {
                clock.set(next);
            }
            if (core.dueWorker().runDue() == 0 && !next.isAfter(clock.instant())) {
                break;
            }
        }
        clock.set(target);
        core.dueWorker().runDue();
        return this;
    }

    /** Messages sent since the previous call to {@code replies()}. */
    public List<OutboundMessage> replies() {
        List<OutboundMessage> sent = gateway.sent();
        List<OutboundMessage> fresh = new ArrayList<>(sent.subList(consumed, sent.size()));
        consumed = sent.size();
        return fresh;
    }

    /** The most recent message sent, whether or not it was already read through {@link #replies()}. */
    public OutboundMessage lastReply() {
        List<OutboundMessage> sent = gateway.sent();
        if (sent.isEmpty()) {
            throw new AssertionError("the bot has not sent anything");
        }
        return sent.get(sent.size() - 1);
    }

    public FakeChatGateway gateway() {
        return gateway;
    }

    public MutableClock clock() {
        return clock;
    }

    public BotCore core() {
        return core;
    }

    public Conversation group() {
        return group;
    }

    /** The ids communities have now, as the engine resolves them. */
    public CommunityAliases aliases() {
        return core.context().aliases();
    }

    private boolean isDirectTo(FakeChatGateway.Action a, User user) {
        return a.conversation().value().equals(user.id().value()) && !a.conversation().equals(group.id());
    }

    private String nextId() {
        return String.valueOf(eventIds.incrementAndGet());
    }

    /** Options for a harness; defaults: Telegram fake gateway, in-memory stores, clock at 2026-03-08T09:00Z. */
    public static final class Builder {
        private FakeChatGateway gateway = FakeChatGateway.telegram();
        private MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
        private BotSettings settings = BotSettings.defaults();
        private EventDeduplicator deduplicator;
        private ButtonTokenStore buttons;
        private MemberProfileStore profiles;
        private DueQueue dueQueue;
        private CommunityAliases aliases;
        private int dueBatch = 100;
        private final List<Feature> features = new ArrayList<>();

        /** Due items one worker claims per round trip (1 lets two harnesses interleave item by item). */
        public Builder dueBatch(int value) {
            this.dueBatch = value;
            return this;
        }

        public Builder gateway(FakeChatGateway value) {
            this.gateway = Objects.requireNonNull(value);
            return this;
        }

        public Builder capabilities(PlatformCapabilities value) {
            this.gateway = new FakeChatGateway(value);
            return this;
        }

        public Builder clock(MutableClock value) {
            this.clock = value;
            return this;
        }

        public Builder settings(BotSettings value) {
            this.settings = value;
            return this;
        }

        /** Real stores (for example Redis-backed) instead of the in-memory fakes. */
        public Builder stores(EventDeduplicator dedupe, ButtonTokenStore buttonStore, MemberProfileStore profileStore,
                              DueQueue queue) {
            this.deduplicator = dedupe;
            this.buttons = buttonStore;
            this.profiles = profileStore;
            this.dueQueue = queue;
            return this;
        }

        /** Community aliases shared with something else (for example Redis-backed) instead of a fresh in-memory one. */
        public Builder aliases(CommunityAliases value) {
            this.aliases = value;
            return this;
        }

        public Builder feature(Feature feature) {
            features.add(feature);
            return this;
        }

        public BotHarness build() {
            return new BotHarness(this);
        }
    }
}
