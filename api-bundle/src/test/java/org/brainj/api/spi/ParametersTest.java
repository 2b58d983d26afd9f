package org.brainj.api.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.brainj.api.UnknownNameException;
import org.junit.jupiter.api.Test;

class ParametersTest {
    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.required("prob", "", "probability"),
            ParamSpec.optional("include_self", "", "true", "self"),
            ParamSpec.optional("sigmas", "", "[0.08, 0.15]", "widths"),
            ParamSpec.optional("seed", "", ParamSpec.NONE, "seed"));

    @Test
    void givenValuesAndDefaultsAreTyped() {
        Parameters p = Parameters.of("FixedProb", SPECS, Map.of("prob", 0.25, "seed", 42));
        assertEquals(0.25, p.real("prob"));
        assertTrue(p.flag("include_self")); // from the default text "true"
        assertArrayEquals(new double[] {0.08, 0.15}, p.reals("sigmas"));
        assertEquals(42L, p.optionalInteger64("seed").getAsLong());
        Parameters q = Parameters.of("FixedProb", SPECS, Map.of("prob", 1));
        assertFalse(q.has("seed"));
        assertTrue(q.optionalInteger64("seed").isEmpty());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        var e = assertThrows(UnknownNameException.class,
                () -> Parameters.of("FixedProb", SPECS, Map.of("prob", 0.1, "probability", 0.1)));
        assertTrue(e.getMessage().contains("probability"), e.getMessage());
        assertEquals(List.of("include_self", "prob", "seed", "sigmas"), e.known());
    }

    @Test
    void missingAndMistypedValuesNameTheParameter() {
        var missing = assertThrows(InvalidParameterException.class, () -> Parameters.of("FixedProb", SPECS, Map.of()));
        assertEquals("prob", missing.parameter());
        Parameters p = Parameters.of("FixedProb", SPECS, Map.of("prob", "high", "include_self", 1, "seed", 1.5));
        var e1 = assertThrows(InvalidParameterException.class, () -> p.real("prob"));
        assertTrue(e1.getMessage().contains("'prob' = high") && e1.getMessage().contains("number"), e1.getMessage());
        assertThrows(InvalidParameterException.class, () -> p.flag("include_self"));
        var e3 = assertThrows(InvalidParameterException.class, () -> p.integer64("seed"));
        assertTrue(e3.getMessage().contains("integer"), e3.getMessage());
    }
}
