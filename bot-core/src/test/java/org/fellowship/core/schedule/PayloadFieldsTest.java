package org.fellowship.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.fellowship.core.model.Platform;
import org.junit.jupiter.api.Test;

class PayloadFieldsTest {

    @Test
    void joinsAndSplitsKeepingEmptyFields() {
        String text = PayloadFields.join('|', "tg", "", "x", "");
        assertThat(text).isEqualTo("tg||x|");

        PayloadFields f = PayloadFields.split(text, '|', 4);

        assertThat(f.size()).isEqualTo(4);
        assertThat(f.text(1)).isEmpty();
        assertThat(f.text(3)).isEmpty();
    }

    @Test
    void readsTypedFields() {
        PayloadFields f = PayloadFields.split("tg\ttelegram\t7\t1772960400000\t2026-03-08", '\t', 5);

        assertThat(f.platformCode(0)).isEqualTo(Platform.TELEGRAM);
        assertThat(f.platformName(1)).isEqualTo(Platform.TELEGRAM);
        assertThat(f.integer(2)).isEqualTo(7);
        assertThat(f.number(3)).isEqualTo(1772960400000L);
        assertThat(f.epochMillis(3)).isEqualTo(Instant.parse("2026-03-08T09:00:00Z"));
        assertThat(f.date(4)).isEqualTo(LocalDate.of(2026, 3, 8));
    }

    @Test
    void aWrongFieldCountOrFieldIsMalformedWithoutQuotingTheText() {
        assertThatThrownBy(() -> PayloadFields.split("a|b", '|', 3)).isInstanceOf(MalformedPayload.class)
                .hasMessage("expected 3 fields, found 2");
        assertThatThrownBy(() -> PayloadFields.split("a|b|c|d|e", '|', 2, 4)).isInstanceOf(MalformedPayload.class)
                .hasMessage("expected 2 to 4 fields, found 5");
        PayloadFields f = PayloadFields.split("secret words|xx|telegraph|2026-13-40", '|', 4);
        assertThatThrownBy(() -> f.integer(0)).isInstanceOf(MalformedPayload.class)
                .hasMessage("field 1 is not a whole number");
        assertThatThrownBy(() -> f.number(0)).hasMessageNotContaining("secret");
        assertThatThrownBy(() -> f.platformCode(1)).hasMessage("field 2 is not a platform code");
        assertThatThrownBy(() -> f.platformName(2)).hasMessage("field 3 is not a platform name");
        assertThatThrownBy(() -> f.date(3)).hasMessage("field 4 is not a date");
    }

    @Test
    void aCodecMadeOfFunctionsReportsAnyParserFailureAsMalformed() {
        PayloadCodec<Integer> numbers = PayloadCodec.of(n -> Integer.toString(n), Integer::valueOf);

        assertThat(numbers.decode(numbers.encode(42))).isEqualTo(42);
        assertThatThrownBy(() -> numbers.decode("forty-two")).isInstanceOf(MalformedPayload.class)
                .hasMessageNotContaining("forty-two");
    }

    @Test
    void aKindWithoutPayloadStoresTheEmptyTextAndReadsNothingElse() {
        DueKind<NoPayload> wave = DueKind.withoutPayload("test.wave");
        DueItem item = wave.item("w", Instant.EPOCH, NoPayload.NONE);

        assertThat(item.kind()).isEqualTo("test.wave");
        assertThat(item.payload()).isEmpty();
        assertThat(wave.codec().decode("")).isEqualTo(NoPayload.NONE);
        assertThatThrownBy(() -> wave.codec().decode("x")).isInstanceOf(MalformedPayload.class);
    }

    @Test
    void noKindMayTakeTheNameOfUnreadableRecordsOrABadName() {
        assertThatThrownBy(() -> DueKind.withoutPayload(DueItem.UNREADABLE_KIND))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DueKind.withoutPayload("a|b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(DueItem.unreadable("id", DueLane.CRISIS, Instant.EPOCH).isUnreadable()).isTrue();
    }
}
