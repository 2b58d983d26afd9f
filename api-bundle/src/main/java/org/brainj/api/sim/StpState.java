package org.brainj.api.sim;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.call;
import static org.brainj.api.expr.Exprs.div;
import static org.brainj.api.expr.Exprs.mul;
import static org.brainj.api.expr.Exprs.neg;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.sub;
import static org.brainj.api.expr.Exprs.var;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.program.Assign;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * A projection's {@link STP} state, one element per pre-synaptic neuron, advanced once per step
 * by one compiled kernel: the decay over the step is the exact exponential of the linear
 * equations, then the arriving spikes facilitate {@code u} and release {@code u x}, which the
 * delivery multiplies into the weights of the spiking rows.
 */
final class StpState {
    static final String U = "u";
    static final String X = "x";
    private static final String RELEASE = "release";
    private static final String SPIKES = "arriving";

    private final STP stp;
    private final int size;
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private StepProgram program;
    private Kernel kernel;
    private Backend backend;

    StpState(STP stp, int size) {
        this.stp = stp;
        this.size = size;
    }

    void build(Backend backend, DType dtype) {
        for (String name : List.of(U, X, RELEASE, SPIKES)) {
            tensors.put(name, backend.zeros(dtype, size));
        }
        program = program();
        compile(backend);
        reset();
    }

    void moveTo(Backend target) {
        tensors.replaceAll((name, t) -> target.transfer(t));
        compile(target);
    }

    private void compile(Backend target) {
        backend = target;
        kernel = target.compile(program, new Bindings(tensors, 0));
    }

    /** u, x and the release of the last step: the state a checkpoint keeps. */
    Map<String, Tensor> tensors() {
        return tensors;
    }

    void reset() {
        Tensor u = tensors.get(U);
        Tensor x = tensors.get(X);
        backend.copy(backend.zeros(u.dtype(), size), u);
        backend.copy(backend.ones(x.dtype(), size), x);
        backend.copy(backend.zeros(u.dtype(), size), tensors.get(RELEASE));
    }

    /**
     * Advances u and x over the step and applies the spikes arriving at its start; returns the
     * fraction released by each pre-synaptic neuron (0 where none arrived).
     */
    Tensor step(Tensor arriving, double t, double dt, long step) {
        backend.astype(arriving, tensors.get(SPIKES).dtype(), tensors.get(SPIKES));
        kernel.run(t, dt, step);
        return tensors.get(RELEASE);
    }

    Tensor variable(String name) {
        return tensors.get(name);
    }

    /** The spike flag is 0 or 1, so the blends below leave u and x exactly as decayed where no spike arrived. */
    private StepProgram program() {
        Expr spike = var(SPIKES);
        Expr uDecayed = mul(var(U), decay(stp.tauF()));
        Expr xRecovered = sub(num(1), mul(sub(num(1), var(X)), decay(stp.tauD())));
        Expr facilitated = add(var("u_decayed"), mul(spike, mul(num(stp.U()), sub(num(1), var("u_decayed")))));
        List<Assign> body = List.of(
                new Assign("u_decayed", uDecayed),
                new Assign("x_recovered", xRecovered),
                new Assign("u_new", facilitated),
                new Assign("released", mul(spike, mul(var("u_new"), var("x_recovered")))),
                new Assign(RELEASE, var("released")),
                new Assign(X, sub(var("x_recovered"), var("released"))),
                new Assign(U, var("u_new")));
        return new StepProgram(body, Set.of(U, X, RELEASE), Set.of(SPIKES), List.of());
    }

    /** exp(-dt / tau): the exact decay of a linear variable over one step. */
    private static Expr decay(double tau) {
        return call(Expr.Fn.EXP, div(neg(var("dt")), num(tau)));
    }
}
