package org.fellowship.redis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fellowship.core.checkin.CheckinRecord;
import org.fellowship.core.checkin.CommunityCheckins;
import org.fellowship.core.checkin.DayLog;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;

/**
 * The compact stored shapes of check-in data (version 1). Compact on purpose: a million members' records live in
 * hashes that must stay listpack-encoded (values under 64 bytes), so these are {@code |}-separated fields with dates
 * as epoch days rather than JSON.
 *
 * <ul>
 *   <li>settings: {@code 1|HHMM|zone|flags|nextDay|nudgeDay|community|origin|awayUntil|mentor|signalDay|noteUntil|
 *       noteDay|name}; flags {@code e} enabled, {@code n} nudges, {@code w} weekly, {@code c} consent; origin
 *       {@code =} when it is the community's own chat; mentor as the user value on the member's platform; name last
 *       (it may contain {@code |}); empty fields are absent values</li>
 *   <li>days: {@code startEpochDay:carry:codes} (see {@link DayLog})</li>
 *   <li>community: {@code 1|HHMM|summary 0/1|summaryChat|HHMM|zone}</li>
 * </ul>
 * Thread-safe (stateless). A value of an unknown version is refused with {@link IllegalStateException}.
 */
final class CheckinCodec {

    String writeSettings(CheckinRecord r) {
        StringBuilder sb = new StringBuilder("1|").append(hhmm(r.time())).append('|').append(r.zone().getId())
                .append('|');
        sb.append(r.enabled() ? "e" : "").append(r.nudges() ? "n" : "").append(r.weekly() ? "w" : "")
                .append(r.consent() ? "c" : "").append('|');
        sb.append(day(r.nextDay())).append('|').append(day(r.nudgeDay())).append('|');
        sb.append(r.community() == null ? "" : r.community().platform().code() + ":" + r.community().value()).append('|');
        if (r.origin() != null) {
            boolean same = r.community() != null && r.origin().platform() == r.community().platform()
                    && r.origin().value().equals(r.community().value());
            sb.append(same ? "=" : r.origin().platform().code() + ":" + r.origin().value());
        }
        sb.append('|').append(day(r.awayUntil())).append('|').append(r.mentor() == null ? "" : r.mentor().value())
                .append('|').append(day(r.signalDay())).append('|')
                .append(r.noteUntil() == null ? "" : Long.toString(r.noteUntil().getEpochSecond())).append('|')
                .append(day(r.noteDay())).append('|').append(r.name() == null ? "" : r.name());
        return sb.toString();
    }

    String writeDays(DayLog log) {
        return log.start().toEpochDay() + ":" + log.carry() + ":" + log.days();
    }

    CheckinRecord read(ChatUserId member, String settings, String days) {
        String[] p = settings.split("\\|", 14);
        if (p.length != 14 || !p[0].equals("1")) {
            throw new IllegalStateException("unknown check-in record version");
        }
        LocalTime time = LocalTime.of(Integer.parseInt(p[1].substring(0, 2)), Integer.parseInt(p[1].substring(2)));
        CommunityId community = p[6].isEmpty() ? null : community(p[6]);
        ConversationId origin = p[7].isEmpty() ? null : p[7].equals("=")
                ? new ConversationId(community.platform(), community.value()) : conversation(p[7]);
        DayLog log = days == null ? DayLog.startingOn(LocalDate.ofEpochDay(0)) : readDays(days);
        return new CheckinRecord(member, p[3].contains("e"), time, ZoneId.of(p[2]), p[3].contains("n"),
                p[3].contains("w"), date(p[4]), date(p[5]), community, origin, date(p[8]),
                p[9].isEmpty() ? null : new ChatUserId(member.platform(), p[9]), p[3].contains("c"),
                p[13].isEmpty() ? null : p[13], date(p[10]), p[11].isEmpty() ? null : Instant.ofEpochSecond(Long.parseLong(p[11])),
                date(p[12]), log);
    }

    DayLog readDays(String text) {
        String[] p = text.split(":", 3);
        if (p.length != 3) {
            throw new IllegalStateException("malformed check-in days");
        }
        return new DayLog(LocalDate.ofEpochDay(Long.parseLong(p[0])), Integer.parseInt(p[1]), p[2]);
    }

    /** A readable form for {@code /export}. */
    Map<String, Object> describe(CheckinRecord r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("prompts", r.enabled() ? "on at " + r.time() + " " + r.zone().getId() : "off");
        out.put("nudges", r.nudges());
        out.put("weeklySummary", r.weekly());
        out.put("nextPrompt", String.valueOf(r.nextDay()));
        out.put("community", String.valueOf(r.community()));
        out.put("awayUntil", String.valueOf(r.awayUntil()));
        out.put("mentor", String.valueOf(r.mentor()));
        out.put("mentorConsent", r.consent());
        out.put("nameShownToMentor", String.valueOf(r.name()));
        Map<String, String> days = new LinkedHashMap<>();
        for (int i = 0; i < r.log().days().length(); i++) {
            char c = r.log().days().charAt(i);
            days.put(r.log().start().plusDays(i).toString(), DayLog.isAnswer(c) ? "mood " + DayLog.moodOf(c)
                    + (DayLog.cravingOf(c) == DayLog.NO_CRAVING ? "" : ", craving " + DayLog.cravingOf(c))
                    : c == DayLog.AWAY ? "away" : c == DayLog.SKIPPED ? "not prompted" : "no check-in");
        }
        out.put("days", days);
        return out;
    }

    String writeCommunity(CommunityCheckins c) {
        return "1|" + hhmm(c.defaultTime()) + "|" + (c.summary() ? "1" : "0") + "|"
                + (c.summaryChat() == null ? "" : c.summaryChat().platform().code() + ":" + c.summaryChat().value())
                + "|" + hhmm(c.summaryTime()) + "|" + c.zone().getId();
    }

    CommunityCheckins readCommunity(CommunityId community, String text) {
        String[] p = text.split("\\|", -1);
        if (p.length != 6 || !p[0].equals("1")) {
            throw new IllegalStateException("unknown community check-in settings version");
        }
        return new CommunityCheckins(community, time(p[1]), p[2].equals("1"), p[3].isEmpty() ? null : conversation(p[3]),
                time(p[4]), ZoneId.of(p[5]));
    }

    private static LocalTime time(String hhmm) {
        return LocalTime.of(Integer.parseInt(hhmm.substring(0, 2)), Integer.parseInt(hhmm.substring(2)));
    }

    private static String hhmm(LocalTime t) {
        // Written for every member of a dispatch wave: plain arithmetic rather than String.format.
        int h = t.getHour();
        int m = t.getMinute();
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), (char) ('0' + m / 10),
                (char) ('0' + m % 10)});
    }

    private static String day(LocalDate d) {
        return d == null ? "" : Long.toString(d.toEpochDay());
    }

    private static LocalDate date(String s) {
        return s.isEmpty() ? null : LocalDate.ofEpochDay(Long.parseLong(s));
    }

    private static Platform platform(String code) {
        for (Platform p : Platform.values()) {
            if (p.code().equals(code)) {
                return p;
            }
        }
        throw new IllegalStateException("unknown platform code in check-in data");
    }

    private static CommunityId community(String s) {
        int cut = s.indexOf(':');
        return new CommunityId(platform(s.substring(0, cut)), s.substring(cut + 1));
    }

    private static ConversationId conversation(String s) {
        int cut = s.indexOf(':');
        return new ConversationId(platform(s.substring(0, cut)), s.substring(cut + 1));
    }
}
