package org.fellowship.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.javacord.api.DiscordApi;
import org.javacord.api.entity.channel.Channel;
import org.javacord.api.entity.channel.PrivateChannel;
import org.javacord.api.entity.channel.ServerChannel;
import org.javacord.api.entity.channel.ServerTextChannel;
import org.javacord.api.entity.channel.ServerThreadChannel;
import org.javacord.api.entity.channel.TextChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageAuthor;
import org.javacord.api.entity.permission.PermissionType;
import org.javacord.api.entity.permission.Permissions;
import org.javacord.api.entity.permission.PermissionsBuilder;
import org.javacord.api.entity.permission.Role;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.interaction.ButtonInteraction;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;
import org.javacord.api.interaction.callback.InteractionFollowupMessageBuilder;
import org.javacord.api.interaction.callback.InteractionImmediateResponseBuilder;
import org.javacord.api.interaction.callback.InteractionOriginalResponseUpdater;

/**
 * The one consistent mocked Discord world every adapter test uses: guild 100 ("Morning group") with text channel
 * 200 (also the system channel) and thread 210; members Sam (1), Mo (2, Manage Messages), Mentor Meg (3, mentor
 * role 900), Ada (4, Administrator), a bot (5), Rae (6, moderator role 901); each user's DM channel is 1000 + id.
 * Javacord interfaces are plain Mockito mocks; default methods the adapter calls are stubbed here explicitly.
 *
 * <p>Roles: {@code @everyone} (id 100, View Channel server-wide), Mentors (900), Moderators (901, configured as the
 * moderator role), Mods (902, Manage Messages), Fellowship (903, the bot's integration role, held by the bot itself,
 * user 7, which is {@code getYourself()} and not in the member list). Channel overwrites start empty; tests set them
 * with {@link #overwriteRole} and {@link #overwriteMember}.
 */
final class DiscordWorld {
    static final long GUILD = 100;
    static final long CHANNEL = 200;
    static final long THREAD = 210;
    static final long SAM = 1;
    static final long MO = 2;
    static final long MEG = 3;
    static final long ADA = 4;
    static final long BOT = 5;
    static final long RAE = 6;
    static final long MENTOR_ROLE = 900;
    static final long MODERATOR_ROLE = 901;
    static final long MODS_ROLE = 902;
    static final long BOT_ROLE = 903;
    static final long YOURSELF = 7;
    static final Instant NOW = Instant.parse("2026-03-08T09:00:00Z");

    final DiscordApi api = mock(DiscordApi.class);
    final Server server = mock(Server.class);
    final ServerTextChannel channel = mock(ServerTextChannel.class);
    final ServerThreadChannel thread = mock(ServerThreadChannel.class);
    final Map<Long, User> users = new LinkedHashMap<>();
    final Map<Long, PrivateChannel> dms = new HashMap<>();
    private final Map<Long, Channel> channels = new HashMap<>();
    final Map<Long, Role> roles = new LinkedHashMap<>();
    final Map<Long, Permissions> roleOverwrites = new HashMap<>();
    final Map<Long, Permissions> memberOverwrites = new HashMap<>();
    final User yourself = mock(User.class);
    private final AtomicLong ids = new AtomicLong(5_000);

