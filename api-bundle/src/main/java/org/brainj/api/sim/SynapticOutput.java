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
