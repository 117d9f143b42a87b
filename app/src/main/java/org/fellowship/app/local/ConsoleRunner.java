package org.fellowship.app.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.app.BotAssembly;
import org.fellowship.core.safety.SemanticScorer;
import org.fellowship.core.safety.SemanticStage;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.Platform;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.time.ManualClock;
import org.fellowship.redis.RedisStore;

/**
 * Talk to the bot in a terminal as one or more members of a simulated Telegram group. Buttons appear as numbered
 * choices; answer with the number.
 *
 * <pre>
 * Sam: hello everyone      Sam speaks in the group (and becomes the current speaker)
 * Sam&gt; /timezone Berlin   Sam speaks in a private chat with the bot
 * just text                the current speaker, in the current place
 * :mod Sam                 toggle Sam's moderator rights
 * :advance 2h              move the simulated clock forward (runs scheduled work); also 30m, 1d
 * :quit                    leave
 * </pre>
 */
final class ConsoleRunner {
    static final String HELP = """
            Fellowship console: you are members of a simulated Telegram group.
              Sam: text       Sam says text in the group      Sam> text   Sam says text to the bot privately
              text            same speaker, same place        :mod Sam    toggle Sam's moderator rights
              :advance 2h     move time forward (30m, 1d)     :quit       leave
            Buttons show as numbered choices: reply with the number. Try /help.""";

    private final PrintStream out;
    private final Map<String, Member> members = new HashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Conversation group = new Conversation(new ConversationId(Platform.TELEGRAM, "-1001"),
            ChatKind.GROUP, new CommunityId(Platform.TELEGRAM, "-1001"), "Console group");
    private final ManualClock clock;
    private final BotCore core;
    private final ReplayWorld world;
    private Member speaker;
    private boolean direct;

    ConsoleRunner(RedisStore store, PrintStream out, Clock start) {
        this(store, out, start, null);
    }

    /** @param semantic the crisis detector's semantic stage (run inline), or {@code null} for the lexicon alone */
    ConsoleRunner(RedisStore store, PrintStream out, Clock start, SemanticScorer semantic) {
        this.out = out;
        this.clock = new ManualClock(start.instant());
        this.world = new ReplayWorld(this::print, clock, false);
        Gateways gateways = new Gateways()
                .register((ChatGateway) world.gateway(Platform.TELEGRAM))
                .register((GroupAdminGateway) world.gateway(Platform.TELEGRAM));
        this.core = BotAssembly.build(store, clock, gateways, BotSettings.defaults(), Runnable::run, 1000,
                org.fellowship.core.engine.EngineMetrics.NONE, BotAssembly.Options.defaults()
                        .withSemantic(semantic == null ? null : SemanticStage.inline(semantic, clock)));
        this.speaker = member("You");
    }

    void run(BufferedReader in) throws IOException {
        out.println(HELP);
        prompt();
        String line;
        while ((line = in.readLine()) != null) {
            if (!handle(line.strip())) {
                return;
            }
            prompt();
        }
    }

    /** @return {@code false} to stop */
    boolean handle(String line) {
        if (line.isEmpty()) {
            return true;
        }
        if (line.startsWith(":")) {
            return control(line);
        }
        int colon = line.indexOf(": ");
        int arrow = line.indexOf("> ");
        int cut = colon > 0 && (arrow < 0 || colon < arrow) ? colon : arrow;
        if (cut > 0 && cut <= 32 && !line.startsWith("/") && !line.substring(0, cut).contains(" ")) {
            speaker = member(line.substring(0, cut));
            direct = cut == arrow;
            line = line.substring(cut + 2).strip();
        }
        if (line.isEmpty()) {
            return true;
        }
        Conversation where = direct ? Conversation.direct(speaker.id()) : group;
        world.named(speaker.id(), speaker.displayName());
        if (direct) {
            world.markDirect(where.id());
        } else {
            world.moderatorFlag(group.id(), speaker.id(), speaker.moderator());
        }
        String id = String.valueOf(ids.incrementAndGet());
        core.engine().accept(MessageReceived.simple(where.id().value() + ":" + id, where, speaker, clock.instant(), id,
                line));
        core.dueWorker().runDue();
        return true;
    }

    private boolean control(String line) {
        String[] parts = line.substring(1).split("\\s+", 2);
        switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "quit", "exit", "q" -> {
                return false;
            }
            case "mod" -> {
                if (parts.length < 2) {
                    out.println("usage: :mod Name");
                    return true;
                }
                Member m = member(parts[1]);
                Member toggled = new Member(m.id(), m.displayName(), !m.moderator(), m.mentor(), false);
                members.put(parts[1].toLowerCase(Locale.ROOT), toggled);
                if (speaker.id().equals(toggled.id())) {
                    speaker = toggled;
                }
                out.println(parts[1] + (toggled.moderator() ? " is now a moderator" : " is no longer a moderator"));
            }
            case "advance" -> {
                Duration d = parts.length < 2 ? null : parseDuration(parts[1]);
                if (d == null) {
                    out.println("usage: :advance 30m | 2h | 1d");
                } else {
                    advance(d);
                }
            }
            default -> out.println("unknown control '" + parts[0] + "'. Controls: :mod Name, :advance 2h, :quit");
        }
        return true;
    }

    /** "30m", "2h", "1d"; {@code null} when it is none of these. */
    static Duration parseDuration(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,6})\\s*([mhd])")
                .matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Steps through time: each due item runs at its own time, as it would live, never all at the end. */
    private void advance(Duration duration) {
        SimulatedTime.advanceTo(core, clock, clock.instant().plus(duration));
        core.dueWorker().runDue();
        out.println("(clock is now " + clock.instant() + ")");
    }

    private Member member(String name) {
        return members.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new Member(
                new ChatUserId(Platform.TELEGRAM, String.valueOf(100 + members.size())), name, false, false, false));
    }

    private void prompt() {
        out.print(speaker.displayName() + (direct ? " (private)> " : " (group)> "));
        out.flush();
    }

    private void print(ObjectNode action) {
        String kind = action.path("action").asText();
        JsonNode chat = action.path("chat");
        String where = "direct".equals(chat.path("kind").asText())
                ? "to " + nameOf(chat.path("id").asText()) + " privately"
                : "in the group";
        out.println();
        switch (kind) {
            case "send", "edit" -> out.println("Fellowship " + where + (kind.equals("edit") ? " (edited)" : "")
                    + ":\n  " + action.path("text").asText().replace("\n", "\n  "));
            case "notice" -> out.println("(notice to " + nameOf(action.path("user").asText()) + ": "
                    + action.path("text").asText() + ")");
            default -> out.println("(" + kind + " " + action.path("user").asText(action.path("message").asText()) + ")");
        }
    }

    private String nameOf(String userId) {
        return members.values().stream().filter(m -> m.id().value().equals(userId)).map(Member::displayName)
                .findFirst().orElse(userId);
    }
}