    DiscordWorld() {
        when(server.getId()).thenReturn(GUILD);
        when(server.getName()).thenReturn("Morning group");
        when(server.getSystemChannel()).thenReturn(Optional.of(channel));
        when(server.getMembers()).thenAnswer(i -> new LinkedHashSet<>(users.values()));
        when(server.getMemberById(anyLong())).thenAnswer(i -> Optional.ofNullable(users.get((Long) i.getArgument(0))));
        serverChannel(channel, CHANNEL, "general");
        serverChannel(thread, THREAD, "support-thread");
        when(api.getChannelById(anyLong())).thenAnswer(i -> Optional.ofNullable(channels.get((Long) i.getArgument(0))));
        when(api.getServerById(anyLong())).thenAnswer(i -> (Long) i.getArgument(0) == GUILD
                ? Optional.of(server) : Optional.empty());
        when(api.getUserById(anyLong())).thenAnswer(i -> {
            User u = users.get((Long) i.getArgument(0));
            return u == null ? CompletableFuture.failedFuture(new IllegalStateException("unknown user"))
                    : CompletableFuture.completedFuture(u);
        });
        Role everyone = role(GUILD, "everyone", PermissionType.VIEW_CHANNEL, PermissionType.SEND_MESSAGES);
        when(everyone.isEveryoneRole()).thenReturn(true);
        when(server.getEveryoneRole()).thenReturn(everyone);
        Role mentor = role(MENTOR_ROLE, "Mentors");
        Role moderator = role(MODERATOR_ROLE, "Moderators");
        role(MODS_ROLE, "Mods", PermissionType.MANAGE_MESSAGES);
        Role botRole = role(BOT_ROLE, "Fellowship", PermissionType.SEND_MESSAGES);
        when(botRole.isManaged()).thenReturn(true);
        when(botRole.getUsers()).thenReturn(java.util.Set.of(yourself));
        when(server.getRoles()).thenAnswer(i -> List.copyOf(roles.values()));
        when(server.getRoleById(anyLong())).thenAnswer(i -> Optional.ofNullable(roles.get((Long) i.getArgument(0))));
        when(yourself.getId()).thenReturn(YOURSELF);
        when(yourself.isBot()).thenReturn(true);
        when(api.getYourself()).thenReturn(yourself);
        when(channel.getOverwrittenRolePermissions()).thenAnswer(i -> Map.copyOf(roleOverwrites));
        when(channel.getOverwrittenUserPermissions()).thenAnswer(i -> Map.copyOf(memberOverwrites));
        when(thread.getParent()).thenReturn(channel);
        user(SAM, "Sam", false, List.of());
        user(MO, "Mo", false, List.of());
        user(MEG, "Meg", false, List.of(mentor));
        user(ADA, "Ada", false, List.of());
        user(BOT, "Helper bot", true, List.of());
        user(RAE, "Rae", false, List.of(moderator));
        when(server.hasPermission(any(User.class), any(PermissionType.class))).thenReturn(false);
        when(server.hasPermission(users.get(MO), PermissionType.MANAGE_MESSAGES)).thenReturn(true);
        when(server.isAdmin(any(User.class))).thenReturn(false);
        when(server.isAdmin(users.get(ADA))).thenReturn(true);
    }

    DiscordSettings settings() {
        return DiscordSettings.defaults().withRoles(java.util.Set.of(MODERATOR_ROLE), java.util.Set.of(MENTOR_ROLE));
    }

    User user(long id) {
        return users.get(id);
    }

    PrivateChannel dm(long userId) {
        return dms.get(userId);
    }

    static ChatUserId chatUser(long id) {
        return new ChatUserId(Platform.DISCORD, Long.toString(id));
    }

    static ConversationId conversation(long channelId) {
        return new ConversationId(Platform.DISCORD, Long.toString(channelId));
    }

    /** A message as Javacord delivers it. */
    Message message(long authorId, TextChannel where, String content) {
        Message m = mock(Message.class);
        long id = ids.incrementAndGet();
        User author = users.get(authorId);
        MessageAuthor ma = mock(MessageAuthor.class);
        when(ma.isWebhook()).thenReturn(false);
        when(ma.asUser()).thenReturn(Optional.of(author));
        when(m.getId()).thenReturn(id);
        when(m.getContent()).thenReturn(content);
        when(m.getChannel()).thenReturn(where);
        when(m.getAuthor()).thenReturn(ma);
        when(m.getServer()).thenReturn(where instanceof ServerChannel ? Optional.of(server) : Optional.empty());
        when(m.getCreationTimestamp()).thenReturn(NOW);
        when(m.getLastEditTimestamp()).thenReturn(Optional.empty());
        when(m.getMessageReference()).thenReturn(Optional.empty());
        when(m.getReferencedMessage()).thenReturn(Optional.empty());
        when(m.getMentionedUsers()).thenReturn(List.of());
        when(m.getMentionedRoles()).thenReturn(List.of());
        when(m.getAttachments()).thenReturn(List.of());
        return m;
    }

