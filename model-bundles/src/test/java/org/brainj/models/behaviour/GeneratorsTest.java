package org.brainj.models.behaviour;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.tensor.Backends;
import org.brainj.models.neurons.SpikeTimeGroup;
import org.junit.jupiter.api.Test;

/** The spike sources under their catalog names, BrainPy's and NEST's. */
class GeneratorsTest {
    /** 1000 sources at 20 Hz for 1 s: a binomial count of mean 20000 and standard deviation about 141. */
    @Test
    void poissonSourcesFireAtTheirRate() {
        for (String[] named : new String[][] {{"PoissonGroup", "freqs"}, {"poisson_generator", "rate"}}) {
            Network net = new Network(Backends.get("cpu")).dt(0.1);
            NeuronGroup g = new NeuronGroup("P", 1000, CatalogModels.model(named[0]).create(Map.of(named[1], 20)));
            net.add(g);
            SpikeMonitor m = net.spikes(g);
            net.run(1000);
            assertEquals(20000, m.count(), 4 * 141, named[0]);
        }
    }

    /**
     * SpikeTimeGroup (Brian2's SpikeGeneratorGroup): each neuron spikes in the step its time falls
     * in, Brian2's timestep floor(t / dt), and nowhere else; times off the grid land in their step.
     */
    @Test
    void spikeTimeGroupFiresEachNeuronInTheStepOfItsTimes() {
        Network net = new Network(Backends.get("cpu")).dt(0.1);
        NeuronGroup g = new NeuronGroup("G", 3, CatalogModels.model("SpikeTimeGroup").create(Map.of()));
        int[] neurons = {0, 2, 1, 2, 0};
        double[] times = {0.0, 0.3, 1.25, 2.0, 4.99};
        net.add(g, SpikeTimeGroup.events(g, neurons, times));
        SpikeMonitor m = net.spikes(g);
        net.run(6);
        assertArrayEquals(new long[] {0, 3, 12, 20, 49}, m.steps());
        assertArrayEquals(neurons, m.indices());
    }
}
