package org.brainj.api.model;

import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Exprs;
import org.brainj.api.sim.NeuronModel;

/**
 * Poisson spike sources whose rate is an expression of time {@code t}: Brian2's
 * {@code PoissonGroup(N, rates='...')} and NEST's {@code sinusoidal_poisson_generator}. Each
 * neuron spikes in a step with probability {@code rate(t) dt}, from a uniform number of its own
 * (so a negative rate gives no spikes, as NEST's clipping at 0 does). Rates in 1/ms, times in ms.
 * A rate that does not read {@code t} is drawn as geometric gaps between spikes, with draws per
 * spike instead of per step (the runtime recognises the threshold {@code u < rate dt}).
 */
public final class PoissonRate {
    private PoissonRate() {
    }

    /** Sources with {@code rate}, an expression of {@code t} in 1/ms. */
    public static NeuronModel group(String name, Expr rate) {
        return NeuronModel.builder(name).uniform("u")
                .threshold(new Expr.Cmp(Expr.CmpOp.LT, Exprs.var("u"), Exprs.mul(rate, Exprs.var("dt")))).build();
    }

    /**
     * Sources with a rate written as Brian2 text with units, e.g. {@code 20*Hz + 10*Hz*sin(2*pi*5*Hz*t)},
     * checked to be a rate; a fault is a {@link ModelTextException} at the text's column.
     */
    public static NeuronModel group(String name, String rate) {
        // NeuronText checks the units and writes unit names as numbers; the threshold carries the expression out
        CompiledNeuron carrier = NeuronText.of("rate = " + rate + " : Hz").threshold("rate > 0*Hz").compile(name);
        if (!(carrier.model().threshold() instanceof Expr.Cmp c)) {
            throw new IllegalStateException("NeuronText kept no comparison of the rate: " + carrier.model().threshold());
        }
        return group(name, c.left());
    }

    /**
     * NEST's {@code sinusoidal_poisson_generator}: {@code rate + amplitude sin(2 pi frequency t + phase)}
     * with rates and frequency in Hz, phase in degrees.
     */
    public static NeuronModel sinusoidal(String name, double rate, double amplitude, double frequency, double phase) {
        Expr angle = Exprs.add(Exprs.mul(Exprs.num(2 * Math.PI * frequency / 1000), Exprs.var("t")),
                Exprs.num(Math.toRadians(phase)));
        Expr hz = Exprs.add(Exprs.num(rate), Exprs.mul(Exprs.num(amplitude), new Expr.Call(Expr.Fn.SIN, java.util.List.of(angle))));
        return group(name, Exprs.mul(hz, Exprs.num(1e-3)));
    }
}