    /** An attachment of a message as Javacord reports it; its download completes with {@code bytes}. */
    org.javacord.api.entity.message.MessageAttachment attach(Message m, String fileName, byte[] bytes) {
        org.javacord.api.entity.message.MessageAttachment a =
                mock(org.javacord.api.entity.message.MessageAttachment.class);
        when(a.getId()).thenReturn(ids.incrementAndGet());
        when(a.getFileName()).thenReturn(fileName);
        when(a.getSize()).thenReturn(bytes.length);
        when(a.getMessage()).thenReturn(m);
        when(a.asByteArray()).thenReturn(java.util.concurrent.CompletableFuture.completedFuture(bytes.clone()));
        List<org.javacord.api.entity.message.MessageAttachment> all = new java.util.ArrayList<>(m.getAttachments());
        all.add(a);
        when(m.getAttachments()).thenReturn(List.copyOf(all));
        return a;
    }

    /** A slash command interaction; its deferral, responders and follow-ups complete at once. */
    SlashCommandInteraction slash(long userId, TextChannel where, String name, String... optionNameValuePairs) {
        SlashCommandInteraction i = mock(SlashCommandInteraction.class);
        interactionBasics(i, userId, where);
        when(i.getCommandName()).thenReturn(name);
        when(i.getFullCommandName()).thenReturn(name);
        List<SlashCommandInteractionOption> options = new ArrayList<>();
        for (int k = 0; k < optionNameValuePairs.length; k += 2) {
            SlashCommandInteractionOption o = mock(SlashCommandInteractionOption.class);
            when(o.getName()).thenReturn(optionNameValuePairs[k]);
            when(o.getStringRepresentationValue()).thenReturn(Optional.of(optionNameValuePairs[k + 1]));
            when(o.isSubcommandOrGroup()).thenReturn(false);
            options.add(o);
        }
        when(i.getOptions()).thenReturn(options);
        when(i.getArguments()).thenReturn(options);
        return i;
    }

    /** A press of a button with {@code customId} on a bot message in {@code where}. */
    ButtonInteraction button(long userId, TextChannel where, String customId) {
        ButtonInteraction i = mock(ButtonInteraction.class);
        interactionBasics(i, userId, where);
        when(i.getCustomId()).thenReturn(customId);
        Message carrier = mock(Message.class);
        when(carrier.getId()).thenReturn(ids.incrementAndGet());
        when(i.getMessage()).thenReturn(carrier);
        when(i.acknowledge()).thenReturn(CompletableFuture.completedFuture(null));
        return i;
    }

    /** A Javacord REST response with the given HTTP status, for building Javacord's exceptions in tests. */
    static org.javacord.api.util.rest.RestRequestResponseInformation response(int code) {
        var r = mock(org.javacord.api.util.rest.RestRequestResponseInformation.class);
        when(r.getCode()).thenReturn(code);
        return r;
    }

    static org.javacord.api.util.rest.RestRequestInformation request() {
        return mock(org.javacord.api.util.rest.RestRequestInformation.class);
    }

    /** The deferred-response updater of an interaction made by this world. */
    static InteractionOriginalResponseUpdater updater(org.javacord.api.interaction.InteractionBase i) {
        return i.respondLater().join();
    }

