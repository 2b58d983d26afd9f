package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/** Brunel's delta network through the NEST-style facade against Brian2 running NEST's example. */
class BrunelDeltaTest {
    /**
     * Brian2 2.5.1 (C++ standalone) running NEST's brunel_delta_nest.py network
     * ({@code benchmarks/brian2/brunel_delta.py --standalone --seeds 1 2}): mean rate of all
     * neurons 31.75 / 31.84 Hz (E / I, seed 1) and 31.89 / 31.93 Hz (seed 2), about 32 Hz as
     * issue 5 states. The band is the reference's own for this port (000: "the seed-mean
     * firing rate matches within a 5% band"), on NEST's 50 recorded neurons of each kind.
     */
    static final double BRIAN2_RATE = (31.75 + 31.84 + 31.89 + 31.93) / 4;

    @Test
    void ratesMatchBrian2WithinTheReferencesBand() {
        double[] rates = new BrunelDelta(Backends.get("cpu"), 1).run(1000);
        assertEquals(BRIAN2_RATE, rates[0], 0.05 * BRIAN2_RATE, "excitatory rate");
        assertEquals(BRIAN2_RATE, rates[1], 0.05 * BRIAN2_RATE, "inhibitory rate");
    }
}
