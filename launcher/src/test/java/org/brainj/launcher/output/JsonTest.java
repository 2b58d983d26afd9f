package org.brainj.launcher.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against RFC 8259: escapes, numbers (no NaN), nesting. */
class JsonTest {
    @Test
    void writesNestedValuesWithEscapesAndNumbers() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\\path\n");
        m.put("rate", 21.5);
        m.put("steps", 10000L);
        m.put("whole", 1000.0);
        m.put("tiny", 1.5e-7);
        m.put("nan", Double.NaN);
        m.put("list", List.of(1, true));
        m.put("empty", Map.of());
        assertEquals("""
                {
                  "name": "a \\"quoted\\"\\\\path\\n",
                  "rate": 21.5,
                  "steps": 10000,
                  "whole": 1000,
                  "tiny": 1.5E-7,
                  "nan": null,
                  "list": [
                    1,
                    true
                  ],
                  "empty": {}
                }
                """, Json.write(m));
    }
}
