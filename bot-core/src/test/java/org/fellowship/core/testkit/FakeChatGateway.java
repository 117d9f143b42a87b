package org.fellowship.core.testkit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.port.PlatformCapabilities;

/**
 * A recording gateway for core tests: configurable capabilities, members who have (not) opened DMs, and
 * injectable failures. Implements both ports; every call is recorded as an {@link Action}.
 */
public final class FakeChatGateway implements ChatGateway, GroupAdminGateway {

    /** One recorded call. Fields not relevant to the kind are {@code null}. */
    public record Action(String kind, ConversationId conversation, MessageRef ref, OutboundMessage message,
                         ChatUserId user, Instant until, String notice) {
    }

    private final Platform platform;
    private volatile PlatformCapabilities capabilities;
    private final List<Action> actions = new ArrayList<>();
    private final Set<ChatUserId> closedDirectMessages = new HashSet<>();
    private final Set<ChatUserId> moderators = new LinkedHashSet<>();
    private final AtomicLong ids = new AtomicLong();
    private GatewayException nextFailure;
    private final Map<String, GatewayException> nextFailureOf = new HashMap<>();
    private int sendsBeforeCrash = -1;
    private String startLinkBase;
    private final Map<String, byte[]> files = new HashMap<>();
    private final Map<ConversationId, String> readableByOthers = new HashMap<>();
    private final Map<ChatUserId, String> names = new HashMap<>();

    public FakeChatGateway(PlatformCapabilities capabilities) {
        this.platform = capabilities.platform();
        this.capabilities = capabilities;
    }

    public static FakeChatGateway telegram() {
        FakeChatGateway gateway = new FakeChatGateway(PlatformCapabilities.telegram(true));
        gateway.startLinkBase = "https://t.me/fellowship_test_bot?start=";
        return gateway;
    }

    public static FakeChatGateway discord() {
        return new FakeChatGateway(PlatformCapabilities.discord(true));
    }

    public FakeChatGateway capabilities(PlatformCapabilities value) {
        this.capabilities = value;
        return this;
    }

    /** The member has not opened a DM with the bot: {@link #openDirect} refuses. */
    public synchronized FakeChatGateway closeDirectMessages(ChatUserId member) {
        closedDirectMessages.add(member);
        return this;
    }

    public synchronized FakeChatGateway openDirectMessages(ChatUserId member) {
        closedDirectMessages.remove(member);
        return this;
    }

    public synchronized FakeChatGateway moderator(ChatUserId member) {
        moderators.add(member);
        return this;
    }

    /** The platform no longer lists {@code member} as a moderator (demoted). */
    public synchronized FakeChatGateway notModerator(ChatUserId member) {
        moderators.remove(member);
        return this;
    }

    /** The next gateway call throws this. */
    public synchronized FakeChatGateway failNext(GatewayException failure) {
        nextFailure = failure;
        return this;
    }

    /** The next call of one kind ({@code "delete"}, {@code "mute"}, {@code "send"}, ...) throws this. */
    public synchronized FakeChatGateway failNext(String kind, GatewayException failure) {
        nextFailureOf.put(kind, failure);
        return this;
    }

