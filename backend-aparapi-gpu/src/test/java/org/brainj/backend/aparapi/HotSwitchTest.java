package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.StateMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.examples.Coba;
import org.junit.jupiter.api.Test;

/**
 * A COBA run (float64) switched cpu -> aparapi -> cpu at arbitrary steps with
 * {@link Network#moveTo}, against the same network run on the CPU backend alone. The state read
 * back on the host is the same bits just before and just after each switch (the move itself
 * loses nothing), and since both backends compute COBA's steps bit for bit
 * ({@link CobaOnBothBackendsTest}) the switched run must give exactly the unswitched run's spikes
 * and recordings, which is stronger than rates within statistical error.
 */
class HotSwitchTest {
    private static final long SEED = 3;

    @Test
    void switchedRunContinuesFromTheSameStateAndEndsAsTheUnswitchedRun() {
        Backend cpu = new CpuBackend();
        Backend aparapi = new AparapiBackend();
        double[] legs = {37.3, 52.1, 60.6};  // ms on cpu, then aparapi, then cpu; switches mid-run at odd steps

        Coba plain = new Coba(cpu, SEED);
        StateMonitor plainV = plain.network().monitor(CobaOnBothBackendsTest.group(plain), "V", new int[] {0, 1999, 3999}, 7);
        plain.network().run(legs[0] + legs[1] + legs[2]);

        Coba switched = new Coba(cpu, SEED);
        Network net = switched.network();
        StateMonitor switchedV = net.monitor(CobaOnBothBackendsTest.group(switched), "V", new int[] {0, 1999, 3999}, 7);
        NeuronGroup group = CobaOnBothBackendsTest.group(switched);
        net.run(legs[0]);
        int compiled = net.compilations();
        switchTo(net, group, aparapi, compiled + 1);
        net.run(legs[1]);
        switchTo(net, group, cpu, compiled + 2);
        net.run(legs[2]);

        assertEquals(plain.network().currentStep(), net.currentStep(), "steps run");
        assertTrue(plain.spikes().count() > 1000, "the network is active: " + plain.spikes().count() + " spikes");
        // every spike and sample recorded on each backend is kept across the switches
        assertArrayEquals(plain.spikes().steps(), switched.spikes().steps(), "spike time indices");
        assertArrayEquals(plain.spikes().indices(), switched.spikes().indices(), "spiking neurons");
        assertArrayEquals(plainV.times(), switchedV.times(), "recording times of V");
        assertArrayEquals(plainV.values(), switchedV.values(), "recorded V");
        NeuronGroup reference = CobaOnBothBackendsTest.group(plain);
        assertSameState(host(reference), host(group), "at the end");
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
