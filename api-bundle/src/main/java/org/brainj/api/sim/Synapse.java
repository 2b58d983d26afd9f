package org.brainj.api.sim;

import org.brainj.api.expr.Exprs;
import java.util.Map;
import org.brainj.api.expr.Expr;

/**
 * Synaptic dynamics of a projection (the {@code syn} role of the reference's AlignPost
 * projection). The state is held per post-synaptic neuron: a spike adds its weight to
 * {@link #eventVariable}, and linear dynamics let every synapse of one kind onto a
 * population share that state (the reference's pre2post merging).
 */
public sealed interface Synapse {

    /** No dynamics: a spike adds its weight directly to the target variable for one step. */
    static Synapse delta() {
        return new Delta();
    }

    /** {@code dg/dt = -g / tau}. */
    static Synapse exponential(double tau) {
        return new Exponential(tau);
    }

    /** {@code dg/dt = -g / tau_decay + h}, {@code dh/dt = -h / tau_rise}; spikes add to {@code h}. */
    static Synapse dualExponential(double tauDecay, double tauRise) {
        return new DualExponential(tauDecay, tauRise);
    }

    /** The dual exponential with equal time constants: {@code g(t) = w t e^{-t/tau}} after one spike. */
    static Synapse alpha(double tau) {
        return new Alpha(tau);
    }

    /** The reference's names, for spec files: what {@link #of} accepts. */
    java.util.List<String> NAMES = java.util.List.of("Delta", "Exponential", "DualExponential", "Alpha");

    /**
     * The synapse named as in the reference with its parameters ({@code tau}; {@code tau_decay}
     * and {@code tau_rise}); an unknown name lists the known ones, a missing parameter is named.
     */
    static Synapse of(String name, Map<String, Double> params) {
        return switch (name) {
            case "Delta" -> delta();
            case "Exponential" -> exponential(param(name, params, "tau"));
            case "DualExponential" -> dualExponential(param(name, params, "tau_decay"), param(name, params, "tau_rise"));
            case "Alpha" -> alpha(param(name, params, "tau"));
            default -> throw new org.brainj.api.UnknownNameException("synapse", name, NAMES);
        };
    }

    private static double param(String synapse, Map<String, Double> params, String key) {
        Double v = params.get(key);
        if (v == null) {
            throw new SimulationException("synapse " + synapse + " needs parameter '" + key + "'; given " + params.keySet());
        }
        return v;
    }

    /** The per-neuron state variables (local names) and their derivatives; empty for {@link Delta}. */
    Map<String, Expr> derivatives();

    /** The local name of the variable a spike adds its weight to. */
    String eventVariable();

    /** The local name of the conductance (or current) the output reads. */
    default String conductance() {
        return "g";
    }

    private static void positive(String what, double tau) {
        if (!(tau > 0)) {
            throw new SimulationException("synapse " + what + " = " + tau + " must be > 0");
        }
    }

    record Delta() implements Synapse {
        @Override
        public Map<String, Expr> derivatives() {
            return Map.of();
        }

        @Override
        public String eventVariable() {
            return "g";
        }
    }

    record Exponential(double tau) implements Synapse {
        public Exponential {
            positive("tau", tau);
        }

        @Override
        public Map<String, Expr> derivatives() {
            return Map.of("g", Exprs.div(Exprs.neg(Exprs.var("g")), Exprs.num(tau)));
        }

        @Override
        public String eventVariable() {
            return "g";
        }
    }

    record DualExponential(double tauDecay, double tauRise) implements Synapse {
        public DualExponential {
            positive("tau_decay", tauDecay);
            positive("tau_rise", tauRise);
        }

        @Override
        public Map<String, Expr> derivatives() {
            return riseAndDecay(tauDecay, tauRise);
        }

        @Override
        public String eventVariable() {
            return "h";
        }
    }

    record Alpha(double tau) implements Synapse {
        public Alpha {
            positive("tau", tau);
        }

        @Override
        public Map<String, Expr> derivatives() {
            return riseAndDecay(tau, tau);
        }

        @Override
        public String eventVariable() {
            return "h";
        }
    }

    private static Map<String, Expr> riseAndDecay(double tauDecay, double tauRise) {
        var d = new java.util.LinkedHashMap<String, Expr>();
        d.put("g", Exprs.add(Exprs.div(Exprs.neg(Exprs.var("g")), Exprs.num(tauDecay)), Exprs.var("h")));
        d.put("h", Exprs.div(Exprs.neg(Exprs.var("h")), Exprs.num(tauRise)));
        return d;
    }
}
