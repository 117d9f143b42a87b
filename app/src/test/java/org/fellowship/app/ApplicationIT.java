package org.fellowship.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fellowship.app.config.RedisConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app as the README starts it: no tokens, no Redis URL, so the embedded Redis with persistence. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationIT {
    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("fellowship.redis.url", () -> "");
        registry.add("fellowship.redis.data-dir", () -> dataDir.toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    RedisConfiguration.RedisEndpoint endpoint;

    @Test
    void healthIsUpIncludingTheEmbeddedRedis() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode health = new ObjectMapper().readTree(response.body());
        assertThat(health.path("status").asText()).isEqualTo("UP");
        JsonNode redis = health.path("components").path("redis");
        assertThat(redis.path("status").asText()).isEqualTo("UP");
        assertThat(redis.path("details").path("embedded").asBoolean()).isTrue();
        assertThat(redis.path("details").path("version").asText()).startsWith("6.2");
        assertThat(endpoint.isEmbedded()).isTrue();
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("append-only files in the data folder").isNotEmpty();
        }
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }
}
