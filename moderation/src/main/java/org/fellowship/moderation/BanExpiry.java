package org.fellowship.moderation;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * The end of a temporary ban ({@link MemberActions}): who is unbanned, in which chat of which community, and the case
 * of the ban, so a later ban or unban of the same member supersedes it. Stored as
 * {@code telegram|<community>|<chat>|<member>|<case>}.
 */
record BanExpiry(CommunityId community, ConversationId chat, ChatUserId member, long banCase) {
    /** The due item kind of a ban's end. */
    static final DueKind<BanExpiry> KIND = new DueKind<>("mod.unban",
            PayloadCodec.of(BanExpiry::encode, BanExpiry::decode));

    String encode() {
        return PayloadFields.join('|', chat.platform().lowerName(), community.value(), chat.value(), member.value(),
                Long.toString(banCase));
    }

    static BanExpiry decode(String text) {
        PayloadFields f = PayloadFields.split(text, '|', 5);
        Platform platform = f.platformName(0);
        return new BanExpiry(new CommunityId(platform, f.text(1)), new ConversationId(platform, f.text(2)),
                new ChatUserId(platform, f.text(3)), f.number(4));
    }
}
