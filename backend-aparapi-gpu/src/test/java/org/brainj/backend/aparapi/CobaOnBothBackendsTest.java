package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.backend.cpu.CpuBackend;
import org.brainj.examples.Coba;
import org.junit.jupiter.api.Test;

/**
 * The runtime's COBA network (4000 LIF, float64, forward Euler) on the Aparapi backend against
 * the CPU backend, an independent implementation of the same operations, with the same seed.
 * COBA's steps are + - * / and comparisons (Euler, no exp), its initial voltages Philox normals
 * (fdlibm on both sides) and its spike delivery sums in the CPU backend's order, so every number
 * has one correct IEEE result: the backends must agree bit for bit, spikes and state, for the
 * whole second. That is stronger than rates within statistical error, which it implies. In
 * float32 every operation is still done in double and each stored value rounded to float once,
 * the same on both backends, so float32 agrees bit for bit too.
 */
@RequiresOpenCL
class CobaOnBothBackendsTest {
    private static final long SEED = 7;
    private static final Backend CPU = new CpuBackend();
    private static final Backend APARAPI = new AparapiBackend();

    @Test
    void sameSpikesAndStateAsTheCpuBackendForOneSecond() {
        double duration = 1000;
        Coba cpu = new Coba(CPU, SEED);
        Coba device = new Coba(APARAPI, SEED);
        cpu.network().run(duration);
        device.network().run(duration);
        assertSameRun(cpu, device, duration);
    }

    @Test
    void float32NetworksAgreeToo() {
        double duration = 100;
        Coba cpu = new Coba(CPU, SEED + 1);
        Coba device = new Coba(APARAPI, SEED + 1);
        cpu.network().dtype(DType.FLOAT32).run(duration);
        device.network().dtype(DType.FLOAT32).run(duration);
        assertEquals(DType.FLOAT32, group(device).variable("V").dtype(), "V's dtype");
        assertSameRun(cpu, device, duration);
    }

    private static void assertSameRun(Coba cpu, Coba device, double duration) {
        // Brian2 runs the same model at 19-25 Hz (examples' CobaTest): in a network this active
        // (chaotic) a single differing bit soon changes which neurons spike.
        double[] rates = cpu.rates(duration);
        assertTrue(rates[0] > 10 && rates[1] > 10, "the network is active: E " + rates[0] + " Hz, I " + rates[1] + " Hz");
        assertArrayEquals(cpu.spikes().steps(), device.spikes().steps(), "spike time indices");
        assertArrayEquals(cpu.spikes().indices(), device.spikes().indices(), "spiking neurons");
        NeuronGroup a = group(cpu);
        NeuronGroup b = group(device);
        for (String x : a.variables()) {
            assertArrayEquals(a.variable(x).toDoubleArray(), b.variable(x).toDoubleArray(), "state " + x + " at " + duration + " ms");
        }
    }

    /** COBA's one population (E and I are views of it). */
    static NeuronGroup group(Coba coba) {
        return coba.spikes().subjects().get(0).group();
    }
}
