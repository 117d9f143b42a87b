package org.fellowship.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExportDocumentTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant NOW = Instant.parse("2026-03-20T12:04:00Z");

    /** Records as the Redis stores export them today (storage names, stored JSON). */
    private static Map<String, String> stored() {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("scheduled:ms:tg:42:9f6ac6c2b84c56b1e601", "milestone|2026-07-10T13:00:00Z|tg|42|main|2025-01-10|18m");
        records.put("meeting rsvp fs:v1:{tg:-1001}:rsvp:weekend-sharing:1774083600000", "going");
        records.put("checkin", "{\"prompts\":\"on at 20:00 America/New_York\",\"nudges\":true,\"weeklySummary\":false,"
                + "\"nextPrompt\":\"2026-03-20\",\"community\":\"tg:-1001\",\"awayUntil\":\"null\",\"mentor\":\"null\","
                + "\"mentorConsent\":false,\"nameShownToMentor\":\"null\",\"days\":{\"2026-03-19\":\"mood 2, craving 6\"}}");
        records.put("case tg:-1001 1", "{\"v\":1,\"number\":1,\"at\":\"2026-03-20T12:03:40Z\",\"action\":\"warn\","
                + "\"actor\":\"tg:1\",\"subject\":\"tg:42\",\"chat\":\"tg:-1001\",\"messageId\":\"9\",\"ruleId\":0,"
                + "\"reason\":\"Please keep it kind here.\",\"excerpt\":\"\",\"outcome\":\"done\"}");
        records.put("meeting-reminder:tg:-1001:weekend-sharing", "{\"v\":1,\"minutes\":15,\"group\":\"-1001\"}");
        records.put("milestones", "{\"v\":1,\"platform\":\"tg\",\"user\":\"42\",\"cleanDates\":{\"main\":\"2025-01-10\"},"
                + "\"history\":[],\"ladder\":\"default\",\"ladderCommunity\":null,\"announce\":null}");
        records.put("mod-cases", "[\"tg:-1001|1\"]");
        records.put("profile", "{\"v\":1,\"platform\":\"tg\",\"user\":\"42\",\"zone\":\"America/New_York\","
                + "\"language\":\"en\",\"noFollowUps\":null}");
        records.put("warnings:tg:-1001", "[\"{\\\"v\\\":1,\\\"id\\\":1,\\\"moderator\\\":\\\"tg:1\\\",\\\"points\\\":1,"
                + "\\\"reason\\\":\\\"Please keep it kind here.\\\",\\\"at\\\":\\\"2026-03-20T12:03:40Z\\\","
                + "\\\"expiresAt\\\":\\\"2026-04-19T12:03:40Z\\\"}\"]");
        records.put("meeting-draft", "{\"buttonToken\":\"t-secret\",\"name\":\"Late Night\"}");
        return records;
    }

    @Test
    void recordsAreGroupedByFeatureInTheMembersOrderOfSections() {
        String doc = ExportDocument.render(stored(), NEW_YORK, NOW);
        assertThat(doc).startsWith("Everything I store about you, as of 20 Mar 2026, 08:04 (America/New_York).");
        assertThat(doc).containsSubsequence("\n\nProfile and time zone\n• Time zone: America/New_York\n• Language: en",
                "\n\nClean dates and milestones\n• Clean dates:\n    Main: 10 Jan 2025\n• Milestone ladder: default",
                "\n\nCheck-ins\n• Daily check-in: on at 20:00 America/New_York\n• Nudges: yes\n• Weekly summary: no\n"
                        + "• Next check-in: 20 Mar 2026\n• Group: id -1001 (Telegram)",
                "\n\nMeetings, RSVPs and reminders\n• You're going to weekend-sharing on 21 Mar 2026, 05:00 "
                        + "(America/New_York)",
                "• Reminder for weekend-sharing:\n    Minutes before: 15",
                "\n\nModeration records about you\n(These stay after /forget",
                "• Case 1 in group -1001:\n    When: 20 Mar 2026, 08:03 (America/New_York)\n    Action: warn\n"
                        + "    By: id 1 (Telegram)",
                "• Warnings in group -1001:\n    - Case: 1\n      By moderator: id 1 (Telegram)",
                "Counts until: 19 Apr 2026, 08:03 (America/New_York)",
                "\n\nScheduled messages\n• Milestone celebration, due 10 Jul 2026, 09:00 (America/New_York)");
        assertThat(doc).contains("• Check-ins by day:\n    19 Mar 2026: mood 2, craving 6");
    }

    @Test
    void noStorageKeysVersionsIndexesTokensOrUnsetValues() {
        String doc = ExportDocument.render(stored(), NEW_YORK, NOW);
        assertThat(doc).doesNotContain("fs:v1", "{tg:", "tg:", "scheduled:", "mod-cases", "warnings:", "\"v\"", "null",
                "t-secret", "Token", "Away until", "Mentor:", "Rule:", "Quoted words", "History", "Case: 1\n    When",
                "2026-03-20T", "{", "[");
        assertThat(doc).contains("• A meeting you were adding:\n    Name: Late Night");
    }

    @Test
    void aRecordNoSectionKnowsStillAppearsAndPlainTextStaysAsItIs() {
        String doc = ExportDocument.render(Map.of("greeting_choice", "not json {"), ZoneId.of("UTC"), NOW);
        assertThat(doc).endsWith("\n\nOther records\n• Greeting choice:\n    not json {");
        assertThat(doc).contains("as of 20 Mar 2026, 12:04 (UTC)");
    }

    @Test
    void casesAreInNumberOrderAndScheduledItemsSayWhatTheyAre() {
        Map<String, String> records = new LinkedHashMap<>();
        records.put("case tg:-1001 10", "{\"action\":\"ban\"}");
        records.put("case tg:-1001 2", "{\"action\":\"warn\"}");
        records.put("scheduled:unban:tg:-1001:44:17", "mod.unban|2026-03-15T09:44:00Z|tg|-1001|44|17");
        String doc = ExportDocument.render(records, ZoneId.of("UTC"), NOW);
        assertThat(doc).containsSubsequence("• Case 2 in group -1001:\n    Action: warn",
                "• Case 10 in group -1001:\n    Action: ban",
                "• End of a temporary ban, due 15 Mar 2026, 09:44 (UTC)");
        assertThat(doc).contains("Times are shown in UTC.");
    }

    @Test
    void aRecordsOwnIdIsNotRepeatedAndStoredConstantsReadAsWords() {
        String doc = ExportDocument.render(Map.of("mentor alert a1-17", "{\"id\":\"a1-17\",\"category\":"
                + "\"SUICIDAL_IDEATION\",\"state\":\"OPEN\",\"zone\":\"UTC\"}"), NEW_YORK, NOW);
        assertThat(doc).endsWith("\n\nMentors and support alerts\n• Support alert a1-17:\n    Category: suicidal ideation"
                + "\n    State: open\n    Time zone: UTC");
    }

    @Test
    void nothingStoredIsNoDocument() {
        assertThat(ExportDocument.render(Map.of(), NEW_YORK, NOW)).isNull();
        assertThat(ExportDocument.render(Map.of("mod-cases", "[]"), NEW_YORK, NOW)).isNull();
    }
}
