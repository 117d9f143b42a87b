package org.fellowship.core.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.fellowship.core.mentor.MentorChain;
import org.fellowship.core.mentor.MentorStore;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.safety.CommunityPolicyStore;
import org.fellowship.core.safety.CrisisDetector;
import org.fellowship.core.safety.CrisisFeature;
import org.fellowship.core.safety.CrisisResources;
import org.fellowship.core.schedule.DueQueue;
import org.fellowship.core.store.ButtonTokenStore;
import org.fellowship.core.store.MemberProfileStore;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.InMemoryStores;
import org.fellowship.core.testkit.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * A restart mid-chain (new engine, new chain, the same durable stores) neither drops nor duplicates a page; run over
 * the in-memory stores and over Redis (a new connection per process life).
 */
public abstract class MentorChainRestartContract {
    protected final MutableClock clock = MutableClock.at("2026-03-08T09:00:00Z");
    private final FakeChatGateway gateway = FakeChatGateway.telegram();

    /** The durable stores one process life sees. */
    public record Life(MentorStore mentors, ButtonTokenStore buttons, MemberProfileStore profiles, DueQueue queue) {
    }

    /** The stores for a new process life: the same state as the previous life's, reached afresh. */
    protected abstract Life newLife();

    private MentorStore lastMentors;

    /** One process's life: a fresh engine and chain over the shared (durable) stores. */
    private BotHarness boot() {
        Life life = newLife();
        lastMentors = life.mentors();
        MentorChain chain = MentorChain.on(life.mentors());
        BotHarness bot = BotHarness.builder().clock(clock).gateway(gateway)
                // the harness numbers events from 1 in every life, so de-duplication stays per life
                .stores(new InMemoryStores.Deduplicator(clock), life.buttons(), life.profiles(), life.queue())
                .feature(chain)
                .feature(new CrisisFeature(CrisisDetector.simple(), CommunityPolicyStore.inMemory(),
                        CrisisResources.builtInTable(), chain))
                .build();
        bot.replies(); // what the previous life sent is not news
        return bot;
    }

    private static List<OutboundMessage> to(BotHarness.User user, List<OutboundMessage> sent) {
        return sent.stream().filter(m -> user.id().equals(m.recipient())).toList();
    }

    @Test
    void escalationTimerPagesTheNextTierOnceAfterARestartAndOldButtonsStillWork() {
        BotHarness before = boot();
        BotHarness.User sam = before.member("42", "Sam");
        BotHarness.User ana = before.mentor("7", "Ana");
        BotHarness.User ben = before.mentor("8", "Ben");
        BotHarness.User mod = before.moderator("1", "Mo");
        before.say(ana, "/mentor on");
        before.say(ben, "/mentor on");
        before.say(mod, "/mentor_tier 8 2");
        before.replies();
        before.say(sam, "/help-now");
        before.press(sam, "Yes, connect me with a mentor");
        List<OutboundMessage> sent = before.replies();
        assertThat(to(ana, sent)).singleElement().satisfies(m -> assertThat(m.text()).contains("Crisis alert"));
        assertThat(to(ben, sent)).isEmpty();

        BotHarness after = boot(); // restart: the old chain and engine are gone
        assertThat(after.core()).isNotSameAs(before.core());
        after.advance(Duration.ofMinutes(6));
        List<OutboundMessage> escalated = after.replies();
        assertThat(to(ben, escalated)).singleElement().satisfies(m -> assertThat(m.text()).contains("Crisis alert"));
        assertThat(to(ana, escalated)).isEmpty();

        BotHarness again = boot(); // a second restart before tier 2's delay: no duplicate page, no lost timer
        again.advance(Duration.ofMinutes(1));
        assertThat(again.replies()).isEmpty();

        again.press(ana, "Take"); // the button of the page sent before the first restart
        List<OutboundMessage> taken = again.replies();
        assertThat(to(sam, taken)).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Ana").contains("on the way"));
        again.press(ben, "Take");
        assertThat(to(ben, again.replies())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("Someone else has already taken"));
        again.advance(Duration.ofMinutes(10));
        assertThat(again.replies().stream().filter(m -> m.text().contains("Crisis alert"))).isEmpty();
        assertThat(lastMentors.openAlertOf(sam.id()).orElseThrow().mentor()).isEqualTo(ana.id());
    }

    @Test
    void followUpsFireOnceEachAcrossRestarts() {
        BotHarness first = boot();
        BotHarness.User sam = first.member("42", "Sam");
        first.say(sam, "I want to end my life"); // privately: an offer, no answer from the member
        first.replies();
        first.advance(Duration.ofMinutes(31));
        assertThat(to(sam, first.replies())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("still here"));

        BotHarness second = boot(); // restart: the first follow-up is not sent again
        second.advance(Duration.ofMinutes(30));
        assertThat(second.replies()).isEmpty();
        second.advance(Duration.ofDays(1));
        assertThat(to(sam, second.replies())).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("still here"));

        BotHarness third = boot();
        third.advance(Duration.ofDays(3));
        assertThat(third.replies()).as("two follow-ups in all").isEmpty();
    }
}
