package org.brainj.api.sim;

import org.brainj.api.expr.Exprs;
import org.brainj.api.expr.Expr;

/**
 * How a synaptic conductance drives its post-synaptic neuron (the {@code out} role of the
 * reference's AlignPost projection): the current it adds to the neuron's synaptic current symbol.
 */
public sealed interface SynapticOutput {

    /** Current-based: the synaptic variable is the current. */
    static SynapticOutput cuba() {
        return new CUBA();
    }

    /** Conductance-based: {@code g (E - V)}. */
    static SynapticOutput coba(double reversal) {
        return new COBA(reversal);
    }

    /** NMDA's magnesium block: {@code g (E - V) / (1 + cc_Mg / beta * exp(-alpha V))}. */
    static SynapticOutput mgBlock(double reversal, double ccMg, double alpha, double beta) {
        return new MgBlock(reversal, ccMg, alpha, beta);
    }

    /** The reference's defaults: E = 0 mV, cc_Mg = 1.2 mM, alpha = 0.062 /mV, beta = 3.57 mM. */
    static SynapticOutput mgBlock() {
        return new MgBlock(0, 1.2, 0.062, 3.57);
    }

    /** The reference's names, for spec files: what {@link #of} accepts. */
    java.util.List<String> NAMES = java.util.List.of("CUBA", "COBA", "MgBlock");

    /**
     * The output named as in the reference with its parameters ({@code E}; for {@code MgBlock}
     * also {@code cc_Mg}, {@code alpha}, {@code beta}, defaulting to the reference's values).
     */
    static SynapticOutput of(String name, java.util.Map<String, Double> params) {
        return switch (name) {
            case "CUBA" -> cuba();
            case "COBA" -> {
                Double e = params.get("E");
                if (e == null) {
                    throw new SimulationException("output COBA needs its reversal potential 'E'; given " + params.keySet());
                }
                yield coba(e);
            }
            case "MgBlock" -> mgBlock(params.getOrDefault("E", 0.0), params.getOrDefault("cc_Mg", 1.2),
                    params.getOrDefault("alpha", 0.062), params.getOrDefault("beta", 3.57));
            default -> throw new org.brainj.api.UnknownNameException("synaptic output", name, NAMES);
        };
    }

    /** The current for conductance {@code g} at membrane potential {@code v}. */
    Expr current(Expr g, Expr v);

    record CUBA() implements SynapticOutput {
        @Override
        public Expr current(Expr g, Expr v) {
            return g;
        }
    }

    record COBA(double reversal) implements SynapticOutput {
        @Override
        public Expr current(Expr g, Expr v) {
            return Exprs.mul(g, Exprs.sub(Exprs.num(reversal), v));
        }
    }

    record MgBlock(double reversal, double ccMg, double alpha, double beta) implements SynapticOutput {
        @Override
        public Expr current(Expr g, Expr v) {
            Expr block = Exprs.add(Exprs.num(1), Exprs.mul(Exprs.num(ccMg / beta),
                    Exprs.call(Expr.Fn.EXP, Exprs.mul(Exprs.num(-alpha), v))));
            return Exprs.div(Exprs.mul(g, Exprs.sub(Exprs.num(reversal), v)), block);
        }
    }
}
