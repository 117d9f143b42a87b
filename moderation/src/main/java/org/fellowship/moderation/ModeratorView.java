package org.fellowship.moderation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.port.GroupAdminGateway;
import org.fellowship.core.time.ReaderTime;

/**
 * Moderation records as the moderator reading them sees them: members by the name the platform gives now
 * ("Sam (id 42)", or "member 42" when it cannot say) and times in the reader's own zone. Records keep ids and instants
 * only; a name is asked when a text is made, for that text alone, and never stored or logged. Thread-safe; a
 * {@link Names} belongs to one text.
 */
final class ModeratorView {
    /** Longer names are cut: a name is a label here, and a platform name can be long or made to look like text. */
    static final int LONGEST_NAME = 40;

    private final BotContext context;

    ModeratorView(BotContext context) {
        this.context = context;
    }

    /** One text's names, each member asked once; {@code group} is where the platform is asked (null: ids only). */
    Names names(ConversationId group) {
        return new Names(group);
    }

    /** The zone {@code reader} reads times in; {@code null} is a shared chat (the mod-log): the default zone. */
    ZoneId zone(ChatUserId reader) {
        return reader == null ? context.settings().defaultZone() : context.readerZone(reader);
    }

    /** {@code at} for {@code reader}: "10 Dec 2026, 21:37 (Europe/Berlin)". */
    String when(Instant at, ChatUserId reader) {
        return ReaderTime.format(at, zone(reader));
    }

    /**
     * Members in a shared chat (the mod-log): ids only, as "member 42". Such a chat keeps its history beyond the
     * bot's reach, so no name is written there.
     */
    static final Function<ChatUserId, String> IDS_ONLY = member -> "member " + member.value();

    /** One case's line for {@code reader}; {@code null} is a shared chat (ids only, the default zone). */
    String describe(ModCase c, ChatUserId reader) {
        return describeFor(c).apply(reader);
    }

    /** One case's line for each reader of a notice, the names asked once for all of them. */
    Function<ChatUserId, String> describeFor(ModCase c) {
        Names names = names(c.chat());
        return reader -> c.describe(reader == null ? IDS_ONLY : names, zone(reader));
    }

    /** {@code shown} starting a sentence: "member 42" becomes "Member 42"; a name stays as it is. */
    static String capitalized(String shown) {
        return shown.startsWith("member ") ? "M" + shown.substring(1) : shown;
    }

    /** A platform name made safe to show inside a line: one line, no control characters, at most a few words. */
    static String clean(String name) {
        String flat = name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069]+", " ")
                .strip().replaceAll("\\s+", " ");
        return flat.length() <= LONGEST_NAME ? flat : flat.substring(0, LONGEST_NAME - 1).strip() + "…";
    }

    /** "Sam (id 42)" or "member 42" (a name asked once per text, the empty string when unknown). Not thread-safe. */
    final class Names implements Function<ChatUserId, String> {
        private final ConversationId group;
        private final Map<ChatUserId, String> shown = new HashMap<>();

        private Names(ConversationId group) {
            this.group = group;
        }

        @Override
        public String apply(ChatUserId member) {
            return as(member, "member");
        }

        /** "Mo (id 7)", or {@code role} and the id ("moderator 7") when the platform cannot say. */
        String as(ChatUserId member, String role) {
            String name = shown.computeIfAbsent(member, this::ask);
            return name.isEmpty() ? role + " " + member.value() : name + " (id " + member.value() + ")";
        }

        /** The same, starting a sentence ("Member 42 ..."). */
        String atStart(ChatUserId member) {
            return capitalized(apply(member));
        }

        private String ask(ChatUserId member) {
            return group == null || group.platform() != member.platform() ? ""
                    : context.gateways().admin(group.platform()).flatMap(a -> nameOf(a, member))
                    .map(ModeratorView::clean).orElse("");
        }

        private java.util.Optional<String> nameOf(GroupAdminGateway admin, ChatUserId member) {
            try {
                return admin.memberName(group, member);
            } catch (RuntimeException e) {
                return java.util.Optional.empty(); // the port promises not to throw; a name is never worth a failure
            }
        }
    }
}
