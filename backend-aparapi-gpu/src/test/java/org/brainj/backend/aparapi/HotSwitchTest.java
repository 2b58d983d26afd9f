package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.connectors.FixedProb;
import org.brainj.examples.Coba;
import org.brainj.examples.EINetwork;
import org.junit.jupiter.api.Test;

/**
 * Runs (float64) switched cpu -> aparapi -> cpu at arbitrary steps with {@link Network#moveTo},
 * against the same network run on the CPU backend alone. The state read back on the host is the
 * same bits just before and just after each switch (the move itself loses nothing), and since
 * both backends compute these networks' steps bit for bit ({@link CobaOnBothBackendsTest}) the
 * switched run must give exactly the unswitched run's spikes and recordings, which is stronger
 * than rates within statistical error.
 */
@RequiresOpenCL
class HotSwitchTest {
    private static final Backend CPU = new CpuBackend();
    private static final Backend APARAPI = new AparapiBackend();
    /** ms on cpu, then on aparapi, then on cpu: the switches fall mid-run at odd steps. */
    private static final double[] LEGS = {37.3, 52.1, 60.6};

    /** A network, its group and its spike monitor. */
    private record Run(Network network, NeuronGroup group, SpikeMonitor spikes) {
    }

    @Test
    void cobaSwitchedContinuesFromTheSameStateAndEndsAsTheUnswitchedRun() {
        assertSwitchedRunIsThePlainRun(backend -> {
            Coba coba = new Coba(backend, 3);
            return new Run(coba.network(), CobaOnBothBackendsTest.group(coba), coba.spikes());
        });
    }

    /**
     * COBA's shape with transmission delays (1.5 ms excitatory, 0.8 ms inhibitory): spikes in
     * flight at a switch are in the spike history, which must move with the state.
     */
    @Test
    void spikesInFlightAcrossASwitchArriveOnTheNewBackend() {
        assertSwitchedRunIsThePlainRun(backend -> {
            Delayed d = delayedCoba(backend);
            return new Run(d.network(), d.group(), d.network().spikes(d.group()));
        });
    }

    /** A network and its one group. */
    record Delayed(Network network, NeuronGroup group) {
    }

    /** COBA's shape with transmission delays of 1.5 ms (excitatory) and 0.8 ms (inhibitory). */
    static Delayed delayedCoba(Backend backend) {
        long seed = 4;
        NeuronGroup p = new NeuronGroup("P", EINetwork.N, Coba.model()).init("V", Initializer.normal(-55, 5));
        Projection ce = Projection.builder("Ce", p.view(0, EINetwork.N_EXC), p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed)).weight(0.6).delay(1.5).onVariable("ge").build();
        Projection ci = Projection.builder("Ci", p.view(EINetwork.N_EXC, EINetwork.N), p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed + 1)).weight(6.7).delay(0.8).onVariable("gi").build();
        return new Delayed(new Network(backend).dt(0.1).seed(seed).add(p, ce, ci), p);
    }

    private static void assertSwitchedRunIsThePlainRun(Function<Backend, Run> build) {
        int[] recorded = {0, 1999, 3999};
        Run plain = build.apply(CPU);
        StateMonitor plainV = plain.network().monitor(plain.group(), "V", recorded, 7);
        plain.network().run(LEGS[0] + LEGS[1] + LEGS[2]);

        Run switched = build.apply(CPU);
        Network net = switched.network();
        StateMonitor switchedV = net.monitor(switched.group(), "V", recorded, 7);
        net.run(LEGS[0]);
        int compiled = net.compilations();
        switchTo(net, switched.group(), APARAPI, compiled + 1);
        net.run(LEGS[1]);
        switchTo(net, switched.group(), CPU, compiled + 2);
        net.run(LEGS[2]);

        assertEquals(plain.network().currentStep(), net.currentStep(), "steps run");
        assertTrue(plain.spikes().count() > 1000, "the network is active: " + plain.spikes().count() + " spikes");
        // every spike and sample recorded on each backend is kept across the switches
        assertArrayEquals(plain.spikes().steps(), switched.spikes().steps(), "spike time indices");
        assertArrayEquals(plain.spikes().indices(), switched.spikes().indices(), "spiking neurons");
        assertArrayEquals(plainV.times(), switchedV.times(), "recording times of V");
        assertArrayEquals(plainV.values(), switchedV.values(), "recorded V");
        assertSameState(host(plain.group()), host(switched.group()), "at the end");
    }

    /** Switches and checks that the state read back is the same bits on both sides of the switch. */
    private static void switchTo(Network net, NeuronGroup group, Backend target, int compilations) {
        Map<String, double[]> before = host(group);
        net.moveTo(target);
        assertSame(target, net.backend(), "the network's backend after the switch");
        assertEquals(compilations, net.compilations(), "the step kernel is compiled on the new backend");
        assertSameState(before, host(group), "across the switch at " + net.time() + " ms");
    }

    private static void assertSameState(Map<String, double[]> expected, Map<String, double[]> actual, String where) {
        assertEquals(expected.keySet(), actual.keySet(), "variables " + where);
        expected.forEach((x, values) -> assertArrayEquals(values, actual.get(x), x + " " + where));
    }

    /** Every variable and parameter of the group, read back on the host. */
    private static Map<String, double[]> host(NeuronGroup group) {
        Map<String, double[]> values = new LinkedHashMap<>();
        group.variables().forEach(x -> values.put(x, group.variable(x).toDoubleArray()));
        return values;
    }
}
