package org.brainj.benchmarks.sim;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.brainj.api.model.PoissonRate;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.backend.cpu.CpuBackend;

/**
 * The whole runtime's cost of Poisson sources alone: N sources at a rate constant in time (STDP's
 * inputs, {@code PoissonRate.group("15*Hz")}) for 1 s at dt = 0.1 ms on one thread, with a spike
 * monitor, timed in the thread's CPU time after a 1 ms first run (compile, first draws); prints
 * ns per neuron and step and the rate, which must be near the one asked for. Only public API, so
 * the same source times older builds too ({@code java -cp <their classes> PoissonSourceBenchmark.java}).
 *
 * <p>Usage: {@code PoissonSourceBenchmark [N] [rate in Hz] [repeats]} (10000, 15 and 3).
 */
public final class PoissonSourceBenchmark {
    private PoissonSourceBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double hz = args.length > 1 ? Double.parseDouble(args[1]) : 15;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < repeats; r++) {
            Network net = new Network(new CpuBackend(1)).dt(0.1).seed(1 + r);
            NeuronGroup g = new NeuronGroup("in", n, PoissonRate.group("in", hz + "*Hz"));
            net.add(g);
            SpikeMonitor spikes = net.spikes(g);
            net.run(1);
            long cpu = bean.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            net.run(1000);
            double cpuS = (bean.getCurrentThreadCpuTime() - cpu) * 1e-9;
            System.out.printf(Locale.ROOT, "{\"n\": %d, \"wall_s\": %.3f, \"thread_cpu_s\": %.3f, \"ns_per_neuron_step\": %.2f,"
                    + " \"rate_hz\": %.3f}%n", n, (System.nanoTime() - wall) * 1e-9, cpuS, cpuS * 1e9 / (n * 10_000.0),
                    spikes.count() / (double) n / 1.001);
        }
    }
}
