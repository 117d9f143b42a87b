package org.fellowship.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.fellowship.core.testkit.Eventually;
import org.fellowship.redis.testing.RedisTestServer;
import org.fellowship.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app in Telegram webhook mode against the loopback fake Bot API: the secret header is enforced, an
 * update posted to the app reaches the engine, and the reply reaches Telegram as an HTML sendMessage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TelegramWebhookIT {
    private static final String SECRET = "test-secret-0123456789";
    private static final FakeBotApi API = start();

    private static FakeBotApi start() {
        try {
            return new FakeBotApi();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("fellowship.redis.url", RedisTestServer::uri);
        registry.add("fellowship.telegram.token", () -> FakeBotApi.TOKEN);
        registry.add("fellowship.telegram.mode", () -> "webhook");
        registry.add("fellowship.telegram.webhook-url", () -> "https://bot.example.org/telegram/webhook");
        registry.add("fellowship.telegram.webhook-secret", () -> SECRET);
        registry.add("fellowship.telegram.api-url", () -> API.url().toString());
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Autowired
    MeterRegistry meters;

    /** Telegram events the engine found to be duplicates (the fellowship_events_seconds count). */
    private long duplicates() {
        Timer timer = meters.find("fellowship.events").tag("platform", "telegram").tag("outcome", "duplicate").timer();
        return timer == null ? 0 : timer.count();
    }

    private HttpResponse<String> post(String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void updatesNeedTheSecretAndRepliesReachTelegram() throws Exception {
        String update = """
                {"update_id": 5001, "message": {"message_id": 10, "date": 1772960400,
                 "chat": {"id": 4242, "type": "private", "first_name": "Sam"},
                 "from": {"id": 4242, "is_bot": false, "first_name": "Sam"},
                 "text": "/timezone <Berlin>", "entities": [{"type": "bot_command", "offset": 0, "length": 9}]}}
                """;
        assertThat(post(null, update).statusCode()).isEqualTo(401);
        assertThat(post("wrong-secret-0123456789", update).statusCode()).isEqualTo(403);
        assertThat(API.calls("sendmessage")).isEmpty();

        assertThat(post(SECRET, update).statusCode()).isEqualTo(200);
        assertThat(post(SECRET, update).statusCode()).as("a retried update is accepted").isEqualTo(200);

        List<FakeBotApi.Call> sent = API.await("sendmessage", 1);
        assertThat(sent.get(0).text("chat_id")).isEqualTo("4242");
        assertThat(sent.get(0).text("parse_mode")).isEqualTo("HTML");
        assertThat(sent.get(0).text("text")).contains("Did you mean Europe/Berlin").contains("&lt;Berlin&gt;");
        // The engine counts the retried update as a duplicate once it has handled it: wait for that, not for a time.
        Eventually.until("the retried update to be handled", () -> duplicates() >= 1);
        assertThat(API.calls("sendmessage")).as("the retried update was handled once").hasSize(1);
        assertThat(API.calls("setwebhook")).singleElement()
                .satisfies(c -> assertThat(c.text("raw")).as("multipart setWebhook")
                        .contains("name=\"secret_token\"").contains(SECRET).contains("bot.example.org"));
    }

    @Test
    void aHugeBodyWithoutTheSecretIsNotReadAndIsCounted() throws Exception {
        long declared = 128L * 1024 * 1024;
        long sent = 0;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /telegram/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[64 * 1024];
            try {
                while (sent < declared) {
                    out.write(chunk);
                    sent += chunk.length;
                }
            } catch (IOException closed) {
                // the server answered without reading and dropped the connection
            }
        }
        assertThat(sent).as("bytes the server let in before closing").isLessThan(declared / 2);

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.body()).containsPattern(
                "fellowship_webhook_rejected_total\\{endpoint=\"telegram-webhook\",reason=\"missing secret\"[^}]*} [1-9]");
    }

    @Test
    void anAuthenticatedBodyOverTheCapIsRefused() throws Exception {
        assertThat(post(SECRET, "[" + " ".repeat(2 * 1024 * 1024) + "]").statusCode()).isEqualTo(413);
    }
}
