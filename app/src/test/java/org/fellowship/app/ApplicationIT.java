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
        // generous: only a Redis that does not answer at all may fail the health check here, not a busy machine
        registry.add("fellowship.redis.health-timeout", () -> "1m");
    }

    @LocalServerPort
    int port;

    @org.springframework.boot.test.web.server.LocalManagementPort
    int managementPort;

    @Autowired
    RedisConfiguration.RedisEndpoint endpoint;

    @Autowired
    org.fellowship.redis.RedisStore store;

    @Autowired
    org.fellowship.app.meetings.CalendarLinks calendarLinks;

    @Test
    void healthIsUpIncludingTheEmbeddedRedis() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());

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
    void livenessLeavesOutPlatformsAndReadinessNeedsRedis() throws Exception {
        JsonNode liveness = getJson("/actuator/health/liveness");
        assertThat(liveness.path("status").asText()).isEqualTo("UP");
        assertThat(liveness.path("components").has("redis")).as("liveness is the process only").isFalse();
        JsonNode readiness = getJson("/actuator/health/readiness");
        assertThat(readiness.path("status").asText()).isEqualTo("UP");
        assertThat(readiness.path("components").has("redis")).isTrue();
    }

    @Test
    void infoShowsThisBuildAndNoDependencysGitProperties() throws Exception {
        JsonNode info = getJson("/actuator/info");
        assertThat(info.path("build").path("artifact").asText()).isEqualTo("app");
        assertThat(info.path("build").path("version").asText()).isNotBlank();
        assertThat(info.path("build").path("commit").asText()).as("this build's commit").matches("[0-9a-f]{7,40}");
        assertThat(info.has("git")).isFalse();
    }

    private JsonNode getJson(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void actuatorIsNotOnThePublicPort() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).doesNotContain(dataDir.toString());
    }

    @Test
    void prometheusMetricsAreServed() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
        // before any event flows, the bot's own series are there at zero (dashboards see 0, not "no data")
        assertThat(response.body()).containsPattern(
                "(?m)^fellowship_events_seconds_count\\{outcome=\"handled\",platform=\"telegram\"\\} 0(\\.0)?$")
                .containsPattern("(?m)^fellowship_due_dead_lettered_total\\{kind=\"[^\"]+\",reason=\"unknown-kind\"\\} "
                        + "0(\\.0)?$")
                .containsPattern("(?m)^fellowship_due_lag_seconds_count\\{kind=\"[^\"]+\",result=\"ok\"\\} 0(\\.0)?$");
    }

    @Test
    void meetingCalendarIsServedAtAStableUrl() throws Exception {
        var community = new org.fellowship.core.model.CommunityId(org.fellowship.core.model.Platform.TELEGRAM, "-777");
        store.meetings().saveAll(community, java.util.List.of(new org.fellowship.core.meeting.Meeting("step", "Step",
                java.util.Set.of(java.time.DayOfWeek.MONDAY), java.time.LocalTime.of(19, 0),
                java.time.Duration.ofHours(1), java.time.ZoneId.of("Europe/Berlin"), null, null, java.util.List.of(),
                null)));
        // the token comes from the secret the app made once and keeps in Redis
        String token = calendarLinks.token(community);
        assertThat(calendarLinks.path(community, null)).isEqualTo("/calendar/tg/-777/" + token + ".ics");
        for (String path : new String[] {calendarLinks.path(community, null), calendarLinks.path(community, "step")}) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/calendar");
            assertThat(response.body()).contains("BEGIN:VCALENDAR", "TZID:Europe/Berlin", "RRULE:FREQ=WEEKLY;BYDAY=MO");
        }
        for (String path : new String[] {"/calendar/tg/-777.ics", "/calendar/tg/-777/step.ics",
                "/calendar/tg/-777/" + "A".repeat(22) + ".ics", "/calendar/tg/-778/" + token + ".ics"}) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
        }
        assertThat(store.sharedSecret("calendar")).as("made once, then kept").isEqualTo(store.sharedSecret("calendar"));
    }
}
