package org.fellowship.app.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.fellowship.core.event.ButtonPressed;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.port.ChatAudience;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GatewayException;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.port.PlatformCapabilities;

/**
 * The simulated platforms of a replay or console session: gateways that print every outbound action as one JSON
 * line and remember which buttons each member was shown, so a transcript can press them by label.
 *
 * <p>Simulation choices: every member can be reached by DM (as if they had started the bot); message ids the bot
 * gets are {@code b1, b2, ...} in send order, so output is the same on every run; a sent file is printed as
 * {@code "file": {"name", "type", "bytes"}} without its content; a member's name is the one the transcript last gave
 * them; a file a member sends (a transcript line's
 * {@code file}) is served to the bot from memory, within the size limit it asks for; a group's members are the users
 * who have written, joined or pressed a button in it (until they leave), and only moderators read it when each of them
 * was last reported as a moderator there (Telegram's rule: every member an administrator).
 */
final class ReplayWorld {
    /** A bot message with buttons, remembered for presses. */
    private record Shown(MessageRef ref, ChatUserId recipient, boolean direct, List<Button> buttons) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final Consumer<ObjectNode> out;
    private final Clock clock;
    private final Map<Platform, SimulatedGateway> gateways = new EnumMap<>(Platform.class);
    private final Set<ConversationId> directChats = new HashSet<>();
    private final List<Shown> shown = new ArrayList<>();
    private final Map<ConversationId, Set<ChatUserId>> moderators = new java.util.HashMap<>();
    /** Who has appeared in each group (written, joined, pressed) and not left since. */
    private final Map<ConversationId, Set<ChatUserId>> members = new java.util.HashMap<>();
    private final Map<String, byte[]> files = new java.util.HashMap<>();
    /** The names members go by on the simulated platforms, as the transcript gave them (never written anywhere). */
    private final Map<ChatUserId, String> names = new java.util.HashMap<>();
    private long messageCounter;

    /** Prints each action as one compact JSON line. */
    static Consumer<ObjectNode> jsonLines(PrintStream stream) {
        return node -> {
            stream.println(node.toString());
            stream.flush();
        };
    }

    /**
     * @param out     receives each outbound action, in order
     * @param buttons whether the simulated platforms show buttons (the console shows numbered choices instead)
     */
    ReplayWorld(Consumer<ObjectNode> out, Clock clock, boolean buttons) {
        this.out = out;
        this.clock = clock;
        gateways.put(Platform.TELEGRAM, new SimulatedGateway(Platform.TELEGRAM, withButtons(
                PlatformCapabilities.telegram(true), buttons)));
        gateways.put(Platform.DISCORD, new SimulatedGateway(Platform.DISCORD, withButtons(
                PlatformCapabilities.discord(true), buttons)));
    }

    private static PlatformCapabilities withButtons(PlatformCapabilities c, boolean buttons) {
        return new PlatformCapabilities(c.platform(), c.maxTextLength(), buttons, c.maxButtonsPerRow(),
                c.maxButtonRows(), true, false, c.readAllGroupMessages(), c.editMessages(), c.maxFileBytes(),
                c.maxCaptionLength());
    }

    SimulatedGateway gateway(Platform platform) {
        return gateways.get(platform);
    }

    void markDirect(ConversationId conversation) {
        directChats.add(conversation);
    }

    /**
     * Records that a member appeared in a group (wrote, joined, pressed) and what the transcript says about their
     * moderator rights there.
     */
    synchronized void moderatorFlag(ConversationId chat, ChatUserId member, boolean moderator) {
        members.computeIfAbsent(chat, c -> new HashSet<>()).add(member);
        Set<ChatUserId> mods = moderators.computeIfAbsent(chat, c -> new HashSet<>());
        if (moderator) {
            mods.add(member);
        } else {
            mods.remove(member);
        }
    }

    /** The simulated platform knows {@code member} by {@code name} from now on (as a platform knows its users). */
    synchronized void named(ChatUserId member, String name) {
        names.put(member, name);
    }

    /** A member left a group: they no longer read it. */
    synchronized void left(ConversationId chat, ChatUserId member) {
        Set<ChatUserId> present = members.get(chat);
        if (present != null) {
            present.remove(member);
        }
    }

