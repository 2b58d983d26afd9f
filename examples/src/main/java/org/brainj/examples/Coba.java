package org.brainj.examples;

import static org.brainj.api.expr.ExpressionParser.parse;

import java.util.Locale;
import org.brainj.api.sim.GroupIntegrator;
import org.brainj.api.sim.Initializer;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.ProgressListener;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Backends;

/**
 * The COBA E/I network as Brian2's benchmark and the reference define it (issue 5):
 * conductance-based exponential synapses (ge += 0.6, gi += 6.7), V0 ~ N(-55 mV, 5 mV), forward
 * Euler. Units: ms and mV; conductances are dimensionless.
 *
 * <p>Run: {@code java org.brainj.examples.Coba [seed] [duration_ms]}.
 */
public final class Coba extends EINetwork {

    /** The model as Brian2's benchmark writes it. */
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
        super(backend, seed, model(), GroupIntegrator.EULER, Initializer.normal(-55, 5), "ge", 0.6, "gi", 6.7);
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
        System.out.printf(Locale.ROOT, "COBA %d neurons, %.0f ms: E %.2f Hz, I %.2f Hz, %d spikes, %.3f s%n",
                N, duration, r[0], r[1], coba.spikes().count(), seconds);
    }
}
