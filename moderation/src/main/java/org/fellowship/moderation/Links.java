package org.fellowship.moderation;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds links and invites in raw text, in linear time (RE2/J). Stateless and thread-safe. */
final class Links {
    /** A link found in a message: its span and lower-case host, and whether it invites to another group. */
    record Link(int start, int end, String host, boolean invite) {
    }

    private static final Pattern URL = Pattern.compile("(?i)(?:https?://|www\\.)[^\\s<>\"']+"
            + "|\\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:com|net|org|io|gg|me|ru|xyz|co|info|biz|ly|link|app"
            + "|site|online|shop|top|tk|ml|cc|tv|live|club|uk|de|fr|us|ca|au)\\b(?:/[^\\s<>\"']*)?");

    private Links() {
    }

    static List<Link> find(String text) {
        if (text.indexOf('.') < 0) {
            return List.of(); // every link has a dot: skip the regex for most chat lines
        }
        List<Link> found = new ArrayList<>(2);
        Matcher m = URL.matcher(text);
        while (m.find()) {
            String url = m.group().toLowerCase(Locale.ROOT);
            String rest = url.replaceFirst("^https?://", "");
            int cut = rest.length();
            for (char c : new char[] {'/', ':', '?', '#'}) {
                int i = rest.indexOf(c);
                if (i >= 0 && i < cut) {
                    cut = i;
                }
            }
            String host = rest.substring(0, cut);
            if (host.startsWith("www.")) {
                host = host.substring(4);
            }
            String path = rest.substring(cut);
            found.add(new Link(m.start(), m.end(), host, invite(host, path)));
        }
        return found;
    }

    private static boolean invite(String host, String path) {
        return host.equals("discord.gg") || host.equals("dsc.gg")
                || (host.equals("discord.com") || host.equals("discordapp.com")) && path.startsWith("/invite/")
                || (host.equals("t.me") || host.equals("telegram.me"))
                && (path.startsWith("/+") || path.startsWith("/joinchat/"));
    }
}
