package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.ConversationId;
import org.fellowship.core.model.Platform;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.ButtonTokenStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link ButtonTokenStore} must have. */
public abstract class ButtonTokenStoreContract {
    private static final ChatUserId SAM = new ChatUserId(Platform.TELEGRAM, "42");
    private static final ConversationId CHAT = new ConversationId(Platform.TELEGRAM, "-1001");

    private ButtonTokenStore store;

    protected abstract ButtonTokenStore newStore();

    /** Moves the store's clock on by {@code duration} (never real waiting: every store expires on its clock). */
    protected abstract void elapse(Duration duration);

    @BeforeEach
    void setUpStore() {
        store = newStore();
    }

    @Test
    void tokensAreShortUniqueAndResolveToTheirAction() {
        ButtonAction action = new ButtonAction("checkin.mood", Map.of("mood", "3", "date", "2026-03-08"), SAM);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String token = store.issue(action, Duration.ofMinutes(5));
            assertThat(token).hasSizeLessThanOrEqualTo(Button.MAX_TOKEN_LENGTH).matches("[\\x21-\\x7e]+");
            assertThat(seen.add(token)).isTrue();
        }
        String token = seen.iterator().next();
        assertThat(store.resolve(token)).contains(action);
        assertThat(store.resolve("nonexistent")).isEmpty();
    }

    @Test
    void anonymousActionRoundTrips() {
        ButtonAction anyone = new ButtonAction("rsvp", Map.of(), null);
        assertThat(store.resolve(store.issue(anyone, Duration.ofMinutes(5)))).contains(anyone);
    }

    @Test
    void revokedAndExpiredTokensNoLongerResolve() {
        String revoked = store.issue(new ButtonAction("a", Map.of(), SAM), Duration.ofMinutes(5));
        String shortLived = store.issue(new ButtonAction("b", Map.of(), SAM), Duration.ofMinutes(2));
        store.revoke(revoked);
        assertThat(store.resolve(revoked)).isEmpty();
        elapse(Duration.ofMinutes(2).minusMillis(1));
        assertThat(store.resolve(shortLived)).as("a millisecond before its end").isPresent();
        elapse(Duration.ofMillis(1));
        assertThat(store.resolve(shortLived)).as("at its end").isEmpty();
    }

    @Test
    void numberedChoicesArePerMemberAndReplaced() {
        store.rememberChoices(CHAT, SAM, List.of("x1", "x2"), Duration.ofMinutes(5));
        store.rememberChoices(CHAT, null, List.of("open"), Duration.ofMinutes(5));
        assertThat(store.choices(CHAT, SAM)).containsExactly("x1", "x2");
        assertThat(store.choices(CHAT, null)).containsExactly("open");
        assertThat(store.choices(CHAT, new ChatUserId(Platform.TELEGRAM, "7"))).isEmpty();

        store.rememberChoices(CHAT, SAM, List.of("y1"), Duration.ofMinutes(2));
        store.rememberChoices(CHAT, null, List.of("open2"), Duration.ofMinutes(3));
        assertThat(store.choices(CHAT, SAM)).containsExactly("y1");
        elapse(Duration.ofMinutes(2).minusMillis(1));
        assertThat(store.choices(CHAT, SAM)).containsExactly("y1");
        elapse(Duration.ofMillis(1));
        assertThat(store.choices(CHAT, SAM)).isEmpty();
        assertThat(store.choices(CHAT, null)).as("the open choices live a minute longer").containsExactly("open2");
        elapse(Duration.ofMinutes(1));
        assertThat(store.choices(CHAT, null)).isEmpty();
    }

    @Test
    void choiceTokensResolveToTheActionWithTheirValue() {
        ButtonAction action = new ButtonAction("checkin.mood", Map.of("day", "2026-03-08"), SAM);
        List<String> tokens = store.issueChoices(action, "v", List.of("1", "2", "10"), Duration.ofMinutes(10));
        assertThat(tokens).hasSize(3).doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(Button.MAX_TOKEN_LENGTH));
        assertThat(store.resolve(tokens.get(2))).hasValueSatisfying(a -> {
            assertThat(a.handler()).isEqualTo("checkin.mood");
            assertThat(a.data()).isEqualTo(Map.of("day", "2026-03-08", "v", "10"));
            assertThat(a.allowedUser()).isEqualTo(SAM);
        });
        assertThat(store.resolve(tokens.get(0)).orElseThrow().get("v")).isEqualTo("1");
        List<List<String>> many = store.issueChoicesAll(List.of(action,
                new ButtonAction("checkin.mood", Map.of("day", "2026-03-09"), SAM)), "v", List.of("4", "5"),
                Duration.ofMinutes(10));
        assertThat(many).hasSize(2);
        assertThat(store.resolve(many.get(1).get(0)).orElseThrow().data()).isEqualTo(Map.of("day", "2026-03-09",
                "v", "4"));
        assertThat(store.resolve(many.get(0).get(1)).orElseThrow().get("day")).isEqualTo("2026-03-08");
        elapse(Duration.ofMinutes(9));
        assertThat(store.resolve(tokens.get(1))).as("alive until its end").isPresent();
        assertThat(store.resolve(many.get(0).get(0))).isPresent();
        elapse(Duration.ofMinutes(1));
        assertThat(store.resolve(tokens.get(1))).as("expired with its message").isEmpty();
        assertThat(store.resolve(many.get(0).get(0))).isEmpty();
    }
}
