package org.haechi.messaging.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesJsonTest {

    @Test
    void writesJsonThatReadsBackToTheSameMap() throws Exception {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("district", "Gangnam-gu");
        attributes.put("quote\"back\\slash", "line\nbreak\r\ttab");
        attributes.put("control", "\u0000\u0001\u001f end");
        attributes.put("한글", "강남구 역삼동 \uD83D\uDEA8");
        attributes.put("", "");
        String json = AttributesJson.write(attributes);
        Map<String, String> read = new ObjectMapper().readValue(json, new TypeReference<Map<String, String>>() { });
        assertThat(read).containsExactlyEntriesOf(attributes);
        assertThat(AttributesJson.read(json)).isEqualTo(attributes);
    }

    @Test
    void anEmptyMapIsAnEmptyObject() {
        assertThat(AttributesJson.write(Map.of())).isEqualTo("{}");
    }
}
