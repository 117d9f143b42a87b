package org.fellowship.app.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.fellowship.app.BotAssembly;
import org.fellowship.core.safety.SemanticScorer;
import org.fellowship.core.safety.SemanticStage;
import org.fellowship.core.engine.BotCore;
import org.fellowship.core.engine.BotSettings;
import org.fellowship.core.engine.Gateways;
import org.fellowship.core.event.MemberLeft;
import org.fellowship.core.model.ChatKind;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.port.ChatGateway;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.time.ManualClock;
import org.fellowship.redis.RedisStore;

/**
 * Runs a transcript through the real engine on a simulated clock and prints every outbound action as a JSON line.
 * Events run to completion one at a time on the calling thread, so the output is the same on every run.
 */
final class ReplayRunner {
    private final RedisStore store;
    private final PrintStream out;
    private final Transcript transcript;
    private final ManualClock clock;
    private boolean started;
    private ReplayWorld world;
    private BotCore core;
    private final SemanticScorer semantic;

    /**
     * @param store an empty store of its own (a fresh embedded server or a fresh key namespace), connected with
     *              {@code clock} so its expiries (buttons, dedupe windows, drafts) run on the simulated time
     * @param clock the simulated clock, not yet started: the transcript's first {@code at} sets it (it must not be
     *              earlier than the clock's start, for example {@link #newClock()})
     * @param base  the transcript's folder: file lines' relative paths are resolved from it
     */
    ReplayRunner(RedisStore store, ManualClock clock, PrintStream out, Path base) {
        this(store, clock, out, base, null);
    }

    /**
     * @param semantic the crisis detector's semantic stage, run inline (each reading before the next line, so replays
     *                 stay deterministic), or {@code null} for the lexicon alone
     */
    ReplayRunner(RedisStore store, ManualClock clock, PrintStream out, Path base, SemanticScorer semantic) {
        this.store = store;
        this.clock = clock;
        this.out = out;
        this.transcript = new Transcript(base);
        this.semantic = semantic;
    }

    /** A simulated clock for a replay: it starts at the epoch and jumps to the transcript's first {@code at}. */
    static ManualClock newClock() {
        return new ManualClock(Instant.EPOCH);
    }

    /**
     * Runs every line of the transcript.
     *
     * @throws TranscriptException for the first unusable line (earlier lines have run and printed their output)
     */
    void run(BufferedReader lines) throws IOException {
        String text;
        int number = 0;
        while ((text = readLine(lines, number + 1)) != null) {
            number++;
            if (text.isBlank()) {
                continue;
            }
            Transcript.Step step = transcript.parse(number, text);
            if (!started) {
                start(number, step);
            }
            if (step.at() != null) {
                if (step.at().isBefore(clock.instant())) {
                    throw new TranscriptException(number, "'at' " + step.at() + " is earlier than the clock ("
                            + clock.instant() + ")");
                }
                advanceTo(step.at());
            }
            perform(number, step);
            runDueNow();
        }
    }

    /**
     * The next line without its terminator ({@code \n}, {@code \r\n} or {@code \r}), or {@code null} at the end; a
     * line over {@link Transcript#MAX_LINE} characters stops the run before it is held whole.
     */
    private static String readLine(BufferedReader in, int number) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c == -1) {
                return line.length() == 0 ? null : line.toString();
            }
            if (c == '\n') {
                return line.toString();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
                return line.toString();
            }
            if (line.length() == Transcript.MAX_LINE) {
                throw new TranscriptException(number, "the line is longer than " + Transcript.MAX_LINE
                        + " characters");
            }
            line.append((char) c);
        }
    }

    private void start(int number, Transcript.Step first) {
        Instant start = first.at() != null ? first.at()
                : first instanceof Transcript.Advance a ? a.to() : null;
        if (start == null) {
            throw new TranscriptException(number, "the first line needs an 'at' to start the clock");
        }
        if (start.isBefore(clock.instant())) {
            throw new TranscriptException(number, "the first 'at' " + start + " is before " + clock.instant());
        }
        clock.set(start);
        started = true;
        world = new ReplayWorld(ReplayWorld.jsonLines(out), clock, true);
        buildEngine();
    }

    private void buildEngine() {
        Gateways gateways = new Gateways();
        for (Platform p : Platform.values()) {
            gateways.register((ChatGateway) world.gateway(p));
            gateways.register((GroupAdminGateway) world.gateway(p));
        }
        // room for work an event hands back to its own conversation (a semantic verdict) while it runs
        core = BotAssembly.build(store, clock, gateways, BotSettings.defaults(), Runnable::run, 1000,
                org.fellowship.core.engine.EngineMetrics.NONE, BotAssembly.Options.defaults()
                        .withSemantic(semantic == null ? null : SemanticStage.inline(semantic, clock)));
    }

    private void perform(int number, Transcript.Step step) {
        if (step instanceof Transcript.Advance advance) {
            if (advance.to().isBefore(clock.instant())) {
                throw new TranscriptException(number, "'to' " + advance.to() + " is earlier than the clock ("
                        + clock.instant() + ")");
            }
            advanceTo(advance.to());
        } else if (step instanceof Transcript.Restart) {
            buildEngine();
        } else if (step instanceof Transcript.Press press) {
            press(number, press);
        } else if (step instanceof Transcript.Deliver deliver) {
            deliver.files().forEach(world::addFile);
            Conversation chat = deliver.event().conversation();
            world.named(deliver.event().actor().id(), deliver.event().actor().displayName());
            if (chat.kind() == ChatKind.DIRECT) {
                world.markDirect(chat.id());
            } else {
                world.moderatorFlag(chat.id(), deliver.event().actor().id(), deliver.moderator());
                if (deliver.event() instanceof MemberLeft) {
                    world.left(chat.id(), deliver.event().actor().id());
                }
            }
            core.engine().accept(deliver.event());
        }
    }

    private void press(int number, Transcript.Press press) {
        Optional<Map.Entry<MessageRef, Button>> found;
        Conversation conversation;
        if (press.chat() != null) {
            // a button on a post in that chat: anyone there may press it, the button's own rules decide
            conversation = press.chat();
            found = world.findButtonIn(conversation.id(), press.label());
            if (found.isEmpty()) {
                throw new TranscriptException(number, "no message the bot sent in chat " + conversation.id().value()
                        + " has a button labelled '" + press.label() + "'");
            }
        } else {
            found = world.findButton(press.member().id(), press.label());
            if (found.isEmpty()) {
                throw new TranscriptException(number, "no message the bot sent this user has a button labelled '"
                        + press.label() + "'");
            }
            ConversationId where = found.get().getKey().conversation();
            conversation = where.value().equals(press.member().id().value())
                    ? new Conversation(where, ChatKind.DIRECT, null, null)
                    : new Conversation(where, ChatKind.GROUP, new CommunityId(press.platform(),
                    where.value()), null);
        }
        MessageRef ref = found.get().getKey();
        world.named(press.member().id(), press.member().displayName());
        if (conversation.kind() == ChatKind.GROUP) {
            world.moderatorFlag(conversation.id(), press.member().id(), press.member().moderator());
        }
        core.engine().accept(Transcript.pressEvent("press" + number, conversation, press.member(), press.at(), ref,
                found.get().getValue().token()));
    }

    /** Moves the clock to {@code target}, running scheduled work in time order on the way. */
    private void advanceTo(Instant target) {
        SimulatedTime.advanceTo(core, clock, target);
    }

    /** The simulated platforms of this run (for tests); {@code null} before the first line. */
    ReplayWorld world() {
        return world;
    }

    private void runDueNow() {
        core.dueWorker().runDue();
    }
}
