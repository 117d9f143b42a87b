package org.fellowship.core.meeting.feed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large Meeting Guide feed of our own making, in the shape real WordPress exports have, with what real feeds hold:
 * no time zone anywhere, the same name on many days, names longer than a slug, repeated entries, inactive and
 * temporarily closed meetings, phone-only meetings, 12-hour and odd times, impossible end times, HTML entities and
 * no-break spaces. Deterministic (a fixed seed), so its counts can be asserted. Run {@link #main} to print it.
 */
final class LargeFeed {
    /** Regular meetings (one entry each) before the special cases. */
    static final int REGULAR = 280;
    private static final String[] NAMES = {"Serenity Group", "Hope &amp; Recovery", "Big Book Study", "Step Study",
        "Women\u2019s Meeting", "Men&#8217;s Stag", "Newcomers", "Came to Believe", "Keep It Simple", "Grapevine"};
    private static final String[] PLACES = {"St. Mark\u2019s Church", "Community Hall", "Alano Club", "Library Annex"};
    private static final String[] TYPES = {"O", "C", "D", "BB", "ST", "W", "M", "BE", "LIT", "SP"};

    private LargeFeed() {
    }

    static String json() {
        Random random = new Random(20);
        List<String> entries = new ArrayList<>();
        int id = 5000;
        for (int i = 0; i < REGULAR; i++) {
            String name = NAMES[i % NAMES.length] + (i % 3 == 0 ? "" : " " + (i / NAMES.length));
            int day = random.nextInt(7);
            int hour = 6 + random.nextInt(15);
            String time = i % 4 == 0 ? twelveHour(hour) : String.format("%02d:%02d", hour, i % 2 == 0 ? 0 : 30);
            String end = String.format("%02d:%02d", (hour + 1) % 24, i % 2 == 0 ? 0 : 30);
            String place = PLACES[i % PLACES.length];
            String address = (100 + i) + " Main St, Springfield, IL 62701, USA";
            entries.add(entry(id++, name, "" + day, time, end, place, address,
                    i % 5 == 0 ? "https://zoom.us/j/8" + (100_000_000 + i) + (i % 10 == 0 ? "\u00a0" : "") : null,
                    null, types(random, i % 23 == 0), "in_person", i % 7 == 0 ? "Parking behind &amp; beside." : ""));
        }
        // The same name every day, each day its own entry (as real feeds list daily meetings).
        for (int day = 0; day < 7; day++) {
            entries.add(entry(id++, "Daily Reflections", "" + day, "07:00", "08:00", null, null,
                    "https://zoom.us/j/81234567890", null, "[\"O\",\"ONL\"]", "online", ""));
        }
        // Names whose slugs are longer than 64 characters and alike up to there, on different days.
        for (int day = 0; day < 5; day++) {
            entries.add(entry(id++, "Saturday Morning Twelve Steps and Twelve Traditions Study Group of Springfield "
                    + "Central District " + (day + 1), "" + day, "10:00", "11:30", "Community Hall", null, null, null,
                    "[\"C\",\"ST\"]", "in_person", ""));
        }
        // The same entry twice (an export that repeats rows): the second is a duplicate of the same id.
        for (int i = 0; i < 6; i++) {
            String again = entry(id, "Repeated Row " + i, "3", "18:00", "19:00", "Alano Club", null, null, null,
                    "[\"O\"]", "in_person", "");
            entries.add(again);
            entries.add(again);
            id++;
        }
        // Meetings that no longer meet.
        for (int i = 0; i < 15; i++) {
            entries.add(entry(id++, "Closed Group " + i, "" + (i % 7), "19:00", "20:00", "Old Hall", null, null, null,
                    "[\"O\"]", "inactive", "This meeting no longer meets."));
        }
        // Dial-in only: a phone number, no link, no place; half say nothing of attendance.
        for (int i = 0; i < 20; i++) {
            entries.add(entry(id++, "Phone Meeting " + i, "" + (i % 7), "21:00", "22:00", null, null, null,
                    "+1 (605) 313-51" + (10 + i) + ",,77123" + (10 + i) + "#", "[\"O\",\"ONL\"]",
                    i % 2 == 0 ? "online" : null, "")); // half without attendance_option, as older exports
        }
        // Odd times: a 12-hour typo end, midnight, seconds, a time that does not exist, no time at all.
        entries.add(entry(id++, "Lunch Bunch", "2", "12:15", "01:15", "Library Annex", null, null, null, "[]",
                "in_person", ""));
        entries.add(entry(id++, "Night Owls", "5", "23:30", "00:30", "Alano Club", null, null, null, "[]",
                "in_person", ""));
        entries.add(entry(id++, "Midnight Meeting", "6", "24:00", "01:00", "Alano Club", null, null, null, "[]",
                "in_person", ""));
        entries.add(entry(id++, "Early Bird", "1", "06:00:00", "07:00:00", "Alano Club", null, null, null, "[]",
                "in_person", ""));
        entries.add(entry(id++, "Bad Clock", "1", "25:00", "26:00", "Alano Club", null, null, null, "[]",
                "in_person", ""));
        entries.add(entry(id++, "By Appointment", "1", null, null, "Alano Club", null, null, null, "[]",
                "in_person", ""));
        entries.add(entry(id++, "\u00a0Trailing Space Group\u00a0", "4", "7:30 pm", "8:30 pm", "Community Hall\u00a0",
                null, null, null, "[\"O\"]", "in_person", "&quot;All welcome&quot;"));
        return "[\n" + String.join(",\n", entries) + "\n]\n";
    }

    private static String twelveHour(int hour) {
        return (hour % 12 == 0 ? 12 : hour % 12) + ":00 " + (hour < 12 ? "AM" : "PM");
    }

    private static String types(Random random, boolean temporarilyClosed) {
        List<String> codes = new ArrayList<>();
        codes.add(random.nextBoolean() ? "\"O\"" : "\"C\"");
        codes.add("\"" + TYPES[2 + random.nextInt(TYPES.length - 2)] + "\"");
        if (temporarilyClosed) {
            codes.add("\"TC\"");
        }
        return "[" + String.join(",", codes) + "]";
    }

    private static String entry(int id, String name, String day, String time, String end, String place,
                                String address, String url, String phone, String types, String attendance,
                                String notes) {
        String slug = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return "  {\"id\": " + id + ", \"name\": " + quoted(name) + ", \"slug\": " + quoted(slug + "-" + id % 1000)
                + ", \"notes\": " + quoted(notes) + ", \"updated\": \"2025-11-0" + (id % 9 + 1) + " 12:00:00\""
                + ", \"location_id\": " + (id / 10) + ", \"url\": \"https://springfieldaa.example.org/meetings/"
                + slug + "/\", \"day\": " + day + (time == null ? "" : ", \"time\": " + quoted(time))
                + (end == null ? "" : ", \"end_time\": " + quoted(end))
                + ", \"conference_url\": " + quoted(url) + ", \"conference_url_notes\": \"\""
                + ", \"conference_phone\": " + quoted(phone) + ", \"types\": " + types
                + ", \"location\": " + quoted(place) + ", \"formatted_address\": " + quoted(address)
                + ", \"approximate\": " + (address == null ? "\"yes\"" : "\"no\"")
                + ", \"region\": \"Springfield\", \"regions\": [\"Springfield\"], \"group\": " + quoted(name)
                + ", \"district\": \"District 4\", \"attendance_option\": " + quoted(attendance) + "}";
    }

    private static String quoted(String s) {
        return s == null ? "null" : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Prints the feed, for trying it on another build of the importer. */
    public static void main(String[] args) {
        System.out.print(json());
    }
}
