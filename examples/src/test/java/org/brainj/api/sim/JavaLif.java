package org.brainj.api.sim;

import static org.brainj.api.tensor.BinaryOp.ADD;
import static org.brainj.api.tensor.BinaryOp.AND;
import static org.brainj.api.tensor.BinaryOp.DIV;
import static org.brainj.api.tensor.BinaryOp.GE;
import static org.brainj.api.tensor.BinaryOp.MUL;
import static org.brainj.api.tensor.BinaryOp.SUB;

import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.api.tensor.UnaryOp;

/**
 * The reference's LIF written as a "general backend" group: its step by op sets with
 * caller-supplied outputs, the same forward-Euler map, refractoriness and reset as the
 * equation-defined {@code LIF} of the model catalog, with the same parameters and defaults.
 */
final class JavaLif extends DynamicModel {
    JavaLif() {
        super("JavaLIF");
        parameter("V_rest", 0);
        parameter("V_reset", -5);
        parameter("V_th", 20);
        parameter("R", 1);
        parameter("tau", 10);
        parameter("tau_ref", 1);
        state("V", Initializer.constant(-5));
        input("input");
        current("I_syn");
    }

    @Override
    protected void update(GroupState s, double t, double dt) {
        Backend b = s.backend();
        Tensor v = s.get("V");
        Tensor last = s.lastSpike();
        Tensor spike = s.spike();
        // dV/dt = (-(V - V_rest) + R (input + I_syn)) / tau; V_new = V + dt dV/dt
        Tensor dv = b.binary(SUB, v, s.get("V_rest"), s.temp("dV"));
        b.unary(UnaryOp.NEG, dv, dv);
        Tensor drive = b.binary(ADD, s.get("input"), s.get("I_syn"), s.temp("drive"));
        b.binary(MUL, s.get("R"), drive, drive);
        b.binary(ADD, dv, drive, dv);
        b.binary(DIV, dv, s.get("tau"), dv);
        b.binary(MUL, s.scalar(dt), dv, dv);
        Tensor vNew = b.binary(ADD, v, dv, s.temp("V_new"));
        // not refractory once t - t_last >= floor(tau_ref / dt) steps (half a step of slack against rounding of t)
        Tensor since = b.binary(SUB, s.scalar(t), last, s.temp("since"));
        Tensor period = s.scalar((Math.floor(s.get("tau_ref").item() / dt + 1e-3) - 0.5) * dt);
        Tensor free = b.binary(GE, since, period, s.temp("free", DType.BOOL));
        b.where(free, vNew, v, v);
        b.binary(GE, v, s.get("V_th"), spike);
        b.binary(AND, spike, free, spike);
        b.where(spike, s.get("V_reset"), v, v);
        b.where(spike, s.scalar(t), last, last);
    }
}
