package org.fellowship.discord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.event.CommandInvoked;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.event.MemberJoined;
import org.fellowship.core.event.MemberLeft;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.Attachment;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.text.CommandLine;
import org.javacord.api.entity.channel.Channel;
import org.javacord.api.entity.channel.PrivateChannel;
import org.javacord.api.entity.channel.ServerChannel;
import org.javacord.api.entity.message.Message;
import org.javacord.api.entity.message.MessageAttachment;
import org.javacord.api.entity.message.MessageAuthor;
import org.javacord.api.entity.message.MessageReference;
import org.javacord.api.entity.server.Server;
import org.javacord.api.entity.user.User;
import org.javacord.api.interaction.InteractionBase;
import org.javacord.api.interaction.MessageComponentInteractionBase;
import org.javacord.api.interaction.SlashCommandInteraction;
import org.javacord.api.interaction.SlashCommandInteractionOption;

/**
 * Translates Discord (Javacord) entities into the core's {@link InboundEvent}s. Pure: reads only the entities
 * handed in (and the caches behind them), never calls Discord's REST API, never logs.
 *
 * <p>Mapping: community = guild id; conversation = channel id (a thread is its own conversation; a DM's
 * conversation id is the DM channel id); event ids are Discord snowflakes (message id, interaction id), prefixed so
 * they never collide: {@code m<id>} create, {@code e<id>.<editMillis>} edit, {@code i<id>} interaction,
 * {@code j/l<guild>.<user>.<millis>} member join/leave.
 *
 * <p><b>Threading:</b> immutable and thread-safe. <b>Nullness:</b> arguments must not be {@code null}; methods
 * return {@link Optional#empty()} for things the core must not see (webhook or system messages, messages without a
 * channel). <b>Failure:</b> never throws for odd Discord data; unknown shapes map to empty.
 */
final class DiscordMapper {
    /** Reference prefix of a file sent with a slash command: {@code slash/<event id>/<attachment id>}. */
    static final String SLASH_FILE_PREFIX = "slash/";

    private final DiscordRoles roles;
    private final Map<String, List<String>> declaredOptions;

    /**
     * @param settings        moderator and mentor roles
     * @param declaredOptions per slash command name, its option names in declared order (arguments are joined in
     *                        this order); commands missing here keep Discord's order
     */
    DiscordMapper(DiscordSettings settings, Map<String, List<String>> declaredOptions) {
        this.roles = new DiscordRoles(Objects.requireNonNull(settings, "settings"));
        this.declaredOptions = Map.copyOf(declaredOptions);
    }

    DiscordMapper(DiscordSettings settings) {
        this(settings, Map.of());
    }

    /** A new message: a text command ({@code /name args}) becomes {@link CommandInvoked}, anything else a message. */
    Optional<InboundEvent> messageCreated(Message message) {
        Optional<Member> actor = author(message);
        Optional<Conversation> where = conversation(message.getChannel());
        if (actor.isEmpty() || where.isEmpty()) {
            return Optional.empty();
        }
        String eventId = "m" + message.getId();
        MessageRef ref = new MessageRef(where.get().id(), Long.toUnsignedString(message.getId()));
        Instant at = message.getCreationTimestamp();
        String text = Objects.requireNonNullElse(message.getContent(), "");
        MessageRef replyTo = null;
        ChatUserId replyToAuthor = null;
        Optional<MessageReference> reference = message.getMessageReference();
        if (reference.isPresent() && reference.get().getMessageId().isPresent()) {
            replyTo = new MessageRef(new ConversationId(Platform.DISCORD,
                    Long.toUnsignedString(reference.get().getChannelId())),
                    Long.toUnsignedString(reference.get().getMessageId().get()));
            replyToAuthor = message.getReferencedMessage().flatMap(m -> m.getAuthor().asUser())
                    .map(DiscordIds::userId).orElse(null);
        }
        List<Attachment> files = attachments(message);
        List<Attachment> repliedFiles = replyTo == null ? List.of()
                : message.getReferencedMessage().map(DiscordMapper::attachments).orElse(List.of());
        Optional<CommandLine> command = CommandLine.parse(text);
        if (command.isPresent()) {
            // a command in reply to a message (e.g. /report) keeps what it replies to
            return Optional.of(new CommandInvoked(eventId, where.get(), actor.get(), at, ref, command.get().name(),
                    command.get().arguments(), replyTo, replyToAuthor, files, repliedFiles));
        }
        int mentions = size(message.getMentionedUsers()) + size(message.getMentionedRoles())
                + (message.mentionsEveryone() ? 1 : 0);
        return Optional.of(new MessageReceived(eventId, where.get(), actor.get(), at, ref, text, replyTo,
                replyToAuthor, mentions, files, repliedFiles));
    }

