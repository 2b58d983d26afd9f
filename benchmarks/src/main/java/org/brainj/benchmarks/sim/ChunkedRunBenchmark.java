package org.brainj.benchmarks.sim;

import java.util.Locale;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.tensor.Backends;

/**
 * A run in chunks, as the launcher runs a spec (about ten per second of wall time), of a population
 * whose coupled linear equations are integrated {@code exact} with a time constant per neuron, so
 * each neuron has its own propagator: the group computes the propagators before a chunk only when
 * dt or a value they read changed. Prints the chunks' wall time and the first neuron's v beside the
 * analytic value of the coupled decay from v(0) = I(0) = 1 (tau != tm).
 *
 * <p>Usage: {@code ChunkedRunBenchmark [neurons] [chunks]} (100000 and 100).
 */
public final class ChunkedRunBenchmark {
    private ChunkedRunBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int chunks = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        double dt = 0.1, tm = 10;
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            tau[i] = 5 + i * 1e-4;
        }
        NeuronModel model = NeuronModel.builder("CoupledDecay").equations("""
                dv/dt = (I - v) / tm : 1
                dI/dt = -I / tau : 1
                """).parameter("tau", 10).parameter("tm", tm).build();
        Network net = new Network(Backends.get("cpu")).dt(dt);
        NeuronGroup g = new NeuronGroup("g", n, model).method(GroupIntegrator.method("exact"))
                .set("tau", Initializer.values(tau)).init("v", Initializer.constant(1)).init("I", Initializer.constant(1));
        net.add(g);
        net.run(dt);
        long start = System.nanoTime();
        for (int c = 0; c < chunks; c++) {
            net.run(dt);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double t = (chunks + 1) * dt, s = tau[0];
        // v' = (I - v)/tm, I = e^(-t/s): v = e^(-t/tm) + s (e^(-t/tm) - e^(-t/s)) / (tm - s)
        double analytic = Math.exp(-t / tm) + s * (Math.exp(-t / tm) - Math.exp(-t / s)) / (tm - s);
        System.out.printf(Locale.ROOT, "%d neurons, %d chunks of one step: %.3f s wall; v[0] %.15g, analytic %.15g%n",
                n, chunks, wall, g.variable("v").toDoubleArray()[0], analytic);
    }
}
