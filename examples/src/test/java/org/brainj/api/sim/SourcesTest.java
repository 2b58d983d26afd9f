package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.models.neurons.PoissonGroup;
import org.brainj.models.neurons.SpikeTimeGroup;
import org.junit.jupiter.api.Test;

/** Spike sources: Poisson and given spike times. */
class SourcesTest {

    /**
     * 1000 sources at 20 Hz for 1 s at dt = 0.1 ms: each step is a Bernoulli trial with p = 0.002,
     * so the count is Binomial(1000 * 10000, p): mean 20000, sd 141; a second group at 5 Hz
     * (per-neuron rates) gives 5000 +- 71. Within 4 sd.
     */
    @Test
    void poissonCountsFollowTheRate() {
        Network net = new Network(TestBackend.get()).dt(0.1).seed(3);
        NeuronGroup fast = new NeuronGroup("fast", 1000, PoissonGroup.model()).set("freqs", 20);
        double[] rates = new double[1000];
        java.util.Arrays.fill(rates, 5);
        NeuronGroup slow = new NeuronGroup("slow", 1000, PoissonGroup.model()).set("freqs", Initializer.values(rates));
        net.add(fast, slow);
        SpikeMonitor f = net.spikes(fast);
        SpikeMonitor s = net.spikes(slow);
        net.run(1000);
        double n = 1000 * 10000;
        assertEquals(n * 0.002, f.count(), 4 * Math.sqrt(n * 0.002 * 0.998));
        assertEquals(n * 0.0005, s.count(), 4 * Math.sqrt(n * 0.0005 * 0.9995));
        // two groups with the same seed draw different numbers (their own streams)
        assertTrue(!java.util.Arrays.equals(f.indices(), s.indices()));
    }

    /**
     * Given spike times come out in the steps they fall in, floored as Brian2 floors them
     * (0.27 is in step 2, not rounded to 3); the time index is the step's.
     */
    @Test
    void spikeTimesAreReproduced() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup g = SpikeTimeGroup.create("sg", 4);
        net.add(g, SpikeTimeGroup.events(g, new int[] {2, 0, 3, 2, 1}, new double[] {1.0, 0.5, 0.5, 3.2, 0.27}));
        SpikeMonitor m = net.spikes(g);
        net.run(5);
        assertArrayEquals(new long[] {2, 5, 5, 10, 32}, m.steps());
        assertArrayEquals(new int[] {1, 0, 3, 2, 2}, m.indices());
    }
}
