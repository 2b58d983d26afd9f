package org.brainj.models.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.tensor.Backends;
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
}
