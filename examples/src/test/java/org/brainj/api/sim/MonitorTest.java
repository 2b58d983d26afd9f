package org.brainj.api.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.UnknownNameException;
import org.brainj.models.neurons.Neurons;
import org.junit.jupiter.api.Test;

/** Monitors as in the reference's "More About Monitor". */
class MonitorTest {

    /**
     * The reference runs 10 HH neurons for 100 ms at dt = 0.1 with input 10 and prints the
     * shapes (1000, 10) for V, (1000, 3) for spike at [1, 2, 3], and (100, 3) for spike at
     * [1, 2, 3] every 1 ms.
     */
    @Test
    void shapesMatchTheReference() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        // the reference integrates HH with exponential_euler
        NeuronGroup hh = new NeuronGroup("HH", 10, Neurons.model("HH")).method(GroupIntegrator.method("exponential_euler"));
        net.add(hh, Input.constant(hh, "input", 10, Input.Op.ADD));
        StateMonitor v = net.monitor(hh, "V");
        StateMonitor spike = net.monitor(hh, "spike", new int[] {1, 2, 3}, 1);
        StateMonitor spikeEveryMs = net.monitor(hh, "spike", new int[] {1, 2, 3}, 10);
        net.run(100);
        assertArrayEquals(new int[] {1000, 10}, v.shape());
        assertArrayEquals(new int[] {1000, 3}, spike.shape());
        assertArrayEquals(new int[] {100, 3}, spikeEveryMs.shape());
        assertEquals(1000, v.values().length);
        assertEquals(10, v.values()[0].length);
        // times: step k records the state at t_k, before its update (Brian2's convention)
        assertEquals(0.0, v.times()[0], 1e-12);
        assertEquals(99.9, v.times()[999], 1e-9);
        assertEquals(0.0, spikeEveryMs.times()[0], 1e-12);
        assertEquals(99.0, spikeEveryMs.times()[99], 1e-9);
        // HH under 10 uA/cm^2 fires repetitively (about 70 Hz), so spikes show up in the records
        double fired = java.util.Arrays.stream(spike.values()).mapToDouble(r -> r[0]).sum();
        assertTrue(fired >= 4 && fired <= 10, "spikes of neuron 1 in 100 ms: " + fired);
    }

    /** Monitoring a variable the group does not have lists those it has. */
    @Test
    void anUnknownVariableListsTheKnownOnes() {
        Network net = new Network(TestBackend.get());
        NeuronGroup hh = new NeuronGroup("HH", 10, Neurons.model("HH"));
        net.add(hh);
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> net.monitor(hh, "v"));
        assertEquals("v", e.name());
        assertTrue(e.known().containsAll(java.util.List.of("V", "m", "h", "n", "spike", "input")), e.getMessage());
    }

    /** A subset index outside the group is refused, naming the range. */
    @Test
    void anIndexOutsideTheGroupIsRefused() {
        Network net = new Network(TestBackend.get());
        NeuronGroup hh = new NeuronGroup("HH", 10, Neurons.model("HH"));
        net.add(hh);
        SimulationException e = assertThrows(SimulationException.class, () -> net.monitor(hh, "V", new int[] {3, 10}, 1));
        assertTrue(e.getMessage().contains("index 10 is outside HH (0..9)"), e.getMessage());
    }

    /**
     * A subset recorded as runs of consecutive neurons (few runs), picked from whole rows (many
     * runs), in any order and with repeats, of a view that starts inside its group, over runs of a
     * few steps that read back part-full batches: each record is the whole population's record at
     * those columns, to the bit.
     */
    @Test
    void aSubsetRecordsTheWholeRecordsColumns() {
        Network net = new Network(TestBackend.get()).dt(0.1);
        NeuronGroup hh = new NeuronGroup("HH", 40, Neurons.model("HH")).method(GroupIntegrator.method("exponential_euler"));
        GroupView view = new GroupView(hh, 5, 35);
        net.add(hh, Input.constant(hh, "input", 10, Input.Op.ADD));
        StateMonitor all = net.monitor(view, "V");
        int[] manyRuns = java.util.stream.IntStream.range(0, StateMonitor.MAX_RUNS + 1).map(i -> 29 - 2 * i).toArray();
        int[][] subsets = {{0, 1, 2, 20, 21}, {7, 3, 3, 4, 29, 0}, manyRuns, {}};
        StateMonitor[] parts = new StateMonitor[subsets.length];
        for (int s = 0; s < subsets.length; s++) {
            parts[s] = net.monitor(view, "V", subsets[s], 1);
        }
        for (int chunk : new int[] {1, 2, 5, 300}) {
            net.run(chunk * 0.1);
        }
        double[][] whole = all.values();
        for (int s = 0; s < subsets.length; s++) {
            double[][] got = parts[s].values();
            assertEquals(whole.length, got.length);
            for (int r = 0; r < whole.length; r++) {
                double[] expected = new double[subsets[s].length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = whole[r][subsets[s][i]];
                }
                assertArrayEquals(expected, got[r], "subset " + s + ", record " + r);
            }
            assertArrayEquals(all.times(), parts[s].times());
        }
    }

    /** Consecutive indices make one run each, in the given order. */
    @Test
    void runsOfConsecutiveIndices() {
        assertArrayEquals(new int[][] {{0, 3}, {3200, 2}}, StateMonitor.runs(new int[] {0, 1, 2, 3200, 3201}));
        assertArrayEquals(new int[][] {{7, 1}, {3, 1}, {3, 2}}, StateMonitor.runs(new int[] {7, 3, 3, 4}));
        assertEquals(0, StateMonitor.runs(new int[0]).length);
    }
}
