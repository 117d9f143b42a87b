package org.fellowship.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.event.InboundEvent;
import org.fellowship.core.testkit.MutableClock;
import org.fellowship.telegram.ChatMigrationListener;
import org.fellowship.telegram.InMemoryKnownPrivateChats;
import org.fellowship.telegram.ModeratorLookup;
import org.fellowship.telegram.TelegramUpdateDispatcher;
import org.fellowship.telegram.TelegramUpdateMapper;
import org.fellowship.telegram.TelegramWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

/** The webhook endpoint refuses on the header before reading the body, caps what it reads, counts and rate-limits. */
class TelegramWebhookControllerTest {
    private static final String SECRET = "test-secret-0123456789";
    private static final String UPDATE = """
            {"update_id": 7001, "message": {"message_id": 10, "date": 1772960400,
             "chat": {"id": 4242, "type": "private", "first_name": "Sam"},
             "from": {"id": 4242, "is_bot": false, "first_name": "Sam"}, "text": "hello"}}""";

    private final List<InboundEvent> queued = new ArrayList<>();
    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TelegramWebhook hook = new TelegramWebhook(SECRET, new TelegramUpdateDispatcher(
            new TelegramUpdateMapper("fellowship_bot", ModeratorLookup.NONE, clock), queued::add,
            new InMemoryKnownPrivateChats(), ChatMigrationListener.NONE, chat -> { }));
    private final TelegramWebhookController controller = new TelegramWebhookController(() -> Optional.of(hook),
            registry, clock);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(RejectedRequests.class)).addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        ((Logger) LoggerFactory.getLogger(RejectedRequests.class)).detachAppender(log);
    }

    /** A request whose body is endless and counts every byte anyone reads from it. */
    private static MockHttpServletRequest endless(String secret, AtomicLong read, long declaredLength) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", TelegramWebhookController.PATH) {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        read.incrementAndGet();
                        return ' ';
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }

            @Override
            public long getContentLengthLong() {
                return declaredLength;
            }
        };
        if (secret != null) {
            request.addHeader(TelegramWebhook.SECRET_HEADER, secret);
        }
        return request;
    }

    private double rejectedCount(String reason) {
        var counter = registry.find("fellowship.webhook.rejected").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anUnauthenticatedRequestIsRefusedWithoutReadingItsBody() throws IOException {
        AtomicLong read = new AtomicLong();
        ResponseEntity<String> missing = controller.update(endless(null, read, -1));
        ResponseEntity<String> wrong = controller.update(endless("wrong-secret-0123456789", read, 200_000_000L));

        assertThat(missing.getStatusCode().value()).isEqualTo(401);
        assertThat(wrong.getStatusCode().value()).isEqualTo(403);
        assertThat(read).as("body bytes read").hasValue(0);
        assertThat(rejectedCount("missing secret")).isEqualTo(1);
        assertThat(rejectedCount("wrong secret")).isEqualTo(1);
        assertThat(queued).isEmpty();
    }

    @Test
    void anAuthenticatedBodyIsReadOnlyUpToTheCap() throws IOException {
        AtomicLong read = new AtomicLong();
        assertThat(controller.update(endless(SECRET, read, -1)).getStatusCode().value()).isEqualTo(413);
        assertThat(read).as("stops one byte past the cap").hasValue(TelegramWebhookController.MAX_BODY + 1L);

        AtomicLong declared = new AtomicLong();
        assertThat(controller.update(endless(SECRET, declared, 200_000_000L)).getStatusCode().value())
                .isEqualTo(413);
        assertThat(declared).as("a declared length over the cap is refused unread").hasValue(0);
        assertThat(queued).isEmpty();
    }

    @Test
    void aGoodUpdateIsQueued() throws IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", TelegramWebhookController.PATH);
        request.addHeader(TelegramWebhook.SECRET_HEADER, SECRET);
        request.setContent(UPDATE.getBytes(StandardCharsets.UTF_8));
        assertThat(controller.update(request).getStatusCode().value()).isEqualTo(200);
        assertThat(queued).hasSize(1);
    }

    @Test
    void refusalsAreLoggedAtMostOnceAMinuteWithTheCountSinceTheLastLine() throws IOException {
        AtomicLong read = new AtomicLong();
        for (int i = 0; i < 500; i++) {
            controller.update(endless(null, read, -1));
            clock.advance(Duration.ofMillis(100)); // 500 requests over 50 s
        }
        assertThat(log.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                .startsWith("telegram-webhook refused 1 request(s)"));

        clock.advance(Duration.ofSeconds(10)); // a minute after the first line
        controller.update(endless("wrong-secret-0123456789", read, -1));
        assertThat(log.list).hasSize(2);
        assertThat(log.list.get(1).getFormattedMessage()).startsWith("telegram-webhook refused 500 request(s)")
                .contains("latest: wrong secret").doesNotContain(SECRET).doesNotContain("wrong-secret-0123");
        assertThat(rejectedCount("missing secret")).isEqualTo(500);
        assertThat(read).hasValue(0);
    }
}
