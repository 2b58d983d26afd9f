package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryPlanTest {
    @Test
    void aPlanOverTheLimitIsRefusedWithItsEstimateItsLargestPartsAndTheFix() {
        MemoryPlan plan = new MemoryPlan()
                .add("population E state", 4000 * 8 * 4)
                .add("projection EE synapses", 2.5e14 * MemoryPlan.BYTES_PER_SYNAPSE)
                .add("spike monitor", 1e6);
        RunTooLargeException e = assertThrows(RunTooLargeException.class,
                () -> plan.check(6 * Math.pow(1024, 3), "use fewer neurons or a lower prob"));
        String m = e.getMessage();
        assertTrue(m.contains("2728.5 TiB") && m.contains("6.0 GiB"), m);
        assertTrue(m.indexOf("projection EE synapses") < m.indexOf("spike monitor"), "largest first: " + m);
        assertTrue(m.endsWith("use fewer neurons or a lower prob"), m);
        assertEquals(1, m.lines().count());
    }

    @Test
    void aPlanWithinTheLimitPasses() {
        MemoryPlan plan = new MemoryPlan().add("a", 100).add("b", 200);
        assertEquals(300, plan.total());
        assertDoesNotThrow(() -> plan.check(300, "unused"));
        assertThrows(SimulationException.class, () -> plan.add("c", Double.NaN));
    }

    @Test
    void stepsAreCountedAndAbsurdRunsRefused() {
        assertEquals(10_000, MemoryPlan.steps(1000, 0.1));
        assertEquals(3, MemoryPlan.steps(0.25, 0.1), "a partial last step still runs");
        String tiny = assertThrows(RunTooLargeException.class, () -> MemoryPlan.steps(1000, 1e-300)).getMessage();
        assertTrue(tiny.contains("1e-300") && tiny.contains("check the units"), tiny);
        assertThrows(RunTooLargeException.class, () -> MemoryPlan.steps(1e33, 0.1));
        assertThrows(RunTooLargeException.class, () -> MemoryPlan.steps(Double.POSITIVE_INFINITY, 0.1));
        assertThrows(RunTooLargeException.class, () -> MemoryPlan.steps(100, 0));
        assertThrows(RunTooLargeException.class, () -> MemoryPlan.steps(100, Double.NaN));
    }

    @Test
    void bytesReadAsAPersonReadsThem() {
        assertEquals("512 B", MemoryPlan.bytes(512));
        assertEquals("1.5 KiB", MemoryPlan.bytes(1536));
        assertEquals("3.0 GiB", MemoryPlan.bytes(3 * Math.pow(1024, 3)));
    }
}
