package org.fellowship.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.CommunityId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

class KeySchemaTest {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    private static final ConversationId CHAT = new ConversationId(Platform.TELEGRAM, "-1001");
    private final KeySchema keys = KeySchema.defaults();

    /** The Redis Cluster hash tag: the text between the first '{' and the next '}'. */
    private static String tag(String key) {
        int open = key.indexOf('{');
        return key.substring(open + 1, key.indexOf('}', open));
    }

    @Test
    void everyKeyIsVersionedUnderTheNamespace() {
        assertThat(keys.prefix()).isEqualTo("fs:v1:");
        assertThat(keys.profile(SAM)).isEqualTo("fs:v1:{u:tg:42}:profile");
        assertThat(keys.dedupe("tg:1001")).startsWith("fs:v1:dedupe:").hasSize("fs:v1:dedupe:".length() + 22);
        assertThat(keys.buttonToken("abc")).isEqualTo("fs:v1:btn:abc");
        assertThat(KeySchema.namespaced("t1").profile(SAM)).isEqualTo("t1:v1:{u:tg:42}:profile");
    }

    @Test
    void aCommunityAliasKeepsTheKeyTheStoresWroteBeforeAndSitsOutsideTheOldCommunitysSlot() {
        String alias = keys.communityAlias(new CommunityId(Platform.TELEGRAM, "-1001"));
        assertThat(alias).isEqualTo("fs:v1:community-moved:tg:-1001");
        assertThat(alias).doesNotContain("{");
    }

    @Test
    void aMembersKeysShareTheirHashTag() {
        assertThat(tag(keys.profile(SAM))).isEqualTo("u:tg:42");
        assertThat(tag(keys.erasureIndex(SAM))).isEqualTo("u:tg:42");
        assertThat(tag(keys.choices(CHAT, SAM))).isEqualTo("u:tg:42");
        assertThat(tag(keys.user(SAM, "warnings"))).isEqualTo("u:tg:42");
        assertThat(tag(keys.profile(new ChatUserId(Platform.DISCORD, "42")))).isEqualTo("u:dc:42");
    }

    @Test
    void anonymousChoicesUseTheConversationTag() {
        assertThat(keys.choices(CHAT, null)).isEqualTo("fs:v1:{c:tg:-1001}:choices");
        assertThat(keys.choices(CHAT, null)).isNotEqualTo(keys.choices(CHAT, SAM));
    }

    @Test
    void dueQueueKeysShareOneTag() {
        assertThat(tag(keys.dueSchedule())).isEqualTo("due");
        assertThat(tag(keys.duePayloads())).isEqualTo("due");
        assertThat(tag(keys.dueLeases())).isEqualTo("due");
        assertThat(tag(keys.dueAttempts())).isEqualTo("due");
        assertThat(tag(keys.dueDone("checkin:tg:42:2026-03-08"))).isEqualTo("due");
    }

    @Test
    void markersNameNoChatMessageOrMember() {
        String event = keys.dedupe("tg:-1001:77");
        String delivery = keys.dedupe("sent:mrem:tg:42:-1001:step-study:1774771200000");
        String done = keys.dueDone("ms:tg:42:dc43e1fe4f816fcb59ed");
        for (String key : java.util.List.of(event, delivery, done)) {
            assertThat(key).doesNotContain("42").doesNotContain("1001").doesNotContain("77");
        }
        assertThat(keys.dedupe("tg:-1001:77")).as("stable").isEqualTo(event);
        assertThat(keys.dedupe("tg:-1001:78")).isNotEqualTo(event);
        assertThat(done).startsWith("fs:v1:{due}:done:");
    }

    @Test
    void communityKeysUseTheCommunityTag() {
        CommunityId group = new CommunityId(Platform.TELEGRAM, "-100123");
        assertThat(keys.community(group, "rules")).isEqualTo("fs:v1:{tg:-100123}:rules");
    }

    @Test
    void refusesPartsThatWouldBreakTheLayout() {
        assertThatThrownBy(() -> KeySchema.namespaced("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeySchema.namespaced("{x}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeySchema.namespaced(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.user(SAM, "a{b}")).isInstanceOf(IllegalArgumentException.class);
    }
}
