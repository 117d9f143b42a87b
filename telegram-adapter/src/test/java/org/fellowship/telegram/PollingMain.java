package org.fellowship.telegram;

import java.net.URI;
import java.time.Duration;
import org.fellowship.core.testkit.Eventually;

/** Child-JVM program for {@link TelegramLongPollingIT#jvmExitsAfterClose()}: polls, receives one event, closes. */
public final class PollingMain {
    private PollingMain() {
    }

    public static void main(String[] args) throws Exception {
        RecordingSink sink = new RecordingSink();
        TelegramConfig config = TelegramConfig.of(FakeBotApi.TOKEN).withApiUrl(URI.create(args[0]))
                .withPollTimeout(Duration.ofSeconds(1));
        TelegramUpdateDispatcher dispatcher = new TelegramUpdateDispatcher(
                new TelegramUpdateMapper("fellowship_bot", ModeratorLookup.NONE, java.time.Clock.systemUTC()), sink,
                new InMemoryKnownPrivateChats(), ChatMigrationListener.NONE, id -> { });
        TelegramGateway gateway = new TelegramGateway(config, new InMemoryKnownPrivateChats(), SendPermits.NONE,
                java.time.Clock.systemUTC());
        TelegramLongPolling polling = new TelegramLongPolling(config, dispatcher);
        polling.start();
        System.out.println("RECEIVED " + sink.await(1).get(0).eventId());
        polling.close();
        gateway.close();
        // close() stops the threads; give them a (bounded) moment to end.
        try {
            Eventually.until("the adapter's threads to end", () -> leaked().isEmpty());
        } catch (AssertionError e) {
            System.out.println("LEAKED THREADS " + leaked());
            System.exit(2);
        }
        // Returning from main without System.exit: the JVM exits only if no non-daemon thread is left.
    }

    private static java.util.List<String> leaked() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t != Thread.currentThread())
                .filter(t -> !t.isDaemon() || t.getName().startsWith("telegram-"))
                .map(Thread::getName)
                .filter(n -> !n.equals("DestroyJavaVM") && !n.startsWith("fake-bot-api"))
                .toList();
    }
}