    /** Thrown by {@link #crashAfterSends}: stands for the process dying (an {@link Error}, so nothing catches it). */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash() {
            super("simulated crash", null, false, false);
        }
    }

    /** The {@code n}-th send from now is recorded, then the "process dies" ({@link SimulatedCrash}). */
    public synchronized FakeChatGateway crashAfterSends(int n) {
        sendsBeforeCrash = n;
        return this;
    }

    /**
     * Makes a file downloadable under {@code platformFileRef} and returns its description as the platform would
     * report it (with the true size).
     */
    public synchronized org.fellowship.core.model.Attachment upload(String platformFileRef, String fileName,
                                                                     String mediaType, byte[] bytes) {
        files.put(platformFileRef, bytes.clone());
        return new org.fellowship.core.model.Attachment(fileName, mediaType, bytes.length, platformFileRef);
    }

    /** Files downloaded, by reference, in order. */
    public synchronized List<String> downloads() {
        return actions.stream().filter(a -> a.kind.equals("download")).map(Action::notice).toList();
    }

    public synchronized List<Action> actions() {
        return List.copyOf(actions);
    }

    /** Messages sent, in order. */
    public synchronized List<OutboundMessage> sent() {
        return actions.stream().filter(a -> a.kind.equals("send")).map(Action::message).toList();
    }

    public synchronized void clear() {
        actions.clear();
    }

    @Override
    public Platform platform() {
        return platform;
    }

    @Override
    public PlatformCapabilities capabilities() {
        return capabilities;
    }

    private volatile java.util.function.Consumer<OutboundMessage> beforeSend = m -> { };

    /**
     * Runs {@code hook} before every send, outside the fake's lock: a test can hold one kind of message at a gate (a
     * slow platform, a rate limit) while sends from other threads go on.
     */
    public FakeChatGateway beforeSend(java.util.function.Consumer<OutboundMessage> hook) {
        this.beforeSend = java.util.Objects.requireNonNull(hook);
        return this;
    }

    @Override
    public MessageRef send(OutboundMessage message) {
        beforeSend.accept(message);
        return record(message);
    }

    private synchronized MessageRef record(OutboundMessage message) {
        failIfAsked();
        if (message.text().length() > capabilities.maxTextLength()) {
            throw new GatewayException(GatewayException.Reason.INVALID, "text longer than the platform allows");
        }
        if (message.hasButtons() && !capabilities.buttons()) {
            throw GatewayException.unsupported("buttons");
        }
        if (message.hasFile() && (!capabilities.files() || message.file().size() > capabilities.maxFileBytes()
                || message.text().length() > capabilities.maxCaptionLength())) {
            throw new GatewayException(GatewayException.Reason.INVALID, "file the platform cannot take");
        }
        MessageRef ref = new MessageRef(message.to(), String.valueOf(ids.incrementAndGet()));
        actions.add(new Action("send", message.to(), ref, message, message.recipient(), null, null));
        if (sendsBeforeCrash > 0 && --sendsBeforeCrash == 0) {
            sendsBeforeCrash = -1;
            throw new SimulatedCrash();
        }
        return ref;
    }

    @Override
    public synchronized void edit(MessageRef target, OutboundMessage replacement) {
        failIfAsked();
        actions.add(new Action("edit", target.conversation(), target, replacement, null, null, null));
    }

    @Override
    public synchronized void acknowledge(ButtonPressed press, String notice) {
        failIfAsked();
        actions.add(new Action("ack", press.conversation().id(), press.message(), null, press.actor().id(), null, notice));
    }

    @Override
    public synchronized ConversationId openDirect(ChatUserId member) {
        failIfAsked();
        if (closedDirectMessages.contains(member)) {
            throw new GatewayException(GatewayException.Reason.DIRECT_MESSAGES_CLOSED, "member has not started the bot");
        }
        return new ConversationId(platform, member.value());
    }

    @Override
    public Optional<String> startLink(String startToken) {
        return Optional.ofNullable(startLinkBase).map(base -> base + startToken);
    }

    /** {@code https://chat.example/<conversation>/<message>} for groups, like a platform's message link. */
    @Override
    public Optional<String> messageLink(Conversation where, MessageRef message) {
        return where.isDirect() ? Optional.empty()
                : Optional.of("https://chat.example/" + message.conversation().value() + "/" + message.messageId());
    }

    /** Serves files from {@link #upload}; cuts off (TOO_LARGE) like a real adapter past {@code maxBytes}. */
    @Override
    public synchronized byte[] download(org.fellowship.core.model.Attachment attachment, long maxBytes) {
        failIfAsked("download");
        actions.add(new Action("download", null, null, null, null, null, attachment.platformFileRef()));
        byte[] bytes = files.get(attachment.platformFileRef());
        if (bytes == null) {
            throw new GatewayException(GatewayException.Reason.NOT_FOUND, "no such file");
        }
        if (bytes.length > maxBytes) {
            throw new GatewayException(GatewayException.Reason.TOO_LARGE, "file larger than " + maxBytes + " bytes");
        }
        return bytes.clone();
    }

    @Override
    public synchronized void delete(MessageRef message) {
        failIfAsked("delete");
        actions.add(new Action("delete", message.conversation(), message, null, null, null, null));
    }

    @Override
    public synchronized void mute(ConversationId group, ChatUserId member, Instant until) {
        failIfAsked("mute");
        actions.add(new Action("mute", group, null, null, member, until, null));
    }

    @Override
    public synchronized void unmute(ConversationId group, ChatUserId member) {
        failIfAsked("unmute");
        actions.add(new Action("unmute", group, null, null, member, null, null));
    }

    @Override
    public synchronized void kick(ConversationId group, ChatUserId member) {
        failIfAsked("kick");
        actions.add(new Action("kick", group, null, null, member, null, null));
    }

    @Override
    public synchronized void ban(ConversationId group, ChatUserId member) {
        failIfAsked("ban");
        actions.add(new Action("ban", group, null, null, member, null, null));
    }

    @Override
    public synchronized void unban(ConversationId group, ChatUserId member) {
        failIfAsked("unban");
        actions.add(new Action("unban", group, null, null, member, null, null));
    }

    /** Records {@code "slowmode"} with the interval's seconds as the notice; {@link #failNext} plays a refusal. */
    @Override
    public synchronized void slowmode(ConversationId chat, java.time.Duration interval) {
        failIfAsked("slowmode");
        actions.add(new Action("slowmode", chat, null, null, null, null, Long.toString(interval.toSeconds())));
    }

    @Override
    public synchronized Set<ChatUserId> moderators(ConversationId group) {
        failIfAsked();
        return Set.copyOf(moderators);
    }

    /** The platform knows {@code member} as {@code name} (in every group); unknown members have no name. */
    public synchronized FakeChatGateway name(ChatUserId member, String name) {
        names.put(member, name);
        return this;
    }

    /** The name set with {@link #name}; empty for others (and never a failure, as the port promises). */
    @Override
    public synchronized Optional<String> memberName(ConversationId group, ChatUserId member) {
        return Optional.ofNullable(names.get(member));
    }

    /** Others than moderators can read {@code chat}, for {@code problem} (every chat is moderators-only until told). */
    public synchronized FakeChatGateway readableByOthers(ConversationId chat, String problem) {
        readableByOthers.put(chat, problem);
        return this;
    }

    /** {@code chat} is moderators-only again. */
    public synchronized FakeChatGateway moderatorsOnly(ConversationId chat) {
        readableByOthers.remove(chat);
        return this;
    }

    @Override
    public synchronized org.fellowship.core.port.ChatAudience audience(ConversationId chat) {
        failIfAsked("audience");
        String problem = readableByOthers.get(chat);
        return problem == null ? org.fellowship.core.port.ChatAudience.onlyModerators()
                : org.fellowship.core.port.ChatAudience.wider(problem);
    }

    private void failIfAsked(String kind) {
        GatewayException failure = nextFailureOf.remove(kind);
        if (failure != null) {
            throw failure;
        }
        failIfAsked();
    }

    private void failIfAsked() {
        if (nextFailure != null) {
            GatewayException failure = nextFailure;
            nextFailure = null;
            throw failure;
        }
    }
}
