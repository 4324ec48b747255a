package org.triad.common.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonTest {

    @Test
    void oneValueIsRead() {
        JsonObject o = StrictJson.parse(" {\"amount\":\"0.01\",\"n\":[1,2]} \n").asJsonObject();
        assertThat(o.getString("amount")).isEqualTo("0.01");
    }

    @Test
    void trailingContentIsRefused() {
        for (String bad : new String[] {"{\"amount\":\"0.01\"}garbage", "{\"a\":1}{\"a\":2}", "{\"a\":1} 1", "{}]"}) {
            assertThatThrownBy(() -> StrictJson.parse(bad)).as(bad).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void duplicateMemberNamesAreRefused() {
        assertThatThrownBy(() -> StrictJson.parse("{\"amount\":\"0.01\",\"amount\":\"100.00\"}"))
                .isInstanceOf(JsonException.class);
        assertThatThrownBy(() -> StrictJson.parse("{\"x\":{\"a\":1,\"a\":2}}")).isInstanceOf(JsonException.class);
    }

    @Test
    void emptyAndMalformedBodiesAreRefused() {
        for (String bad : new String[] {"", "   ", "{", "{\"a\":}", "nul"}) {
            assertThatThrownBy(() -> StrictJson.parse(bad)).as(bad).isInstanceOf(JsonException.class);
        }
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] latin1 = "{\"nickname\":\"Jos\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> StrictJson.utf8(latin1)).isInstanceOf(JsonException.class);
        assertThat(StrictJson.utf8("{\"nickname\":\"\u5f20\u4e09\"}".getBytes(StandardCharsets.UTF_8)))
                .contains("\u5f20\u4e09");
    }
}
