package org.brainj.api.sim;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.call;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.sub;

import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Fn;

/**
 * Whose clock a model's groups keep for the two things the peers disagree on: the time a spike
 * is stamped with and how many steps a refractory period clamps. A model carries its convention
 * (a NEST model name keeps NEST's, everything else Brian2's), so either peer's numbers come out
 * exactly; the update itself, delivery and monitors are the same under both (see package-info).
 */
public enum TimeConvention {
    /**
     * Brian2's: a spike is stamped {@code t_k}, the start of the step whose update crossed, and
     * the neuron is free once {@code floor(t_ref / dt)} steps have passed since that stamp, so
     * {@code floor(t_ref / dt) - 1} updates after the spiking one are clamped.
     */
    BRIAN2(0) {
        @Override
        Expr refractorySteps(Expr periodInSteps) {
            // floor with slack: t_ref / dt is a whole number up to rounding (Brian2's timestep)
            return call(Fn.FLOOR, add(periodInSteps, num(SLACK)));
        }
    },
    /**
     * NEST's: a spike is stamped {@code t_(k+1)}, the end of the step whose update crossed, and
     * the next {@code ceil(t_ref / dt)} updates are clamped (NEST's refractory counter,
     * {@code Time(Time::ms(t_ref)).get_steps()}, which rounds up to whole steps).
     */
    NEST(1) {
        @Override
        Expr refractorySteps(Expr periodInSteps) {
            return call(Fn.CEIL, sub(periodInSteps, num(SLACK)));
        }
    };

    /** Rounding of {@code t_ref / dt} forgiven before flooring or ceiling, in steps. */
    private static final double SLACK = 1e-3;

    private final int stampSteps;

    TimeConvention(int stampSteps) {
        this.stampSteps = stampSteps;
    }

    /** Steps from the start of the spiking step to the spike's stamp: 0 (its start) or 1 (its end). */
    public int stampSteps() {
        return stampSteps;
    }

    /**
     * The number of steps from the stamp after which the neuron is free again, for a refractory
     * period of {@code periodInSteps = t_ref / dt}.
     */
    abstract Expr refractorySteps(Expr periodInSteps);

    /** The convention a model file's {@code convention:} names ({@code brian2} or {@code nest}), or null. */
    public static TimeConvention named(String name) {
        for (TimeConvention c : values()) {
            if (c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        return null;
    }
}
