package org.fellowship.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void readsAllValueKinds() {
        Object v = Json.parse(" {\"a\": [1, -2.5e3, \"x\\n\\u00e9\\\"\", true, false, null], \"b\": {}, \"c\": []} ");
        assertThat(v).isEqualTo(Map.of("a", Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e3"), "x\né\"",
                true, false, null), "b", Map.of(), "c", List.of()));
    }

    @Test
    void reportsLineAndColumn() {
        assertThatThrownBy(() -> Json.parse("[\n  1,\n  2 3\n]")).isInstanceOf(Json.JsonException.class)
                .hasMessage("not valid JSON at line 3, column 5: expected ',' or ']' in an array");
        assertThatThrownBy(() -> Json.parse("{\"a\" 1}")).hasMessageContaining("expected ':'");
        assertThatThrownBy(() -> Json.parse("[01]")).hasMessageContaining("expected ',' or ']'");
        assertThatThrownBy(() -> Json.parse("\"abc")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> Json.parse("[1,]")).hasMessageContaining("unexpected character ']'");
        assertThatThrownBy(() -> Json.parse("{'a': 1}")).hasMessageContaining("expected a \"quoted\" object key");
        assertThatThrownBy(() -> Json.parse("nul")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> Json.parse("[\"\\x\"]")).hasMessageContaining("bad escape");
    }
}