    /** The latest bot message in {@code chat} with a button of this label (whoever it was for), and that button. */
    synchronized Optional<Map.Entry<MessageRef, Button>> findButtonIn(ConversationId chat, String label) {
        for (int i = shown.size() - 1; i >= 0; i--) {
            Shown s = shown.get(i);
            if (!s.ref.conversation().equals(chat)) {
                continue;
            }
            for (Button b : s.buttons) {
                if (b.label().equals(label)) {
                    return Optional.of(Map.entry(s.ref, b));
                }
            }
        }
        return Optional.empty();
    }

    /** The latest message shown to the member with a button of this label, and that button. */
    Optional<Map.Entry<MessageRef, Button>> findButton(ChatUserId member, String label) {
        for (int i = shown.size() - 1; i >= 0; i--) {
            Shown s = shown.get(i);
            boolean forMember = member.equals(s.recipient)
                    || s.direct && s.ref.conversation().value().equals(member.value())
                    && s.ref.conversation().platform() == member.platform();
            if (!forMember) {
                continue;
            }
            for (Button b : s.buttons) {
                if (b.label().equals(label)) {
                    return Optional.of(Map.entry(s.ref, b));
                }
            }
        }
        return Optional.empty();
    }

    private synchronized ObjectNode line(String action, Platform platform, ConversationId chat) {
        ObjectNode node = json.createObjectNode();
        node.put("at", clock.instant().toString());
        node.put("action", action);
        node.put("platform", platform.lowerName());
        if (chat != null) {
            ObjectNode c = node.putObject("chat");
            c.put("id", chat.value());
            c.put("kind", directChats.contains(chat) ? "direct" : "group");
        }
        return node;
    }

    private synchronized void emit(ObjectNode node) {
        out.accept(node);
    }

    private void putMessage(ObjectNode node, OutboundMessage message, ConversationId chat) {
        node.put("text", message.text());
        ArrayNode rows = node.putArray("buttons");
        for (ButtonRow row : message.buttonRows()) {
            ArrayNode r = rows.addArray();
            row.buttons().forEach(b -> r.add(b.label()));
        }
        node.put("private", directChats.contains(chat) || message.delivery() == Delivery.PRIVATE);
        if (message.hasFile()) {
            // name, type and size only: the content is not printed, so transcripts stay short and stable
            ObjectNode file = node.putObject("file");
            file.put("name", message.file().fileName());
            file.put("type", message.file().mediaType());
            file.put("bytes", message.file().size());
        }
    }

    /** Makes a file a member sent available to {@link SimulatedGateway#download} under its reference. */
    synchronized void addFile(String ref, byte[] bytes) {
        files.put(ref, bytes.clone());
    }

    /** A simulated platform. Thread-safe through the world's lock. */
    final class SimulatedGateway implements ChatGateway, GroupAdminGateway {
        private final Platform platform;
        private final PlatformCapabilities capabilities;

        SimulatedGateway(Platform platform, PlatformCapabilities capabilities) {
            this.platform = platform;
            this.capabilities = capabilities;
        }

        @Override
        public Platform platform() {
            return platform;
        }

        @Override
        public PlatformCapabilities capabilities() {
            return capabilities;
        }

        @Override
        public MessageRef send(OutboundMessage message) {
            synchronized (ReplayWorld.this) {
                MessageRef ref = new MessageRef(message.to(), "b" + (++messageCounter));
                if (message.recipient() != null && message.to().value().equals(message.recipient().value())) {
                    markDirect(message.to()); // a direct chat's id is the user's id (the transcript contract)
                }
                ObjectNode node = line("send", platform, message.to());
                putMessage(node, message, message.to());
                emit(node);
                if (message.hasButtons()) {
                    shown.add(new Shown(ref, message.recipient(), directChats.contains(message.to()),
                            message.allButtons()));
                }
                return ref;
            }
        }

        @Override
        public void edit(MessageRef target, OutboundMessage replacement) {
            synchronized (ReplayWorld.this) {
                ObjectNode node = line("edit", platform, target.conversation());
                node.put("message", target.messageId());
                putMessage(node, replacement, target.conversation());
                emit(node);
                shown.removeIf(s -> s.ref.equals(target));
                if (replacement.hasButtons()) {
                    shown.add(new Shown(target, replacement.recipient(), directChats.contains(target.conversation()),
                            replacement.allButtons()));
                }
            }
        }

