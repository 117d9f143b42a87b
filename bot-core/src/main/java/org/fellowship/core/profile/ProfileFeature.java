package org.fellowship.core.profile;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.fellowship.core.model.Access;
import org.fellowship.core.command.UsageException;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.engine.FeatureRegistry;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.store.MemberProfile;
import org.fellowship.core.time.TimeZones;

/** Member profile basics: {@code /timezone} and {@code /language}. */
public final class ProfileFeature implements Feature {
    /** Languages the bot can reply in. Only languages with a complete translation belong here. */
    public static final Map<String, String> LANGUAGES = Map.of("en", "English");
    private static final String LANGUAGE_BUTTON = "profile.language";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm, EEEE d MMMM", Locale.ENGLISH);

    private final TimeZones zones = new TimeZones();

    @Override
    public void install(FeatureRegistry registry, BotContext context) {
        registry.command("timezone", "<Area/City>", "Set your time zone, e.g. /timezone Europe/Berlin",
                Access.EVERYONE, this::timezone);
        registry.command("language", "[code]", "Choose the language I reply in", Access.EVERYONE, this::language);
        registry.button(LANGUAGE_BUTTON, (turn, action) -> setLanguage(turn, action.get("code")));
    }

    private void timezone(Turn turn, String args) {
        if (args.isEmpty()) {
            MemberProfile profile = turn.profile();
            String current = profile.zone() == null
                    ? "You haven't set a time zone yet, so I use " + turn.zone().getId() + "."
                    : "Your time zone is " + profile.zone().getId() + " (it's " + localTime(turn, profile.zone()) + " there).";
            turn.replyPrivately(current + " To change it: /timezone Europe/Berlin");
            return;
        }
        if (args.length() > 64) {
            throw new UsageException("That is too long for a time zone name.");
        }
        TimeZones.Match match = zones.resolve(args);
        if (match.zone().isEmpty()) {
            String hint = match.suggestions().isEmpty()
                    ? " Time zones look like Europe/Berlin or America/New_York."
                    : " Did you mean " + String.join(", ", match.suggestions()) + "?";
            throw new UsageException("I don't know the time zone \"" + clip(args) + "\"." + hint);
        }
        ZoneId zone = match.zone().get();
        turn.saveProfile(turn.profile().withZone(zone));
        turn.replyPrivately("Time zone set to " + (match.fixedOffset() ? "UTC" + zone.getId() : zone.getId()) + ". It's "
                + localTime(turn, zone) + " there now." + (match.fixedOffset() ? " A fixed offset ignores daylight "
                + "saving, so your times will be an hour off for part of the year; a zone like Europe/Berlin or "
                + "America/New_York follows it." : ""));
    }

    private void language(Turn turn, String args) {
        if (args.isEmpty()) {
            List<ButtonRow> rows = List.of(new ButtonRow(LANGUAGES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> turn.button(e.getValue(), LANGUAGE_BUTTON, Map.of("code", e.getKey()))).toList()));
            turn.replyPrivately("I reply in " + LANGUAGES.get(turn.profile().language()) + ". Pick a language:", rows);
            return;
        }
        String code = args.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.containsKey(code)) {
            throw new UsageException("I can't reply in \"" + clip(args) + "\" yet. Available: " + available() + ".");
        }
        setLanguage(turn, code);
    }

    private static void setLanguage(Turn turn, String code) {
        turn.saveProfile(turn.profile().withLanguage(code));
        turn.replyPrivately("I'll reply in " + LANGUAGES.get(code) + ".");
    }

    private static String available() {
        return LANGUAGES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " (" + e.getKey() + ")").reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String localTime(Turn turn, ZoneId zone) {
        return ZonedDateTime.ofInstant(turn.now(), zone).format(CLOCK);
    }

    /** Echo at most a short, single-line piece of what the member typed. */
    private static String clip(String typed) {
        String oneLine = typed.strip().replaceAll("\\s+", " ");
        return oneLine.length() > 40 ? oneLine.substring(0, 40) + "..." : oneLine;
    }
}
