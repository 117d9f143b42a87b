package org.fellowship.discord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GatewayException.Reason;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.port.PlatformCapabilities;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.channel.Channel;
import org.javacord.api.entity.channel.PrivateChannel;
import org.javacord.api.entity.channel.RegularServerChannel;
import org.javacord.api.entity.channel.ServerChannel;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageAttachment;
import org.javacord.api.entity.permission.PermissionState;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Permissions;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteractionBase;
import org.javacord.api.interaction.callback.InteractionFollowupMessageBuilder;
import org.javacord.api.interaction.callback.InteractionImmediateResponseBuilder;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link ChatGateway} and {@link GroupAdminGateway} for Discord, over a connected Javacord
 * {@link DiscordApi}.
 *
 * <p><b>Interactions.</b> A slash command is deferred the moment it arrives ({@link #beginCommand}), so Discord's
 * 3-second window is always met however long the core takes; the core's first reply to that member in that channel
 * (within {@link DiscordSettings#interactionWindow()}) fills the deferred response, later ones become follow-ups.
 * A private reply inside a guild becomes an ephemeral follow-up; when the core sends it by DM instead, the pending
 * response is replaced by an ephemeral "check your DMs" note. A button press is acknowledged by the core through
 * {@link #acknowledge}; if the core has not done so after {@link #AUTO_ACKNOWLEDGE_AFTER}, the gateway acknowledges
 * it itself (deferred update), and a later notice is sent as an ephemeral follow-up.
 *
 * <p><b>Privacy:</b> a {@link Delivery#PRIVATE} message is never posted visibly in a guild channel: it goes
 * ephemerally to a live interaction, or by DM.
 *
 * <p><b>Threading:</b> thread-safe; every call blocks at most {@link DiscordSettings#requestTimeout()} per Discord
 * request. One daemon scheduler thread runs automatic acknowledgements; {@link #close()} stops it.
 * <b>Nullness:</b> as the ports say; nothing returns {@code null}. <b>Failure:</b> every refusal is a
 * {@link GatewayException} (see {@link DiscordFailures}): Missing Permissions and role hierarchy are
 * {@code FORBIDDEN}, closed DMs {@code DIRECT_MESSAGES_CLOSED}, unknown members/messages {@code NOT_FOUND}, timeouts
 * over 28 days {@code INVALID}, moderation in a DM {@code UNSUPPORTED}. Nothing is swallowed, except the cosmetic
 * "check your DMs" note, whose failure is logged by reason.
 */
public final class DiscordGateway implements ChatGateway, GroupAdminGateway, AutoCloseable {
    /** Discord's longest member timeout. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(28);
    /** A button press the core has not acknowledged by then is acknowledged by the gateway. */
    public static final Duration AUTO_ACKNOWLEDGE_AFTER = Duration.ofMillis(2_000);
    static final String DM_NOTE = "I've sent you a direct message.";
    static final String AUDIT_REASON = "Fellowship moderation";
    private static final Duration INTERACTION_TOKEN_LIFE = Duration.ofMinutes(15);
    private static final Duration CLOSED_DM_MEMORY = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(DiscordGateway.class);

    private final List<DiscordApi> shards;
    private final DiscordSettings settings;
    private final DiscordMapper mapper;
    private final DiscordRenderer renderer = new DiscordRenderer();
    private final ChannelTransport transport;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final long timeoutMillis;
    private volatile boolean messageContent;
    private final Map<Key, Pending> byMember = new ConcurrentHashMap<>();
    private final Map<String, Pending> byId = new ConcurrentHashMap<>();
    private final Map<ChatUserId, Instant> closedDirectMessages = new ConcurrentHashMap<>();

    /**
     * @param api                         a logged-in Javacord client (owned by the caller, e.g. {@link DiscordConnection})
     * @param settings                    roles, timeouts, interaction window
     * @param messageContentIntentGranted whether the bot can read all guild messages
     */
    public DiscordGateway(DiscordApi api, DiscordSettings settings, boolean messageContentIntentGranted) {
        this(List.of(api), settings, messageContentIntentGranted);
    }

    /** For a process that runs several shards: lookups try each shard's cache. */
    public DiscordGateway(List<DiscordApi> shards, DiscordSettings settings, boolean messageContentIntentGranted) {
        this(shards, settings, messageContentIntentGranted, new JavacordChannelTransport(), Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "discord-interactions");
                    t.setDaemon(true);
                    return t;
                }));
    }

    DiscordGateway(List<DiscordApi> shards, DiscordSettings settings, boolean messageContentIntentGranted,
                   ChannelTransport transport, Clock clock, ScheduledExecutorService scheduler) {
        this.shards = List.copyOf(shards);
        if (this.shards.isEmpty()) {
            throw new IllegalArgumentException("at least one DiscordApi shard is needed");
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapper = new DiscordMapper(settings);
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.timeoutMillis = settings.requestTimeout().toMillis();
        this.messageContent = messageContentIntentGranted;
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    @Override
    public PlatformCapabilities capabilities() {
        return PlatformCapabilities.discord(messageContent);
    }

    /** Updates what {@link #capabilities()} reports (after a reconnect with different intents). */
    public void messageContentIntentGranted(boolean granted) {
        this.messageContent = granted;
    }

    // ---------------------------------------------------------------- interactions (called by the connection)

    /** Defers a slash command right away and remembers it so the core's reply answers it. Never blocks. */
    public void beginCommand(InteractionBase interaction, CommandInvoked event) {
        sweep();
        Pending pending = new Pending(interaction, clock.instant(), true, interaction.respondLater());
        byId.put(event.eventId(), pending);
        byMember.put(new Key(event.conversation().id(), event.actor().id()), pending);
    }

    /** Remembers a button interaction and schedules its automatic acknowledgement. Never blocks. */
    public void beginButton(MessageComponentInteractionBase interaction, ButtonPressed event) {
        sweep();
        Pending pending = new Pending(interaction, clock.instant(), false, null);
        if (event.callbackId() != null) {
            byId.put(event.callbackId(), pending);
        }
        byMember.put(new Key(event.conversation().id(), event.actor().id()), pending);
        scheduler.schedule(() -> autoAcknowledge(pending), AUTO_ACKNOWLEDGE_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- ChatGateway

    @Override
    public MessageRef send(OutboundMessage message) {
        RenderedMessage rendered = renderer.render(message, false);
        TextChannel channel = textChannel(message.to(), "send");
        boolean direct = channel instanceof PrivateChannel;
        Pending pending = message.recipient() == null ? null : live(new Key(message.to(), message.recipient()));
        if (message.delivery() == Delivery.PRIVATE && !direct) {
            if (pending != null) {
                return respond(pending, rendered.asEphemeral(), message.to());
            }
            ConversationId dm = openDirect(message.recipient());
            return send(message.withTo(dm).withReplyTo(null));
        }
        if (pending != null && pending.slash) {
            return respond(pending, rendered, message.to());
        }
        if (direct && message.recipient() != null && closedDirectMessages.containsKey(message.recipient())) {
            throw closedDm(message.recipient());
        }
        long id;
        try {
            id = DiscordFailures.await(transport.send(channel, rendered), "send message", timeoutMillis);
        } catch (GatewayException e) {
            if (e.reason() == Reason.DIRECT_MESSAGES_CLOSED && message.recipient() != null) {
                closedDirectMessages.put(message.recipient(), clock.instant());
            }
            throw e;
        }
        if (direct && message.recipient() != null) {
            pointToDirectMessage(message.recipient(), message.to());
        }
        return new MessageRef(message.to(), Long.toUnsignedString(id));
    }

    @Override
    public void edit(MessageRef target, OutboundMessage replacement) {
        RenderedMessage rendered = renderer.render(replacement, false);
        TextChannel channel = textChannel(target.conversation(), "edit");
        DiscordFailures.await(transport.edit(channel, DiscordMapper.snowflake(target.messageId(), "message id"),
                rendered), "edit message", timeoutMillis);
    }

    @Override
    public void acknowledge(ButtonPressed press, String notice) {
        if (press.callbackId() == null) {
            return; // a numbered reply: nothing on Discord waits for an acknowledgement
        }
        Pending pending = byId.get(press.callbackId());
        if (pending == null) {
            throw new GatewayException(Reason.NOT_FOUND, "acknowledge: the button interaction is unknown or expired "
                    + "(older than 15 minutes, or the bot restarted)");
        }
        // No lock is held across the network call: the first caller makes the one initial response, later ones wait
        // for it (the automatic acknowledgement must never queue behind a slow call)
        boolean[] ours = {false};
        java.util.concurrent.CompletableFuture<Void> initial = pending.initialResponse(() -> {
            ours[0] = true;
            if (notice == null) {
                return ((MessageComponentInteractionBase) pending.interaction).acknowledge();
            }
            InteractionImmediateResponseBuilder responder = pending.interaction.createImmediateResponder();
            DiscordRenderer.apply(responder, noticeMessage(notice));
            return responder.respond();
        });
        DiscordFailures.await(initial, "acknowledge button", timeoutMillis);
        if (!ours[0] && notice != null) {
            followUp(pending, noticeMessage(notice));
        }
    }

    @Override
    public ConversationId openDirect(ChatUserId member) {
        requireDiscord(member.platform());
        if (closedDirectMessages.containsKey(member)) {
            throw closedDm(member);
        }
        long userId = DiscordMapper.snowflake(member.value(), "user id");
        User user = DiscordFailures.await(shards.get(0).getUserById(userId), "find member for direct message", timeoutMillis);
        PrivateChannel channel = DiscordFailures.await(user.openPrivateChannel(), "open direct message",
                timeoutMillis);
        return DiscordMapper.conversationId(channel.getId());
    }

    /** Discord has no deep link that hands a start token to a bot. */
    @Override
    public Optional<String> startLink(String startToken) {
        return Optional.empty();
    }

    /** {@code https://discord.com/channels/<server>/<channel>/<message>}; empty for direct messages. */
    @Override
    public Optional<String> messageLink(Conversation where, MessageRef message) {
        if (where.isDirect() || where.community() == null) {
            return Optional.empty();
        }
        return Optional.of("https://discord.com/channels/" + where.community().value() + "/"
                + message.conversation().value() + "/" + message.messageId());
    }

    /**
     * Downloads a member's attachment: looks its message up again through Javacord (reference
     * {@code channel/message/attachment} from {@link DiscordMapper}), checks Discord's reported size against
     * {@code maxBytes}, then fetches it with Javacord within the request timeout.
     */
    @Override
    public byte[] download(Attachment attachment, long maxBytes) {
        if (attachment.knownLargerThan(maxBytes)) {
            throw tooLarge(maxBytes);
        }
        if (attachment.platformFileRef().startsWith(DiscordMapper.SLASH_FILE_PREFIX)) {
            return downloadSlashFile(attachment.platformFileRef(), maxBytes);
        }
        String[] ref = attachment.platformFileRef().split("/", -1);
        if (ref.length != 3) {
            throw new GatewayException(Reason.INVALID, "download: not a Discord attachment reference");
        }
        TextChannel channel = textChannel(DiscordMapper.conversationId(DiscordMapper.snowflake(ref[0], "channel id")),
                "download");
        Message message = DiscordFailures.await(transport.message(channel, DiscordMapper.snowflake(ref[1],
                "message id")), "find message of attachment", timeoutMillis);
        long attachmentId = DiscordMapper.snowflake(ref[2], "attachment id");
        MessageAttachment file = message.getAttachments().stream().filter(a -> a.getId() == attachmentId).findFirst()
                .orElseThrow(() -> new GatewayException(Reason.NOT_FOUND, "download: the attachment is gone"));
        return fetch(file, maxBytes);
    }

    /** The bytes of a file Discord resolved, within {@code maxBytes} by its reported size and by what arrived. */
    private byte[] fetch(org.javacord.api.entity.Attachment file, long maxBytes) {
        if (file.getSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] bytes = DiscordFailures.await(file.asByteArray(), "download attachment", timeoutMillis);
        if (bytes.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        return bytes;
    }

    /**
     * A file sent with a slash command ({@code slash/<event id>/<attachment id>}): found again in the options of the
     * pending interaction, so it is only ever a file Discord resolved for that command, never an arbitrary URL.
     */
    private byte[] downloadSlashFile(String ref, long maxBytes) {
        String[] parts = ref.substring(DiscordMapper.SLASH_FILE_PREFIX.length()).split("/", -1);
        if (parts.length != 2) {
            throw new GatewayException(Reason.INVALID, "download: not a Discord slash command file reference");
        }
        long attachmentId = DiscordMapper.snowflake(parts[1], "attachment id");
        Pending pending = byId.get(parts[0]);
        org.javacord.api.entity.Attachment file = pending == null
                || !(pending.interaction instanceof org.javacord.api.interaction.SlashCommandInteraction slash) ? null
                : slash.getOptions().stream().map(o -> o.getAttachmentValue().orElse(null))
                .filter(a -> a != null && a.getId() == attachmentId).findFirst().orElse(null);
        if (file == null) {
            throw new GatewayException(Reason.NOT_FOUND, "download: the command's file is no longer available");
        }
        return fetch(file, maxBytes);
    }

    private static GatewayException tooLarge(long maxBytes) {
        return new GatewayException(Reason.TOO_LARGE, "file larger than " + maxBytes + " bytes");
    }

    // ---------------------------------------------------------------- GroupAdminGateway

    @Override
    public void delete(MessageRef message) {
        TextChannel channel = textChannel(message.conversation(), "delete");
        DiscordFailures.await(transport.delete(channel, DiscordMapper.snowflake(message.messageId(), "message id")),
                "delete message", timeoutMillis);
    }

    @Override
    public void mute(ConversationId group, ChatUserId member, Instant until) {
        Duration length = Duration.between(clock.instant(), until);
        if (length.isNegative() || length.isZero()) {
            throw new GatewayException(Reason.INVALID, "timeout: the end time is not in the future");
        }
        if (length.compareTo(MAX_TIMEOUT) > 0) {
            throw new GatewayException(Reason.INVALID, "timeout: Discord timeouts last at most 28 days; "
                    + "choose a shorter timeout or a ban");
        }
        Server server = server(group, "timeout");
        User user = member(server, member, "timeout");
        DiscordFailures.await(server.timeoutUser(user, until, AUDIT_REASON), "timeout member", timeoutMillis);
    }

    @Override
    public void unmute(ConversationId group, ChatUserId member) {
        Server server = server(group, "remove timeout");
        User user = member(server, member, "remove timeout");
        DiscordFailures.await(server.removeUserTimeout(user, AUDIT_REASON), "remove timeout", timeoutMillis);
    }

    @Override
    public void kick(ConversationId group, ChatUserId member) {
        Server server = server(group, "kick");
        User user = member(server, member, "kick");
        DiscordFailures.await(server.kickUser(user, AUDIT_REASON), "kick member", timeoutMillis);
    }

    @Override
    public void ban(ConversationId group, ChatUserId member) {
        Server server = server(group, "ban");
        requireDiscord(member.platform());
        DiscordFailures.await(server.banUser(member.value(), 0, TimeUnit.SECONDS, AUDIT_REASON), "ban member",
                timeoutMillis);
    }

    @Override
    public void unban(ConversationId group, ChatUserId member) {
        Server server = server(group, "unban");
        DiscordFailures.await(server.unbanUser(DiscordMapper.snowflake(member.value(), "user id"), AUDIT_REASON),
                "unban member", timeoutMillis);
    }

    /**
     * Only moderators read a channel (a thread: its parent channel) when, after the channel's permission overwrites,
     * neither {@code @everyone} nor any role without moderation rights ({@link DiscordMapper#isModeratorRole}) can view
     * it, and no member who is not a moderator has an overwrite of their own that lets them view it. The bot itself and
     * a role held only by the bot (its integration role) do not count. Read from Javacord's cache of the server, its
     * roles and members (needs the GUILD_MEMBERS intent, as {@link #moderators} does).
     */
    @Override
    public ChatAudience audience(ConversationId chat) {
        requireDiscord(chat.platform());
        Channel found = channel(DiscordMapper.snowflake(chat.value(), "channel id")).orElseThrow(() ->
                new GatewayException(Reason.NOT_FOUND, "audience: channel " + chat + " is unknown to the bot"));
        RegularServerChannel target;
        if (found instanceof ServerThreadChannel thread) {
            target = thread.getParent(); // a thread is readable by whoever can view its parent
        } else if (found instanceof RegularServerChannel regular) {
            target = regular;
        } else {
            throw new GatewayException(Reason.UNSUPPORTED, "audience: " + chat + " is not a server channel");
        }
        try {
            return audience(target);
        } catch (GatewayException e) {
            throw e;
        } catch (RuntimeException e) {
            // an incomplete cache (a role or the server missing) means we cannot tell
            throw new GatewayException(Reason.UNAVAILABLE, "audience: the permissions of " + chat
                    + " could not be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private ChatAudience audience(RegularServerChannel channel) {
        Server server = channel.getServer();
        Role everyone = server.getEveryoneRole();
        Map<Long, Permissions> roleOverwrites = channel.getOverwrittenRolePermissions();
        PermissionState everyoneOverwrite = viewState(roleOverwrites.get(everyone.getId()));
        boolean everyoneBase = grantsView(everyone.getPermissions());
        if (isAllowed(everyone.getPermissions(), PermissionType.ADMINISTRATOR)
                || canView(everyoneBase, everyoneOverwrite, PermissionState.UNSET)) {
            return ChatAudience.wider("@everyone can view this channel: deny View Channel for @everyone (and for "
                    + "roles without moderation rights) in the channel's permissions.");
        }
        long me = shards.get(0).getYourself().getId();
        List<String> roles = new java.util.ArrayList<>();
        for (Role role : server.getRoles()) {
            if (role.getId() == everyone.getId() || mapper.isModeratorRole(role) || heldOnlyBy(role, me)) {
                continue;
            }
            // Roles add up, but one role's allow or server-wide View Channel is enough on its own, so role by role
            // finds every way in.
            boolean base = everyoneBase || grantsView(role.getPermissions());
            if (canView(base, everyoneOverwrite, viewState(roleOverwrites.get(role.getId())))) {
                roles.add("@" + role.getName());
            }
        }
        if (!roles.isEmpty()) {
            return ChatAudience.wider((roles.size() == 1 ? "the role " + roles.get(0) + ", which has"
                    : "the roles " + String.join(", ", roles) + ", which have")
                    + " no moderation rights, can view this channel: deny View Channel for "
                    + (roles.size() == 1 ? "it" : "them") + " in the channel's permissions.");
        }
        List<String> members = new java.util.ArrayList<>();
        for (Map.Entry<Long, Permissions> e : channel.getOverwrittenUserPermissions().entrySet()) {
            if (e.getKey() == me || viewState(e.getValue()) != PermissionState.ALLOWED) {
                continue;
            }
            // a member the cache does not know is counted: the overwrite is there, and removing it is the fix
            Optional<User> user = server.getMemberById(e.getKey());
            if (user.isEmpty() || !mapper.isModerator(server, user.get())) {
                members.add(Long.toUnsignedString(e.getKey()));
            }
        }
        if (!members.isEmpty()) {
            return ChatAudience.wider(members.size() + (members.size() == 1 ? " member who is not a moderator"
                    : " members who are not moderators") + " (user id " + String.join(", ", members)
                    + ") can view this channel through their own permission overwrite: remove View Channel from it "
                    + "in the channel's permissions.");
        }
        return ChatAudience.onlyModerators();
    }

    /** What the overwrite says about View Channel; unset when there is none. */
    private static PermissionState viewState(Permissions overwrite) {
        return overwrite == null ? PermissionState.UNSET : overwrite.getState(PermissionType.VIEW_CHANNEL);
    }

    private static boolean grantsView(Permissions rolePermissions) {
        return isAllowed(rolePermissions, PermissionType.VIEW_CHANNEL);
    }

    private static boolean isAllowed(Permissions permissions, PermissionType type) {
        return permissions != null && permissions.getState(type) == PermissionState.ALLOWED;
    }

    /**
     * Discord's order: server-wide permissions, then the channel's {@code @everyone} overwrite, then the role
     * overwrites (deny, then allow).
     */
    private static boolean canView(boolean serverWide, PermissionState everyoneOverwrite, PermissionState roleOverwrite) {
        if (roleOverwrite != PermissionState.UNSET) {
            return roleOverwrite == PermissionState.ALLOWED;
        }
        if (everyoneOverwrite != PermissionState.UNSET) {
            return everyoneOverwrite == PermissionState.ALLOWED;
        }
        return serverWide;
    }

    private static boolean heldOnlyBy(Role role, long userId) {
        Set<User> holders = role.getUsers();
        return holders != null && !holders.isEmpty() && holders.stream().allMatch(u -> u.getId() == userId);
    }

    /** Members with Manage Messages, Moderate Members, Administrator or a moderator role (needs GUILD_MEMBERS). */
    @Override
    public Set<ChatUserId> moderators(ConversationId group) {
        Server server = server(group, "list moderators");
        return server.getMembers().stream()
                .filter(u -> !u.isBot() && mapper.isModerator(server, u))
                .map(DiscordMapper::userId)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Stops the acknowledgement scheduler; the {@link DiscordApi} belongs to the caller. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    // ---------------------------------------------------------------- internals

    private MessageRef respond(Pending pending, RenderedMessage rendered, ConversationId to) {
        Message sent;
        if (pending.slash && pending.claimAnswer()) {
            InteractionOriginalResponseUpdater updater = DiscordFailures.await(pending.deferred,
                    "defer slash command", timeoutMillis);
            if (rendered.ephemeral()) {
                // the deferral is public; a private answer must not fill it
                DiscordFailures.await(updater.delete(), "replace slash command response", timeoutMillis);
                sent = followUp(pending, rendered);
            } else {
                DiscordRenderer.apply(updater, rendered);
                sent = DiscordFailures.await(updater.update(), "answer slash command", timeoutMillis);
            }
        } else {
            if (pending.slash) {
                DiscordFailures.await(pending.deferred, "defer slash command", timeoutMillis);
            } else {
                DiscordFailures.await(pending.initialResponse(
                        () -> ((MessageComponentInteractionBase) pending.interaction).acknowledge()),
                        "acknowledge button", timeoutMillis);
            }
            sent = followUp(pending, rendered);
        }
        return new MessageRef(to, Long.toUnsignedString(sent.getId()));
    }

    private Message followUp(Pending pending, RenderedMessage rendered) {
        InteractionFollowupMessageBuilder followup = pending.interaction.createFollowupMessageBuilder();
        DiscordRenderer.apply(followup, rendered);
        return DiscordFailures.await(followup.send(), "send interaction follow-up", timeoutMillis);
    }

    /** The core answered a guild slash command by DM: replace the public "thinking" with a private pointer. */
    private void pointToDirectMessage(ChatUserId recipient, ConversationId dm) {
        for (Map.Entry<Key, Pending> e : byMember.entrySet()) {
            Pending pending = e.getValue();
            if (!e.getKey().user().equals(recipient) || e.getKey().conversation().equals(dm) || !pending.slash
                    || !isLive(pending)) {
                continue;
            }
            if (!pending.claimAnswer()) {
                continue;
            }
            try {
                InteractionOriginalResponseUpdater updater = DiscordFailures.await(pending.deferred,
                        "defer slash command", timeoutMillis);
                DiscordFailures.await(updater.delete(), "replace slash command response", timeoutMillis);
                followUp(pending, noticeMessage(DM_NOTE));
            } catch (GatewayException ex) {
                LOG.warn("could not point slash command in {} to the DM of {}: {}", e.getKey().conversation(),
                        recipient, ex.reason());
            }
        }
    }

    private void autoAcknowledge(Pending pending) {
        pending.initialResponse(() -> ((MessageComponentInteractionBase) pending.interaction).acknowledge())
                .exceptionally(t -> {
                    LOG.warn("automatic acknowledgement of interaction {} failed: {}", pending.interaction.getId(),
                            DiscordFailures.map("acknowledge", t).reason());
                    return null;
                });
    }

    private static RenderedMessage noticeMessage(String notice) {
        return new RenderedMessage(DiscordRenderer.plain(notice), List.of(), true, null);
    }

    private Pending live(Key key) {
        Pending pending = byMember.get(key);
        if (pending == null) {
            return null;
        }
        Duration age = Duration.between(pending.created, clock.instant());
        return age.compareTo(settings.interactionWindow()) <= 0 ? pending : null;
    }

    private boolean isLive(Pending pending) {
        return Duration.between(pending.created, clock.instant()).compareTo(settings.interactionWindow()) <= 0;
    }

    private void sweep() {
        Instant cutoff = clock.instant().minus(INTERACTION_TOKEN_LIFE);
        byMember.values().removeIf(p -> p.created.isBefore(cutoff));
        byId.values().removeIf(p -> p.created.isBefore(cutoff));
        Instant dmCutoff = clock.instant().minus(CLOSED_DM_MEMORY);
        closedDirectMessages.values().removeIf(at -> at.isBefore(dmCutoff));
    }

    private TextChannel textChannel(ConversationId id, String operation) {
        requireDiscord(id.platform());
        Channel channel = channel(DiscordMapper.snowflake(id.value(), "channel id")).orElse(null);
        if (channel instanceof TextChannel text) {
            return text;
        }
        throw new GatewayException(Reason.NOT_FOUND, operation + ": channel " + id
                + " is unknown to the bot or not a text channel (is the bot still in the server and can it view it?)");
    }

    private Server server(ConversationId group, String operation) {
        requireDiscord(group.platform());
        long id = DiscordMapper.snowflake(group.value(), "channel id");
        Optional<Channel> channel = channel(id);
        if (channel.isPresent()) {
            if (channel.get() instanceof ServerChannel sc) {
                return sc.getServer();
            }
            throw new GatewayException(Reason.UNSUPPORTED, operation + " works only in a server channel, not in a DM");
        }
        return shards.stream().map(a -> a.getServerById(id)).flatMap(Optional::stream).findFirst().orElseThrow(() -> new GatewayException(Reason.NOT_FOUND, operation
                + ": channel or server " + group + " is unknown to the bot"));
    }

    private User member(Server server, ChatUserId member, String operation) {
        requireDiscord(member.platform());
        return server.getMemberById(DiscordMapper.snowflake(member.value(), "user id")).orElseThrow(() ->
                new GatewayException(Reason.NOT_FOUND, operation + ": member " + member
                        + " is not in this server (left already, or the GUILD_MEMBERS intent is off)"));
    }

    private Optional<Channel> channel(long id) {
        for (DiscordApi api : shards) {
            Optional<Channel> found = api.getChannelById(id);
            if (found != null && found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static void requireDiscord(Platform platform) {
        if (platform != Platform.DISCORD) {
            throw new GatewayException(Reason.INVALID, "a " + platform.lowerName()
                    + " id was handed to the Discord gateway");
        }
    }

    private static GatewayException closedDm(ChatUserId member) {
        return new GatewayException(Reason.DIRECT_MESSAGES_CLOSED, "open direct message: member " + member
                + " does not accept direct messages from the bot (their privacy settings for this server)");
    }

    private record Key(ConversationId conversation, ChatUserId user) {
    }

    /** One interaction; mutable fields guarded by the instance's monitor. */
    /**
     * One interaction waiting for answers. Its one initial response and its one slash answer are claimed atomically,
     * so no lock is ever held across a network call.
     */
    private static final class Pending {
        final InteractionBase interaction;
        final Instant created;
        final boolean slash;
        final java.util.concurrent.CompletableFuture<InteractionOriginalResponseUpdater> deferred;
        private final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Void>> initial =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final java.util.concurrent.atomic.AtomicBoolean answered =
                new java.util.concurrent.atomic.AtomicBoolean();

        Pending(InteractionBase interaction, Instant created, boolean slash,
                java.util.concurrent.CompletableFuture<InteractionOriginalResponseUpdater> deferred) {
            this.interaction = interaction;
            this.created = created;
            this.slash = slash;
            this.deferred = deferred;
            if (slash) {
                initial.set(java.util.concurrent.CompletableFuture.completedFuture(null)); // the deferral answered it
            }
        }

        /** Makes {@code respond} this interaction's one initial response, or returns the one already under way. */
        java.util.concurrent.CompletableFuture<Void> initialResponse(
                java.util.function.Supplier<? extends java.util.concurrent.CompletableFuture<?>> respond) {
            java.util.concurrent.CompletableFuture<Void> mine = new java.util.concurrent.CompletableFuture<>();
            if (!initial.compareAndSet(null, mine)) {
                return initial.get();
            }
            try {
                respond.get().whenComplete((v, t) -> {
                    if (t != null) {
                        mine.completeExceptionally(t);
                    } else {
                        mine.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            return mine;
        }

        /** {@code true} for the one caller that answers the slash command's deferred response. */
        boolean claimAnswer() {
            return answered.compareAndSet(false, true);
        }
    }
}
