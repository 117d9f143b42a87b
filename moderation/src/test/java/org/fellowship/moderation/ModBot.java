package org.fellowship.moderation;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fellowship.core.engine.Feature;
import org.fellowship.core.event.MessageEdited;
import org.fellowship.core.event.MessageReceived;
import org.fellowship.core.model.Member;
import org.fellowship.core.model.MessageRef;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.testkit.BotHarness;
import org.fellowship.core.testkit.FakeChatGateway;
import org.fellowship.core.testkit.InMemoryRateLimitStore;
import org.fellowship.moderation.testkit.InMemoryCaseLog;
import org.fellowship.moderation.testkit.InMemoryRuleStore;
import org.fellowship.moderation.testkit.InMemoryWarningStore;

/** A {@link BotHarness} with moderation installed on the test kit's stores, plus group messages with ids and replies. */
final class ModBot {
    final InMemoryRuleStore rules = new InMemoryRuleStore();
    final InMemoryWarningStore warnings = new InMemoryWarningStore();
    final InMemoryCaseLog cases;
    final InMemoryRateLimitStore limits = new InMemoryRateLimitStore();
    final BotHarness bot;
    final ModerationFeature feature;
    private final AtomicLong events = new AtomicLong(1000);

    ModBot(Feature... before) {
        BotHarness.Builder b = BotHarness.builder();
        for (Feature f : before) {
            b.feature(f);
        }
        org.fellowship.core.testkit.MutableClock clock = org.fellowship.core.testkit.MutableClock.at("2026-03-08T09:00:00Z");
        cases = new InMemoryCaseLog(clock);
        feature = new ModerationFeature(rules, warnings, cases, limits);
        bot = b.clock(clock).feature(feature).build();
    }

    static Member member(BotHarness.User u) {
        return new Member(u.id(), u.name(), u.moderator(), u.mentor(), false);
    }

    FakeChatGateway gateway() {
        return bot.gateway();
    }

    MessageRef ref(String id) {
        return new MessageRef(bot.group().id(), id);
    }

    /** {@code user} writes message {@code id} in the group. */
    ModBot say(BotHarness.User user, String id, String text) {
        bot.deliver(new MessageReceived("e" + events.incrementAndGet(), bot.group(), member(user),
                bot.clock().instant(), ref(id), text, null, null, 0));
        return this;
    }

    ModBot sayWithMentions(BotHarness.User user, String id, String text, int mentions) {
        bot.deliver(new MessageReceived("e" + events.incrementAndGet(), bot.group(), member(user),
                bot.clock().instant(), ref(id), text, null, null, mentions));
        return this;
    }

    /** {@code user} replies to message {@code repliedId} by {@code author}. */
    ModBot reply(BotHarness.User user, String id, String text, String repliedId, BotHarness.User author) {
        bot.deliver(new MessageReceived("e" + events.incrementAndGet(), bot.group(), member(user),
                bot.clock().instant(), ref(id), text, ref(repliedId), author.id(), 0));
        return this;
    }

    /** A command as the adapters deliver it ({@link org.fellowship.core.event.CommandInvoked}), in reply to a message. */
    ModBot commandInReply(BotHarness.User user, String id, String name, String args, String repliedId,
                          BotHarness.User author) {
        bot.deliver(new org.fellowship.core.event.CommandInvoked("e" + events.incrementAndGet(), bot.group(),
                member(user), bot.clock().instant(), ref(id), name, args, ref(repliedId), author.id()));
        return this;
    }

    ModBot edit(BotHarness.User user, String id, String text) {
        bot.deliver(new MessageEdited("edit" + events.incrementAndGet(), bot.group(), member(user),
                bot.clock().instant(), ref(id), text));
        return this;
    }

    /** A moderator command in the group. */
    ModBot mod(BotHarness.User moderator, String command) {
        bot.sayInGroup(moderator, command);
        return this;
    }

    /** {@code user} presses a button on the latest group message (the mod-log) that has one labelled {@code label}. */
    ModBot pressInGroup(BotHarness.User user, String label) {
        List<FakeChatGateway.Action> actions = gateway().actions();
        for (int i = actions.size() - 1; i >= 0; i--) {
            FakeChatGateway.Action a = actions.get(i);
            if (a.kind().equals("send") && a.conversation().equals(bot.group().id())) {
                for (org.fellowship.core.outbound.Button b : a.message().allButtons()) {
                    if (b.label().equals(label)) {
                        bot.deliver(new org.fellowship.core.event.ButtonPressed("p" + events.incrementAndGet(),
                                bot.group(), member(user), bot.clock().instant(), a.ref(), b.token(), "cb"));
                        return this;
                    }
                }
            }
        }
        throw new AssertionError("no group message has a button labelled " + label);
    }

    List<OutboundMessage> replies() {
        return bot.replies();
    }

    String lastText() {
        return bot.lastReply().text();
    }

    List<String> kinds() {
        return gateway().actions().stream().map(FakeChatGateway.Action::kind).filter(k -> !k.equals("send") && !k.equals("ack")).toList();
    }

    List<ModCase> cases() {
        return cases.all(bot.group().community());
    }
}
