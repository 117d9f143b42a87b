package org.fellowship.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fellowship.core.event.CommandInvoked;
import org.junit.jupiter.api.Test;

class TelegramWebhookTest {
    private final RecordingSink sink = new RecordingSink();
    private final TelegramWebhook webhook = new TelegramWebhook("s3cr3t_Token-1", new TelegramUpdateDispatcher(
            new TelegramUpdateMapper("fellowship_bot", ModeratorLookup.NONE, java.time.Clock.systemUTC()), sink, new InMemoryKnownPrivateChats(),
            ChatMigrationListener.NONE, id -> { }));
    private final String body = "{\"update_id\":900," + TelegramLongPollingIT.text(TelegramLongPollingIT.PRIVATE,
            "/help").substring(1);

    @Test
    void rejectsMissingAndWrongSecrets() {
        assertThat(webhook.handle(null, body).status()).isEqualTo(401);
        assertThat(webhook.handle("", body).status()).isEqualTo(401);
        assertThat(webhook.handle("s3cr3t_Token-2", body).status()).isEqualTo(403);
        assertThat(webhook.handle("s3cr3t_Token-1x", body).status()).isEqualTo(403);
        assertThat(sink.events()).isEmpty();
    }

    @Test
    void theSecretAloneCanBeCheckedBeforeAnyBodyIsRead() {
        assertThat(webhook.authenticate(null)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(401));
        assertThat(webhook.authenticate("s3cr3t_Token-2")).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
        assertThat(webhook.authenticate("s3cr3t_Token-1")).isEmpty();
    }

    @Test
    void acceptsTheRightSecretAndTheCoreSeesARedeliveryAsTheSameEvent() {
        WebhookResult first = webhook.handle("s3cr3t_Token-1", body);
        WebhookResult again = webhook.handle("s3cr3t_Token-1", body);
        assertThat(first.accepted()).isTrue();
        assertThat(again.accepted()).isTrue();
        assertThat(sink.events()).hasSize(1);
        CommandInvoked help = (CommandInvoked) sink.events().get(0);
        assertThat(help.eventId()).isEqualTo("u900");
        assertThat(help.dedupeKey()).isEqualTo("tg:u900");
    }

    @Test
    void badBodiesAre400AndAClosedCoreIs503() {
        assertThat(webhook.handle("s3cr3t_Token-1", "not json").status()).isEqualTo(400);
        assertThat(webhook.handle("s3cr3t_Token-1", "{}").status()).isEqualTo(400);
        assertThat(webhook.handle("s3cr3t_Token-1", null).status()).isEqualTo(400);
        sink.close();
        assertThat(webhook.handle("s3cr3t_Token-1", body).status()).isEqualTo(503);
    }

    @Test
    void secretMustBeTelegramCompatible() {
        assertThatThrownBy(() -> new TelegramWebhook("has space", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelegramWebhook("", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
