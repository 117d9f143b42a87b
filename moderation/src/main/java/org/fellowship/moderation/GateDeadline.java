package org.fellowship.moderation;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * The payload of a newcomer's answer deadline ({@link NewcomerGate}): who must answer, in which chat of which
 * community, all on the chat's platform. Stored as {@code telegram|<community>|<chat>|<member>}.
 */
record GateDeadline(CommunityId community, ConversationId chat, ChatUserId member) {
    /** The due item kind of the deadline. */
    static final DueKind<GateDeadline> KIND = new DueKind<>("mod.gate",
            PayloadCodec.of(GateDeadline::encode, GateDeadline::decode));

    String encode() {
        return PayloadFields.join('|', chat.platform().lowerName(), community.value(), chat.value(), member.value());
    }

    static GateDeadline decode(String text) {
        PayloadFields f = PayloadFields.split(text, '|', 4);
        Platform platform = f.platformName(0);
        return new GateDeadline(new CommunityId(platform, f.text(1)), new ConversationId(platform, f.text(2)),
                new ChatUserId(platform, f.text(3)));
    }
}
