package org.sentry4j.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JsonOutTest {
    private static String write(java.util.function.Consumer<JsonOut> body) {
        JsonOut out = new JsonOut(4); // tiny, so every test also grows the buffer
        body.accept(out);
        return out.toString();
    }

    @Test
    void nestsAndSeparatesCompactly() {
        String json = write(out -> out.beginObject()
                .name("a").value("x")
                .name("b").beginArray().value(1).value(true).nullValue().beginObject().endObject().endArray()
                .name("c").jsonValue("{\"cached\":1}".getBytes(StandardCharsets.UTF_8))
                .name("d").beginObject().name("e").value(2.5).endObject()
                .endObject());
        assertThat(json).isEqualTo("{\"a\":\"x\",\"b\":[1,true,null,{}],\"c\":{\"cached\":1},\"d\":{\"e\":2.5}}");
    }

    @Test
    void everyCharacterRoundTripsThroughAJsonParser() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0xD800; c++) {
            all.append(c);
        }
        for (char c = 0xE000; c != 0; c++) { // up to U+FFFF, then c wraps to 0
            all.append(c);
        }
        all.append("\uD83D\uDE00 done"); // a valid surrogate pair stays
        String text = all.toString();
        String json = write(out -> out.beginObject().name("k\"\n").value(text).endObject());
        JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
        assertThat(parsed.get("k\"\n").getAsString()).isEqualTo(text);
        assertThat(json).doesNotContain("\n").contains("\\u2028").contains("\\u0001");
    }

    @Test
    void loneSurrogatesBecomeReplacementCharactersSoUtf8IsLossless() {
        String json = write(out -> out.value("a\uD800b\uDC00c\uD83D"));
        assertThat(JsonParser.parseString(json).getAsString()).isEqualTo("a\uFFFDb\uFFFDc\uFFFD");
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).isEqualTo(json);
    }

    @Test
    void numbersThatJsonCannotHoldBecomeText() {
        String json = write(out -> out.beginArray().value(Double.NaN).value(Double.NEGATIVE_INFINITY)
                .value(new BigDecimal("1.50")).value(new AtomicLong(7)).value(Long.MIN_VALUE).endArray());
        assertThat(json).isEqualTo("[\"NaN\",\"-Infinity\",1.50,7," + Long.MIN_VALUE + "]");
    }

    @Test
    void arbitraryValuesAreWrittenSafely() {
        Object odd = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no");
            }
        };
        String json = write(out -> JsonValues.write(out, Map.of("list", List.of(1, "two"), "odd", odd), 0));
        JsonObject parsed = JsonParser.parseString(json).getAsJsonObject();
        assertThat(parsed.getAsJsonArray("list").toString()).isEqualTo("[1,\"two\"]");
        assertThat(parsed.get("odd").getAsString()).contains("toString() threw");
    }
}