    private void interactionBasics(org.javacord.api.interaction.InteractionBase i, long userId, TextChannel where) {
        when(i.getId()).thenReturn(ids.incrementAndGet());
        when(i.getUser()).thenReturn(users.get(userId));
        when(i.getServer()).thenReturn(where instanceof ServerChannel ? Optional.of(server) : Optional.empty());
        when(i.getChannel()).thenReturn(Optional.of(where));
        InteractionOriginalResponseUpdater updater = mock(InteractionOriginalResponseUpdater.class);
        Message response = mock(Message.class);
        when(response.getId()).thenReturn(ids.incrementAndGet());
        when(updater.update()).thenReturn(CompletableFuture.completedFuture(response));
        when(updater.delete()).thenReturn(CompletableFuture.completedFuture(null));
        CompletableFuture<InteractionOriginalResponseUpdater> deferred = CompletableFuture.completedFuture(updater);
        when(i.respondLater()).thenReturn(deferred);
        when(i.respondLater(any(Boolean.class))).thenReturn(deferred);
        InteractionImmediateResponseBuilder immediate = mock(InteractionImmediateResponseBuilder.class);
        when(immediate.respond()).thenReturn(deferred);
        when(i.createImmediateResponder()).thenReturn(immediate);
        InteractionFollowupMessageBuilder followup = mock(InteractionFollowupMessageBuilder.class);
        Message followupMessage = mock(Message.class);
        when(followupMessage.getId()).thenReturn(ids.incrementAndGet());
        when(followup.send()).thenReturn(CompletableFuture.completedFuture(followupMessage));
        when(i.createFollowupMessageBuilder()).thenReturn(followup);
    }

    private void serverChannel(ServerChannel c, long id, String name) {
        when(c.getId()).thenReturn(id);
        when(c.getServer()).thenReturn(server);
        when(c.getName()).thenReturn(name);
        channels.put(id, c);
    }

    /** Sets the channel's overwrite of View Channel for a role: allowed, denied, or {@code null} for none. */
    void overwriteRole(long roleId, Boolean view) {
        overwrite(roleOverwrites, roleId, view);
    }

    /** Sets the channel's overwrite of View Channel for one member: allowed, denied, or {@code null} for none. */
    void overwriteMember(long userId, Boolean view) {
        overwrite(memberOverwrites, userId, view);
    }

    /** Replaces a role's server-wide permissions. */
    void rolePermissions(long roleId, PermissionType... allowed) {
        when(roles.get(roleId).getPermissions()).thenReturn(new PermissionsBuilder().setAllowed(allowed).build());
    }

    private static void overwrite(Map<Long, Permissions> overwrites, long id, Boolean view) {
        if (view == null) {
            overwrites.remove(id);
            return;
        }
        PermissionsBuilder b = new PermissionsBuilder();
        if (view) {
            b.setAllowed(PermissionType.VIEW_CHANNEL, PermissionType.SEND_MESSAGES);
        } else {
            b.setDenied(PermissionType.VIEW_CHANNEL);
        }
        overwrites.put(id, b.build());
    }

    private Role role(long id, String name, PermissionType... allowed) {
        Role r = mock(Role.class);
        when(r.getId()).thenReturn(id);
        when(r.getName()).thenReturn(name);
        when(r.getServer()).thenReturn(server);
        when(r.getPermissions()).thenReturn(new PermissionsBuilder().setAllowed(allowed).build());
        when(r.getUsers()).thenReturn(java.util.Set.of());
        roles.put(id, r);
        return r;
    }

    private void user(long id, String name, boolean bot, List<Role> roles) {
        User u = mock(User.class);
        when(u.getId()).thenReturn(id);
        when(u.getName()).thenReturn(name);
        when(u.getDisplayName(server)).thenReturn(name);
        when(u.isBot()).thenReturn(bot);
        when(u.getRoles(server)).thenReturn(roles);
        PrivateChannel dm = mock(PrivateChannel.class);
        when(dm.getId()).thenReturn(1000 + id);
        when(dm.getRecipient()).thenReturn(Optional.of(u));
        when(u.openPrivateChannel()).thenReturn(CompletableFuture.completedFuture(dm));
        users.put(id, u);
        dms.put(id, dm);
        channels.put(1000 + id, dm);
        when(server.getRoles(eq(u))).thenReturn(roles);
    }
}