    /**
     * A message's attachments. The reference is {@code <channel id>/<message id>/<attachment id>}: the gateway looks
     * the attachment up again through Javacord to download it, so a reference never makes the bot fetch an arbitrary
     * URL. Discord does not report a media type to Javacord; it is guessed from the file name.
     */
    static List<Attachment> attachments(Message message) {
        List<MessageAttachment> list = message.getAttachments();
        if (list == null || list.isEmpty() || message.getChannel() == null) {
            return List.of();
        }
        List<Attachment> out = new ArrayList<>();
        for (MessageAttachment a : list) {
            String ref = Long.toUnsignedString(message.getChannel().getId()) + "/"
                    + Long.toUnsignedString(message.getId()) + "/" + Long.toUnsignedString(a.getId());
            out.add(new Attachment(a.getFileName(), mediaType(a.getFileName()), Math.max(0, a.getSize()), ref));
        }
        return List.copyOf(out);
    }

    private static String mediaType(String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".ics")) {
            return "text/calendar";
        }
        return null;
    }

    /** An edited message; the event id is unique per edit (message id plus edit time). */
    Optional<InboundEvent> messageEdited(Message message) {
        Optional<Member> actor = author(message);
        Optional<Conversation> where = conversation(message.getChannel());
        if (actor.isEmpty() || where.isEmpty()) {
            return Optional.empty();
        }
        Instant editedAt = message.getLastEditTimestamp().orElseGet(message::getCreationTimestamp);
        String eventId = "e" + message.getId() + "." + editedAt.toEpochMilli();
        MessageRef ref = new MessageRef(where.get().id(), Long.toUnsignedString(message.getId()));
        return Optional.of(new MessageEdited(eventId, where.get(), actor.get(), editedAt, ref,
                Objects.requireNonNullElse(message.getContent(), "")));
    }

    /** A member joined a guild; the conversation is the guild's system channel, or the guild id when it has none. */
    MemberJoined memberJoined(Server server, User user, Instant at) {
        return new MemberJoined("j" + server.getId() + "." + user.getId() + "." + at.toEpochMilli(),
                guildConversation(server), member(user, server), at);
    }

    /** A member left or was removed from a guild. */
    MemberLeft memberLeft(Server server, User user, Instant at) {
        return new MemberLeft("l" + server.getId() + "." + user.getId() + "." + at.toEpochMilli(),
                guildConversation(server), member(user, server), at);
    }

    /**
     * A slash command. Arguments are the options' values joined by spaces in declared order (sub-commands
     * contribute their name first); the event id and nothing else identifies the interaction.
     */
    Optional<CommandInvoked> slashCommand(SlashCommandInteraction interaction, Instant at) {
        Optional<Conversation> where = interactionConversation(interaction);
        if (where.isEmpty()) {
            return Optional.empty();
        }
        String name = interaction.getCommandName();
        List<String> parts = new ArrayList<>();
        collect(name, interaction.getOptions(), parts);
        String eventId = "i" + interaction.getId();
        // A slash command's file has no message: the gateway finds it again through the pending interaction.
        List<Attachment> files = new ArrayList<>();
        for (SlashCommandInteractionOption option : interaction.getOptions() == null
                ? List.<SlashCommandInteractionOption>of() : interaction.getOptions()) {
            option.getAttachmentValue().ifPresent(a -> files.add(new Attachment(a.getFileName(),
                    mediaType(a.getFileName()), Math.max(0, a.getSize()),
                    SLASH_FILE_PREFIX + eventId + "/" + Long.toUnsignedString(a.getId()))));
        }
        return Optional.of(new CommandInvoked(eventId, where.get(),
                member(interaction.getUser(), interaction.getServer().orElse(null)), at, null, name,
                String.join(" ", parts), null, null, files, List.of()));
    }

    /** A button press: token = custom id, callback id = interaction id, message = the message carrying the button. */
    Optional<ButtonPressed> buttonPressed(MessageComponentInteractionBase interaction, Instant at) {
        Optional<Conversation> where = interactionConversation(interaction);
        if (where.isEmpty() || interaction.getCustomId() == null || interaction.getCustomId().isBlank()) {
            return Optional.empty();
        }
        Message carrier = interaction.getMessage();
        MessageRef ref = carrier == null ? null
                : new MessageRef(where.get().id(), Long.toUnsignedString(carrier.getId()));
        String id = Long.toUnsignedString(interaction.getId());
        return Optional.of(new ButtonPressed("i" + id, where.get(),
                member(interaction.getUser(), interaction.getServer().orElse(null)), at, ref,
                interaction.getCustomId(), id));
    }

    /** Where a channel sits in the core's vocabulary: DMs are direct; guild text channels and threads are groups. */
    Optional<Conversation> conversation(Channel channel) {
        if (channel == null) {
            return Optional.empty();
        }
        ConversationId id = DiscordIds.conversationId(channel.getId());
        if (channel instanceof PrivateChannel) {
            return Optional.of(new Conversation(id, ChatKind.DIRECT, null, null));
        }
        if (channel instanceof ServerChannel sc) {
            Server server = sc.getServer();
            if (server == null) {
                return Optional.empty();
            }
            return Optional.of(new Conversation(id, ChatKind.GROUP, DiscordIds.communityId(server.getId()),
                    sc.getName()));
        }
        return Optional.empty();
    }

    /** The member as the core sees them; moderator and mentor flags only inside a guild. */
    Member member(User user, Server server) {
        if (server == null) {
            return new Member(DiscordIds.userId(user), user.getName(), false, false, user.isBot());
        }
        return new Member(DiscordIds.userId(user), user.getDisplayName(server), roles.isModerator(server, user),
                roles.isMentor(server, user), user.isBot());
    }

    private Conversation guildConversation(Server server) {
        long channel = server.getSystemChannel().map(Channel::getId).orElse(server.getId());
        return new Conversation(DiscordIds.conversationId(channel), ChatKind.GROUP,
                DiscordIds.communityId(server.getId()), server.getName());
    }

    private Optional<Conversation> interactionConversation(InteractionBase interaction) {
        return interaction.getChannel().flatMap(this::conversation);
    }

    private Optional<Member> author(Message message) {
        MessageAuthor author = message.getAuthor();
        if (author == null || author.isWebhook()) {
            return Optional.empty();
        }
        Optional<User> user = author.asUser();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(member(user.get(), message.getServer().orElse(null)));
    }

    private void collect(String command, List<SlashCommandInteractionOption> options, List<String> parts) {
        List<String> order = declaredOptions.getOrDefault(command, List.of());
        List<SlashCommandInteractionOption> sorted = new ArrayList<>(options == null ? List.of() : options);
        sorted.sort(Comparator.comparingInt(o -> {
            int i = order.indexOf(o.getName());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        for (SlashCommandInteractionOption option : sorted) {
            if (option.getAttachmentValue().isPresent()) {
                continue; // a file option is not an argument: slashCommand hands it over as an attachment
            }
            if (option.isSubcommandOrGroup()) {
                parts.add(option.getName());
                collect(command + " " + option.getName(), option.getOptions(), parts);
            } else {
                option.getStringRepresentationValue().filter(v -> !v.isBlank()).ifPresent(v -> parts.add(v.strip()));
            }
        }
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
