package org.fellowship.core.safety;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fellowship.core.alert.MentorPager;
import org.fellowship.core.engine.BotContext;
import org.fellowship.core.engine.Turn;
import org.fellowship.core.model.ChatUserId;
import org.fellowship.core.model.Conversation;
import org.fellowship.core.outbound.Button;
import org.fellowship.core.outbound.ButtonRow;
import org.fellowship.core.outbound.Delivery;
import org.fellowship.core.outbound.OutboundMessage;
import org.fellowship.core.outbound.Priority;
import org.fellowship.core.outbound.TextStyle;
import org.fellowship.core.schedule.DueHandler;
import org.fellowship.core.schedule.DueItem;
import org.fellowship.core.schedule.DueKind;
import org.fellowship.core.schedule.DueLane;
import org.fellowship.core.schedule.PayloadCodec;
import org.fellowship.core.schedule.PayloadFields;
import org.fellowship.core.store.ButtonAction;
import org.fellowship.core.store.MemberProfile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caring contacts: a member offered a mentor who neither accepted nor declined hears from the bot once after each
 * configured delay, unless a human has taken their alert or they asked for no check-ins. Each follow-up is sent
 * exactly once: its delivery is recorded before it is sent.
 */
final class FollowUps implements DueHandler<FollowUps.FollowUp> {
    /** The due item kind. */
    static final DueKind<FollowUp> KIND = new DueKind<>("crisis.followup",
            PayloadCodec.of(FollowUp::encode, FollowUp::decode));

    /**
     * Follow-up {@code n} (1 first) of the offer made at {@code offer} (epoch millis), and the member's alert open
     * then ({@code ""} for none); stored as {@code telegram|<member>|<offer>|<n>|<alert>}.
     */
    record FollowUp(ChatUserId member, String offer, int n, String alert) {
        String encode() {
            return PayloadFields.join('|', member.platform().lowerName(), member.value(), offer, Integer.toString(n),
                    alert);
        }

        static FollowUp decode(String text) {
            PayloadFields f = PayloadFields.split(text, '|', 5);
            return new FollowUp(new ChatUserId(f.platformName(0), f.text(1)), f.text(2), f.integer(3), f.text(4));
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(FollowUps.class);

    private final List<Duration> delays;
    private final MentorPager pager;
    private final BotContext context;

    FollowUps(List<Duration> delays, MentorPager pager, BotContext context) {
        this.delays = List.copyOf(delays);
        this.pager = pager;
        this.context = context;
    }

    private static String followUpId(ChatUserId member, String offer, int n) {
        return KIND.name() + ":" + member.platform().code() + ":" + member.value() + ":" + offer + ":" + n;
    }

    /** One gentle private follow-up after each configured delay, unless the member answers the offer first. */
    void schedule(Turn turn) {
        if (delays.isEmpty() || turn.profile().noFollowUps()) {
            return;
        }
        try {
            String offer = Long.toString(turn.now().toEpochMilli());
            String alert = pager.openAlert(turn.actor().id()).orElse("");
            for (int n = 1; n <= delays.size(); n++) {
                context.dueQueue().schedule(KIND.item(followUpId(turn.actor().id(), offer, n),
                        turn.now().plus(delays.get(n - 1)), new FollowUp(turn.actor().id(), offer, n, alert))
                        .about(turn.actor().id()));
            }
        } catch (RuntimeException e) {
            LOG.error("follow-ups for event {} not scheduled", turn.event().dedupeKey(), e);
        }
    }

    /** The member answered the offer (or a follow-up): the rest of that offer's follow-ups are dropped. */
    void cancel(Turn turn, ButtonAction action) {
        String offer = action.get("offer");
        if (offer == null) {
            return;
        }
        try {
            for (int n = 1; n <= delays.size(); n++) {
                context.dueQueue().cancel(followUpId(turn.actor().id(), offer, n));
            }
        } catch (RuntimeException e) {
            LOG.warn("follow-ups of {} not cancelled: {}", turn.actor().id(), e.getMessage());
        }
    }

    @Override
    public DueKind<FollowUp> kind() {
        return KIND;
    }

    @Override
    public DueLane lane() {
        return DueLane.CRISIS;
    }

    @Override
    public void run(DueItem item, FollowUp followUp) {
        ChatUserId member = followUp.member();
        if (!followUp.alert().isEmpty() && pager.attended(followUp.alert())) {
            return; // a mentor or moderator took it (or it was resolved): a human is on it
        }
        Optional<String> open = pager.openAlert(member);
        if (open.isPresent() && pager.attended(open.get())) {
            return;
        }
        boolean off = context.profiles().find(member).map(MemberProfile::noFollowUps).orElse(false);
        if (off || !context.firstDelivery(item.id())) {
            return;
        }
        Map<String, String> data = Map.of("offer", followUp.offer());
        List<ButtonRow> buttons = List.of(
                ButtonRow.of(button(member, "Connect me with a mentor", CrisisFeature.MENTOR_BUTTON, data),
                        button(member, "I'm OK", CrisisFeature.OK_BUTTON, data)),
                ButtonRow.of(button(member, "Show the lines", CrisisFeature.LINES_BUTTON, data),
                        button(member, "Don't check on me", CrisisFeature.NO_FOLLOW_UPS_BUTTON, data)));
        String text = followUp.n() == 1
                ? "Just checking in. I'm still here if you want to talk, any time."
                : "Thinking of you today. I'm still here if you want to talk, and so are the crisis lines.";
        context.outbox().send(new OutboundMessage(Conversation.direct(member).id(), text, TextStyle.PLAIN, buttons,
                null, Delivery.PRIVATE, member, Priority.URGENT), true);
        LOG.info("crisis follow-up {} sent to {}", followUp.n(), member);
    }

    private Button button(ChatUserId member, String label, String handler, Map<String, String> data) {
        return new Button(label, context.buttons().issue(new ButtonAction(handler, data, member), Duration.ofDays(2)));
    }
}
