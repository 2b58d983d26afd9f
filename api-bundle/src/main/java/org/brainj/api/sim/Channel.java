package org.brainj.api.sim;

import org.brainj.api.expr.Exprs;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brainj.api.expr.Expr;

/**
 * Post-synaptic state shared by every projection of one kind onto a group: the synapse
 * dynamics, the output, and (for {@link Synapse.Delta}) the variable the events go to.
 * Its variables are named after the first projection that made it ({@code E2E_g}).
 */
record Channel(String prefix, Synapse synapse, SynapticOutput output, String target) {

    /** What makes two projections share a channel. */
    record Kind(Synapse synapse, SynapticOutput output, String target) {
    }

    Kind kind() {
        return new Kind(synapse, output, target);
    }

    String variable(String local) {
        return prefix + "_" + local;
    }

    /** The variable spikes add their weights to. */
    String eventVariable() {
        return variable(synapse.eventVariable());
    }

    boolean isDelta() {
        return synapse instanceof Synapse.Delta;
    }

    /** The channel's derivatives in the group's names. */
    Map<String, Expr> derivatives() {
        Map<String, Expr> rename = new LinkedHashMap<>();
        synapse.derivatives().keySet().forEach(local -> rename.put(local, Exprs.var(variable(local))));
        Map<String, Expr> out = new LinkedHashMap<>();
        synapse.derivatives().forEach((local, rhs) -> out.put(variable(local), org.brainj.api.expr.Substitute.of(rhs, rename)));
        return out;
    }

    /** The current this channel adds to the group's synaptic current symbol. */
    Expr current(Expr membrane) {
        return output.current(Exprs.var(variable(synapse.conductance())), membrane);
    }
}