        @Override
        public void acknowledge(ButtonPressed press, String notice) {
            if (notice != null) {
                ObjectNode node = line("notice", platform, press.conversation().id());
                node.put("user", press.actor().id().value());
                node.put("text", notice);
                emit(node);
            }
        }

        @Override
        public ConversationId openDirect(ChatUserId member) {
            ConversationId dm = new ConversationId(platform, member.value());
            markDirect(dm);
            return dm;
        }

        @Override
        public Optional<String> startLink(String startToken) {
            return Optional.empty();
        }

        @Override
        public byte[] download(org.fellowship.core.model.Attachment attachment, long maxBytes) {
            synchronized (ReplayWorld.this) {
                byte[] bytes = files.get(attachment.platformFileRef());
                if (bytes == null) {
                    throw new org.fellowship.core.port.GatewayException(
                            org.fellowship.core.port.GatewayException.Reason.NOT_FOUND, "no such file");
                }
                if (bytes.length > maxBytes) {
                    throw new org.fellowship.core.port.GatewayException(
                            org.fellowship.core.port.GatewayException.Reason.TOO_LARGE,
                            "file larger than " + maxBytes + " bytes");
                }
                return bytes.clone();
            }
        }

        @Override
        public void delete(MessageRef message) {
            ObjectNode node = line("delete", platform, message.conversation());
            node.put("message", message.messageId());
            emit(node);
        }

        @Override
        public void mute(ConversationId group, ChatUserId member, Instant until) {
            ObjectNode node = line(platform == Platform.DISCORD ? "timeout" : "mute", platform, group);
            node.put("user", member.value());
            node.put("until", until.toString());
            emit(node);
        }

        @Override
        public void unmute(ConversationId group, ChatUserId member) {
            memberAction(platform == Platform.DISCORD ? "untimeout" : "unmute", group, member);
        }

        @Override
        public void kick(ConversationId group, ChatUserId member) {
            memberAction("kick", group, member);
        }

        @Override
        public void ban(ConversationId group, ChatUserId member) {
            memberAction("ban", group, member);
        }

        @Override
        public void unban(ConversationId group, ChatUserId member) {
            memberAction("unban", group, member);
        }

        /** Discord prints the channel's new slowmode; Telegram refuses as its Bot API does (no slow mode call). */
        @Override
        public void slowmode(ConversationId chat, java.time.Duration interval) {
            if (platform != Platform.DISCORD) {
                throw new GatewayException(GatewayException.Reason.UNSUPPORTED, "Telegram bots cannot set slow "
                        + "mode; an administrator sets it in the group's settings (Permissions, Slow Mode)");
            }
            ObjectNode node = line("slowmode", platform, chat);
            node.put("seconds", interval.toSeconds());
            emit(node);
        }

        /** The name the transcript last gave the member; empty for one it never mentioned by name. */
        @Override
        public Optional<String> memberName(ConversationId group, ChatUserId member) {
            synchronized (ReplayWorld.this) {
                return Optional.ofNullable(names.get(member));
            }
        }

        /** Moderators only when everyone who appeared in the chat (and has not left) was reported as a moderator. */
        @Override
        public ChatAudience audience(ConversationId chat) {
            synchronized (ReplayWorld.this) {
                if (directChats.contains(chat)) {
                    throw new GatewayException(GatewayException.Reason.UNSUPPORTED,
                            "a private chat has no moderators");
                }
                Set<ChatUserId> mods = moderators.getOrDefault(chat, Set.of());
                long others = members.getOrDefault(chat, Set.of()).stream().filter(m -> !mods.contains(m)).count();
                if (others == 0) {
                    return ChatAudience.onlyModerators();
                }
                return ChatAudience.wider(others + (others == 1 ? " member of this chat is not a moderator"
                        : " members of this chat are not moderators")
                        + ": use a chat where only moderators are members.");
            }
        }

        @Override
        public Set<ChatUserId> moderators(ConversationId group) {
            synchronized (ReplayWorld.this) {
                return Set.copyOf(moderators.getOrDefault(group, Set.of()));
            }
        }

        private void memberAction(String action, ConversationId group, ChatUserId member) {
            ObjectNode node = line(action, platform, group);
            node.put("user", member.value());
            emit(node);
        }
    }
}
