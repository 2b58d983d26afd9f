package org.brainj.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.tensor.Backends;
import org.junit.jupiter.api.Test;

/** The reference's g_max search in repeat mode: one compilation, coherence growing with inhibition. */
class HhGammaTest {

    /**
     * Wang and Buzsaki (1996), which the reference's gamma example reproduces: stronger
     * synaptic inhibition synchronises the network, so the coherence at the top of the
     * reference's range (g_max = 0.15 / 100) is well above that at its bottom (0.05 / 100),
     * where the neurons fire nearly independently (coherence near the chance level of ~0.05).
     */
    @Test
    void coherenceGrowsWithGmaxAndKernelsCompileOnce() {
        HhGamma net = new HhGamma(Backends.get("cpu"), 1);
        double weak = net.coherence(0.05 / HhGamma.NUM, 500);
        double strong = net.coherence(0.15 / HhGamma.NUM, 500);
        assertTrue(weak < 0.15, "weak inhibition: coherence " + weak);
        assertTrue(strong > weak + 0.2, "coherence " + strong + " at strong vs " + weak + " at weak inhibition");
        assertEquals(1, net.network().compilations());
    }
}
