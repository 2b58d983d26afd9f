package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.brainj.connectors.FixedPreNum;
import org.brainj.models.neurons.SpikeTimeGroup;
import org.junit.jupiter.api.Test;

/** Unions of populations ({@code E + I}) as monitor subjects and projection ends. */
class UnionTest {

    /** A union's spike monitor numbers neurons through its parts in order: E's 3, then I[1:3]'s 2. */
    @Test
    void aUnionMonitorNumbersThroughItsParts() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup e = SpikeTimeGroup.create("E", 3);
        NeuronGroup i = SpikeTimeGroup.create("I", 4);
        net.add(e, i, SpikeTimeGroup.events(e, new int[] {2}, new double[] {0.5}),
                SpikeTimeGroup.events(i, new int[] {0, 2, 3}, new double[] {0.5, 1.0, 1.5}));
        SpikeMonitor m = net.spikes(e.plus(i.view(1, 3)));
        net.run(2);
        assertEquals(5, m.size());
        // I[0] and I[3] are outside the view; I[2] is the view's second neuron: 3 + 1
        assertArrayEquals(new int[] {2, 4}, m.indices());
        assertArrayEquals(new long[] {5, 10}, m.steps());
    }

    /**
     * A fixed in-degree of 7 over a union of sources (30 + 20) onto a union of targets (10 + 15):
     * split into four projections, every target still has exactly 7 incoming synapses in all,
     * as one connectivity drawn over the unions.
     */
    @Test
    void betweenUnionsKeepsTheRuleOverTheWholeUnions() {
        NeuronGroup a = SpikeTimeGroup.create("A", 30);
        NeuronGroup b = SpikeTimeGroup.create("B", 20);
        NeuronGroup c = new NeuronGroup("C", 10, DeliveryTest.counter());
        NeuronGroup d = new NeuronGroup("D", 15, DeliveryTest.counter());
        List<Projection> ps = Projection.between("p", a.plus(b), c.plus(d), new FixedPreNum(7, true, true, 3),
                builder -> builder.onVariable("x"));
        assertEquals(List.of("p[0->0]", "p[0->1]", "p[1->0]", "p[1->1]"), ps.stream().map(Projection::name).toList());
        int[] inC = new int[10];
        int[] inD = new int[15];
        for (Projection p : ps) {
            int[] counts = p.post() == c ? inC : inD;
            for (int j : p.targetIndices()) {
                counts[j]++;
            }
        }
        for (int n : inC) {
            assertEquals(7, n);
        }
        for (int n : inD) {
            assertEquals(7, n);
        }
        assertEquals(25 * 7, ps.stream().mapToInt(Projection::synapseCount).sum());
    }
}
