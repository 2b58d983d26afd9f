package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputListingTest {
    @Test
    void listsNestsDcGeneratorWithItsParametersUnitsAndDefaults() {
        // NEST's dc_generator: amplitude (pA there; the driven variable's unit here), start and stop in ms
        String text = InputListing.format();
        assertTrue(text.startsWith("Inputs and generators:\n"), text);
        assertTrue(text.contains("""
                  dc_generator: parameters amplitude (the target's unit, required), start (ms, default 0 ms), stop (ms, default end of run)
                    a constant current between start and stop
                    written: inputs: - {type: dc_generator, target: P.I, ...}
                    reference: NEST dc_generator (amplitude in pA there)
                """), text);
    }
}
