package org.brainj.benchmarks.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/** The speed cases' counts against closed forms, so the benchmark table's events and rates mean what they say. */
class SpeedCasesTest {

    /**
     * SynapsesOnly: every source spikes every step and, without delay, its events arrive in that step
     * (Brian2's order: thresholds, then delivery), so after S steps each synapse has carried S events,
     * and the mean w is their sum over the targets.
     */
    @Test
    void synapsesOnlyEventsAreSynapsesTimesSteps() {
        SpeedCases.Case c = SpeedCases.of("SparseHighRateSynapsesOnly", 1000, Backends.get("cpu"), 3);
        c.build().run();
        c.run().accept(50);
        long synapses = c.synapses().getAsLong();
        // M = 100 Hz * 1000 * 0.1 ms = 10 sources, p = 0.2 onto 1000 targets
        assertTrue(synapses > 1500 && synapses < 2500, synapses + " synapses for 10 x 1000 at p = 0.2");
        assertEquals(synapses * 500.0, c.events().getAsDouble(), 1e-9);
        assertEquals(synapses * 500.0 / 1000, c.check().getAsDouble(), 1e-9);
    }

    /** STDP's 15 Hz Poisson inputs: n * 1 s * 15 Hz spikes in expectation, within five standard deviations. */
    @Test
    void stdpInputsFireAtFifteenHertz() {
        SpeedCases.Case c = SpeedCases.of("STDP", 2000, Backends.get("cpu"), 5);
        c.build().run();
        c.run().accept(1000);
        double expected = 2000 * 15.0;
        assertEquals(expected, c.events().getAsDouble(), 5 * Math.sqrt(expected));
        assertEquals(15, c.check().getAsDouble(), 5 * Math.sqrt(expected) / 2000);
        assertEquals(2000, c.synapses().getAsLong());
    }

    @Test
    void fixedSizeCasesNameTheirSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SpeedCases.of("COBA", 1000, Backends.get("cpu"), 1));
        assertEquals("COBA has 4000 neurons; run it with N = 4000, not 1000", e.getMessage());
    }
}
