package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainj.api.model.PoissonRate;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.backend.cpu.CpuBackend;
import org.junit.jupiter.api.Test;

/**
 * Poisson sources drawn as geometric gaps (a rate constant in time) give the same spike trains
 * on the Aparapi backend as on the CPU backend: both draw Philox under (seed, stream, step) at
 * the neuron, the CPU backend only where a neuron spikes or redraws, the device for every
 * neuron. Per-neuron rates from 0 to beyond 1/dt, a rate written between runs, and a rate of
 * {@code t} (the draw per step) beside them.
 */
@RequiresOpenCL
class PoissonGapsOnBothBackendsTest {

    @Test
    void sameTrainsAsTheCpuBackend() {
        long[][] cpu = trains(new CpuBackend());
        long[][] device = trains(new AparapiBackend());
        assertTrue(cpu[0].length > 10_000, cpu[0].length + " spikes");
        assertArrayEquals(cpu[0], device[0], "spike steps");
        assertArrayEquals(cpu[1], device[1], "spiking neurons");
    }

    private static long[][] trains(Backend backend) {
        int n = 2000;
        double[] rates = new double[n];
        for (int i = 0; i < n; i++) {
            // 0 Hz, 15 Hz (the STDP benchmark's), up to 400 Hz, and one at 1/dt and beyond
            rates[i] = i % 100 == 0 ? 0 : i == 1 ? 10_000 : i == 2 ? 30_000 : 15 + (i % 7) * 60;
        }
        NeuronGroup gaps = new NeuronGroup("gaps", n, org.brainj.models.neurons.PoissonGroup.model())
                .set("freqs", Initializer.values(rates));
        NeuronGroup inTime = new NeuronGroup("inTime", 500, PoissonRate.group("inTime", "40*Hz + 30*Hz*sin(2*pi*5*Hz*t)"));
        Network net = new Network(backend).dt(0.1).seed(21).add(gaps, inTime);
        SpikeMonitor a = net.spikes(gaps);
        SpikeMonitor b = net.spikes(inTime);
        net.run(100);
        gaps.set("freqs", 80);
        net.run(50);
        long[] steps = concat(a.steps(), b.steps());
        long[] neurons = concat(java.util.Arrays.stream(a.indices()).asLongStream().toArray(),
                java.util.Arrays.stream(b.indices()).map(i -> i + n).asLongStream().toArray());
        return new long[][] {steps, neurons};
    }

    private static long[] concat(long[] x, long[] y) {
        long[] out = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, out, x.length, y.length);
        return out;
    }
}
