package org.brainj.examples;

import java.util.Locale;
import java.util.Map;
import org.brainj.api.sim.nest.Nodes;
import org.brainj.api.sim.nest.Simulator;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;
import org.brainj.connectors.FixedPreNum;

/**
 * Brunel (2000) with delta synapses, built through the NEST-style facade as NEST's
 * {@code brunel_delta_nest.py} builds it (the reference's port, step for step): 12,500
 * {@code iaf_psc_delta} neurons, fixed in-degree C_E = 1000 and C_I = 250 with multapses,
 * J = 0.1 mV, g = 5, eta = 2, delay 1.5 ms, and a Poisson drive per neuron.
 *
 * <p>Run: {@code java org.brainj.examples.BrunelDelta [seed] [duration_ms]}.
 */
public final class BrunelDelta {
    public static final int ORDER = 2500;
    public static final int NE = 4 * ORDER;
    public static final int NI = ORDER;
    public static final int N_REC = 50;
    public static final double J = 0.1;
    public static final double G = 5;
    public static final double ETA = 2;
    public static final double DELAY = 1.5;
    public static final double TAU_M = 20;
    public static final double THETA = 20;

    private final Simulator sim;
    private final Simulator.Recorder espikes;
    private final Simulator.Recorder ispikes;

    public BrunelDelta(Backend backend, long seed) {
        int ce = NE / 10;
        int ci = NI / 10;
        double nuTh = THETA / (J * ce * TAU_M);
        double pRate = 1000 * ETA * nuTh * ce;
        sim = new Simulator(backend, 0.1, seed);
        Map<String, Double> neuron = Map.of("C_m", 1.0, "tau_m", TAU_M, "t_ref", 2.0, "E_L", 0.0, "V_reset", 0.0,
                "V_th", THETA);
        Nodes ex = sim.create("iaf_psc_delta", NE, neuron);
        Nodes in = sim.create("iaf_psc_delta", NI, neuron);
        Simulator.PoissonGenerator noise = sim.poissonGenerator(pRate);
        espikes = sim.spikeRecorder();
        ispikes = sim.spikeRecorder();
        sim.connect(noise, ex.plus(in), J);
        // NEST's fixed_indegree (autapses and multapses allowed) is BrainPy's FixedPreNum
        sim.connect(ex, ex.plus(in), J, DELAY, new FixedPreNum(ce, true, true, seed));
        sim.connect(in, ex.plus(in), -G * J, DELAY, new FixedPreNum(ci, true, true, seed + 1));
        sim.connect(ex.slice(0, N_REC), espikes);
        sim.connect(in.slice(0, N_REC), ispikes);
    }

    /** Simulates and returns the excitatory and inhibitory rates (Hz) of the recorded neurons. */
    public double[] run(double durationMs) {
        Simulator.Result r = sim.simulate(durationMs);
        return new double[] {r.rate(espikes), r.rate(ispikes)};
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        double duration = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
        long t0 = System.nanoTime();
        BrunelDelta b = new BrunelDelta(Backends.get("cpu"), seed);
        double[] rates = b.run(duration);
        System.out.printf(Locale.ROOT, "Brunel delta, %.0f ms: excitatory rate %.2f Hz, inhibitory rate %.2f Hz (%.1f s)%n",
                duration, rates[0], rates[1], (System.nanoTime() - t0) * 1e-9);
    }
}
