package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Whole numbers of steps, against decimal arithmetic: 0.3 ms is three steps of 0.1 ms although 0.3/0.1 is not 3 in binary. */
class WholeStepsTest {
    @Test
    void multiplesOfDtAreWholeDespiteBinaryRounding() {
        assertTrue(0.3 / 0.1 != 3.0, "the binary noise this absorbs");
        assertTrue(WholeSteps.isWhole(0.3, 0.1));
        assertEquals(3, WholeSteps.count(0.3, 0.1));
        assertTrue(WholeSteps.isWhole(1000, 0.1));
        assertEquals(10000, WholeSteps.count(1000, 0.1));
        assertTrue(WholeSteps.isWhole(100, 0.025));
        assertTrue(WholeSteps.isWhole(0, 0.1));
    }

    @Test
    void aFractionOfAStepIsNot() {
        assertFalse(WholeSteps.isWhole(10.05, 0.1));
        assertFalse(WholeSteps.isWhole(0.25, 0.1));
        assertFalse(WholeSteps.isWhole(0.05, 0.04));
        // a tenth of a step is a fraction however long the run; rounding noise (1e-16 of the steps) is not
        assertFalse(WholeSteps.isWhole(1e5 + 0.01, 0.1));
        assertTrue(WholeSteps.isWhole(1e5 * (1 + 1e-15), 0.1));
    }

    @Test
    void theMessagesNameTheTimeTheStepAndTheMultiplesAround() {
        assertEquals("0.25 ms is not a whole number of steps of dt = 0.1 ms", WholeSteps.notWhole(0.25, 0.1));
        assertEquals("use 0.2 ms or 0.3 ms", WholeSteps.nearest(0.25, 0.1));
        assertEquals("use 0.1 ms", WholeSteps.nearest(0.05, 0.1));
    }
}
