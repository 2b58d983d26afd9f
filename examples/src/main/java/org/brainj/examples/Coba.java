package org.brainj.examples;

import static org.brainj.api.expr.ExpressionParser.parse;

import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.Network;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.ProgressListener;
import org.brainj.api.sim.Projection;
import org.brainj.api.sim.SpikeMonitor;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;
import org.brainj.connectors.FixedProb;

/**
 * The COBA E/I network as Brian2's benchmark and the reference define it (issue 5): 4000 LIF
 * neurons, the first 3200 excitatory, conductance-based exponential synapses, p = 0.02,
 * dt = 0.1 ms, forward Euler. Units: ms and mV; conductances are dimensionless.
 *
 * <p>Run: {@code java org.brainj.examples.Coba [seed] [duration_ms]}.
 */
public final class Coba {
    public static final int N = 4000;
    public static final int N_EXC = 3200;

    private final Network network;
    private final SpikeMonitor spikes;

    /** The model as Brian2's benchmark writes it (time in ms, potentials in mV, conductances dimensionless). */
    public static NeuronModel model() {
        return NeuronModel.builder("COBA_LIF")
                .equations("""
                        dV/dt = (ge * (Ee - V) + gi * (Ei - V) - (V - El) + I) / taum : 1 (unless refractory)
                        dge/dt = -ge / taue : 1
                        dgi/dt = -gi / taui : 1
                        """)
                .parameter("Ee", 0).parameter("Ei", -80).parameter("El", -60).parameter("I", 20)
                .parameter("taum", 20).parameter("taue", 5).parameter("taui", 10)
                .parameter("V_th", -50).parameter("V_reset", -60).parameter("t_ref", 5)
                .threshold(parse("V > V_th")).reset("V", parse("V_reset"))
                .refractory("t_ref")
                .build();
    }

    public Coba(Backend backend, long seed) {
        NeuronGroup p = new NeuronGroup("P", N, model()).init("V", Initializer.normal(-55, 5));
        var exc = p.view(0, N_EXC);
        var inh = p.view(N_EXC, N);
        // each pair connected independently with p = 0.02, self-connections allowed (Brian2's connect(p=0.02))
        Projection ce = Projection.builder("Ce", exc, p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed)).weight(0.6).onVariable("ge").build();
        Projection ci = Projection.builder("Ci", inh, p)
                .connect(new FixedProb(0.02).includeSelf(true).seed(seed + 1)).weight(6.7).onVariable("gi").build();
        network = new Network(backend).dt(0.1).seed(seed).add(p, ce, ci);
        spikes = network.spikes(p);
    }

    public Network network() {
        return network;
    }

    public SpikeMonitor spikes() {
        return spikes;
    }

    /** Mean rates in Hz of the excitatory and inhibitory neurons over {@code durationMs}. */
    public double[] rates(double durationMs) {
        int[] counts = spikes.counts();
        long e = 0;
        long i = 0;
        for (int k = 0; k < N; k++) {
            if (k < N_EXC) {
                e += counts[k];
            } else {
                i += counts[k];
            }
        }
        return new double[] {e / (N_EXC * durationMs / 1000), i / ((N - N_EXC) * durationMs / 1000)};
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        double duration = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
        Coba coba = new Coba(Backends.get("cpu"), seed);
        coba.network().progress(ProgressListener.printing(System.out));
        long t0 = System.nanoTime();
        coba.network().run(duration);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        double[] r = coba.rates(duration);
        System.out.printf(java.util.Locale.ROOT, "COBA %d neurons, %.0f ms: E %.2f Hz, I %.2f Hz, %d spikes, %.3f s%n",
                N, duration, r[0], r[1], coba.spikes().count(), seconds);
    }
}
