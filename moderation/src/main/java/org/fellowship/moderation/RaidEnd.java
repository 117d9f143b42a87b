package org.fellowship.moderation;

import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;

/**
 * The end of a raid after a quiet period ({@link RaidDefense}): which community, the chat whose moderators are told,
 * and which raid (its number in {@link RaidWatch#raids()}), so a later raid is never ended by an earlier one's item.
 * Stored as {@code telegram|<community>|<chat>|<raid>}.
 */
record RaidEnd(CommunityId community, ConversationId chat, int raid) {
    /** The due item kind of a raid's end. */
    static final DueKind<RaidEnd> KIND = new DueKind<>("mod.raid-end", PayloadCodec.of(RaidEnd::encode, RaidEnd::decode));

    /** The due item id of the raid's end: one per raid and community, so instances that see a burst agree on it. */
    static String id(CommunityId community, int raid) {
        return "raid:" + community + ":" + raid;
    }

    String encode() {
        return PayloadFields.join('|', chat.platform().lowerName(), community.value(), chat.value(),
                Integer.toString(raid));
    }

    static RaidEnd decode(String text) {
        PayloadFields f = PayloadFields.split(text, '|', 4);
        Platform platform = f.platformName(0);
        return new RaidEnd(new CommunityId(platform, f.text(1)), new ConversationId(platform, f.text(2)),
                (int) f.number(3));
    }
}
