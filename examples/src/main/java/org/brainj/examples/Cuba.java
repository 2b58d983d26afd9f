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
 * The CUBA network of Brian2's examples (Vogels and Abbott 2005): current-based exponential
 * synapses, we = 60 * 0.27 / 10 mV, wi = -20 * 4.5 / 10 mV, V0 uniform in [V_reset, V_th],
 * integrated with exponential Euler (Brian2 uses its exact linear solver; both are exact for
 * each equation with the others held over the step). Units: ms and mV.
 *
 * <p>Run: {@code java org.brainj.examples.Cuba [seed] [duration_ms]}.
 */
public final class Cuba extends EINetwork {

    public static NeuronModel model() {
        return NeuronModel.builder("CUBA_LIF")
                .equations("""
                        dV/dt = (ge + gi - (V - El)) / taum : 1 (unless refractory)
                        dge/dt = -ge / taue : 1
                        dgi/dt = -gi / taui : 1
                        """)
                .parameter("El", -49).parameter("taum", 20).parameter("taue", 5).parameter("taui", 10)
                .parameter("V_th", -50).parameter("V_reset", -60).parameter("t_ref", 5)
                .threshold(parse("V > V_th")).reset("V", parse("V_reset"))
                .refractory("t_ref")
                .build();
    }

    public Cuba(Backend backend, long seed) {
        super(backend, seed, model(), GroupIntegrator.method("exponential_euler"), Initializer.uniform(-60, -50),
                "ge", 60 * 0.27 / 10, "gi", -20 * 4.5 / 10);
    }

    public static void main(String[] args) {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 1;
        double duration = args.length > 1 ? Double.parseDouble(args[1]) : 1000;
        Cuba cuba = new Cuba(Backends.get("cpu"), seed);
        cuba.network().progress(ProgressListener.printing(System.out));
        cuba.network().run(duration);
        double[] r = cuba.rates(duration);
        System.out.printf(Locale.ROOT, "CUBA %d neurons, %.0f ms: E %.2f Hz, I %.2f Hz%n", N, duration, r[0], r[1]);
    }
}
