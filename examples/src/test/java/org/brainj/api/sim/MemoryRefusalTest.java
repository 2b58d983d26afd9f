package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Connector;
import org.brainj.api.connect.Geometry;
import org.junit.jupiter.api.Test;

/**
 * Networks too large for the heap are refused before anything is allocated or drawn, in one line
 * with the estimate (worked out here by hand from the sizes), the limit and the fix: the issue's
 * cases (1e9 neurons, a delay of 1e9 ms, 2e9 and 2.5e14 synapses, a run of 1e30 s).
 */
class MemoryRefusalTest {
    private static final double GIB = Math.pow(1024, 3);

    /** A random rule of density p that must never be asked to draw: the plan refuses first. */
    private static Connector neverDrawn(double p) {
        return new Connector() {
            @Override
            public Connectivity connect(Geometry pre, Geometry post) {
                throw new AssertionError("synapses were drawn before the plan was checked");
            }

            @Override
            public double expectedSynapses(Geometry pre, Geometry post) {
                return p * pre.size() * post.size();
            }
        };
    }

    @Test
    void aBillionNeuronsAreRefusedWithTheirEstimateBeforeAllocation() {
        // Counter has 2 state variables; with the spike flag and last spike time 4 float64 per
        // neuron (32 GB), and one step's spike list (an int per neuron and the count, 4 GB): 33.5 GiB
        assumeTrue(MemoryPlan.availableHeap() < 33 * GIB, "this JVM could hold it");
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup big = new NeuronGroup("big", 1_000_000_000, DeliveryTest.counter());
        net.add(big);
        String m = assertThrows(RunTooLargeException.class, net::build).getMessage();
        assertTrue(m.startsWith("the run needs about 33.5 GiB but "), m);
        assertTrue(m.contains("group big (1000000000 neurons) 33.5 GiB"), m);
        assertTrue(m.endsWith("give Java more heap (-Xmx)"), m);
        assertEquals(1, m.lines().count());
        assertTrue(!big.isBuilt(), "nothing allocated");
    }

    @Test
    void aDelayBeyondWhatSpikeHistoryHoldsIsRefusedWithItsStepCount() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup src = new NeuronGroup("src", 100, DeliveryTest.relay());
        Projection p = Projection.builder("NN", src, src).csr(new int[101], new int[0]).weight(1).delay(1e9).onVariable("x").build();
        net.add(src, p);
        String m = assertThrows(RunTooLargeException.class, net::build).getMessage();
        // 1e9 ms / 0.1 ms = 1e10 steps, over the 2^31 an array of one tensor per step holds
        assertTrue(m.startsWith("projection NN: delay 1000000000 ms is 1.00e+10 steps of dt = 0.1 ms,"), m);
        assertTrue(m.endsWith("check its unit"), m);
    }

    @Test
    void aLongDelayIsCountedAsSpikeHistoryOfEveryStep() {
        // 1e5 ms at 0.1 ms: 1e6 + 1 steps' spike lists of (10,001 ints + a 64-byte header) = 37.3 GiB
        assumeTrue(MemoryPlan.availableHeap() < 37 * GIB, "this JVM could hold it");
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup src = new NeuronGroup("src", 10_000, DeliveryTest.relay());
        Projection p = Projection.builder("NN", src, src).csr(new int[10_001], new int[0]).weight(1).delay(1e5).onVariable("x").build();
        net.add(src, p);
        String m = assertThrows(RunTooLargeException.class, net::build).getMessage();
        assertTrue(m.contains("group src (10000 neurons) 37.3 GiB"), m);
    }

    @Test
    void synapsesAreCountedFromTheConnectorBeforeAnyIsDrawn() {
        NeuronGroup huge = new NeuronGroup("huge", 50_000_000, DeliveryTest.counter());
        // 50M x 50M x 0.1 = 2.5e14 synapses of 12 bytes: 3.0e15 B = 2728.5 TiB
        String m = assertThrows(RunTooLargeException.class,
                () -> Projection.builder("EE", huge, huge).connect(neverDrawn(0.1))).getMessage();
        assertTrue(m.startsWith("the run needs about 2728.5 TiB but "), m);
        assertTrue(m.contains("projection EE (about 2.50e+14 synapses)"), m);
        assertTrue(m.endsWith("use fewer neurons or a sparser connector, or give Java more heap (-Xmx)"), m);

        // 200k x 200k x 0.05 = 2e9: over the heap here (24 GB), and over int32 synapse ids anywhere
        NeuronGroup mid = new NeuronGroup("mid", 200_000, DeliveryTest.counter());
        String m2 = assertThrows(RunTooLargeException.class,
                () -> Projection.builder("MM", mid, mid).connect(neverDrawn(0.05))).getMessage();
        assertTrue(m2.contains("about 2.00e+09 synapses"), m2);
    }

    @Test
    void aRunOfAbsurdlyManyStepsIsRefusedBeforeItStarts() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        net.add(new NeuronGroup("n", 1, DeliveryTest.counter()));
        // 1e30 s = 1e33 ms at 0.1 ms: 1e34 steps
        String m = assertThrows(RunTooLargeException.class, () -> net.run(1e33)).getMessage();
        assertTrue(m.contains("1.00e+34 steps") && m.contains("check the units"), m);
        assertEquals(0, net.currentStep());
    }
}
