package org.brainj.api.sim;

import static org.brainj.api.expr.Exprs.add;
import static org.brainj.api.expr.Exprs.call;
import static org.brainj.api.expr.Exprs.div;
import static org.brainj.api.expr.Exprs.mul;
import static org.brainj.api.expr.Exprs.neg;
import static org.brainj.api.expr.Exprs.num;
import static org.brainj.api.expr.Exprs.sub;
import static org.brainj.api.expr.Exprs.var;
import static org.brainj.api.sim.Flags.flag;
import static org.brainj.api.sim.Flags.isSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.LogicOp;
import org.brainj.api.expr.Expr.Where;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.program.Assign;
import org.brainj.api.program.RandomDraw;

/**
 * A source that spikes in each step with a probability {@code p} constant in time, drawn as
 * geometric gaps between spikes instead of one uniform per neuron and step: the same process (a
 * Bernoulli(p) trial per step is a sequence of independent geometric(p) gaps on {1, 2, ...}),
 * with random draws per spike instead of per step.
 *
 * <p>It applies to a model whose threshold is {@code u < p}, {@code u} one of its uniforms that
 * nothing else reads, {@code p} an expression of parameters (per group or per neuron), {@code dt}
 * and constants, without refractoriness or an upward-crossing condition (Brian2's and NEST's
 * Poisson groups). A rate that changes in time ({@code t} in {@code p}) keeps the draw per step.
 *
 * <p>Each neuron holds the time of its next spike and the probability it was drawn for. In a step
 * at {@code t} it spikes when that time is due (within half a step, as times are whole steps up
 * to rounding), then draws its next: {@code t + G dt}, {@code G = floor(log(1 - v) / log(1 - p)) + 1}
 * from a uniform {@code v}, which is geometric: {@code P(G > k) = P(1 - v <= (1 - p)^k) = (1 - p)^k}.
 * A countdown is stale when it was never drawn (a reset leaves NaN), lies in the past, or was drawn
 * for another probability (a parameter written between runs, another dt): then the step makes its
 * own Bernoulli trial {@code u < p} and draws the next spike afresh from the next step on, which by
 * the geometric law's lack of memory continues the same process. Both uniforms are keyed by
 * (seed, stream, step) at the neuron, and drawn on demand, so every backend and thread count
 * draws the same, and only where a neuron spikes or its countdown is stale.
 */
final class GeometricGaps {
    /** State: when the neuron's next spike is due (ms; NaN before the first step draws it). */
    static final String NEXT_SPIKE = "t_next_spike";
    /** State: the spike probability per step that the next spike was drawn for. */
    static final String DRAWN_FOR = "p_next_spike";

    private final String uniform;
    private final Expr probability;

    private GeometricGaps(String uniform, Expr probability) {
        this.uniform = uniform;
        this.probability = probability;
    }

    /**
     * The gaps of {@code model} whose {@code threshold} (its subexpressions resolved) is
     * {@code u < p} with a probability constant in time, or null where the model is not such a source.
     */
    static GeometricGaps of(NeuronModel model, Expr threshold) {
        if (model.crossing() || model.refractory() != null
                || !(threshold instanceof Cmp c && c.op() == CmpOp.LT && c.left() instanceof Expr.Var u)
                || !model.uniforms().contains(u.name())) {
            return null;
        }
        Set<String> constantInTime = new HashSet<>(model.parameters().keySet());
        constantInTime.add("dt");
        if (!constantInTime.containsAll(FreeVars.of(c.right())) || readsElsewhere(model, u.name())) {
            return null;
        }
        return new GeometricGaps(u.name(), c.right());
    }

    /** Whether anything but the threshold reads {@code uniform}. */
    private static boolean readsElsewhere(NeuronModel model, String uniform) {
        List<Expr> others = new ArrayList<>(model.derivatives().values());
        model.subexpressions().forEach(a -> others.add(a.value()));
        model.reset().forEach(a -> others.add(a.value()));
        others.addAll(model.jumps().values());
        return others.stream().anyMatch(e -> FreeVars.reads(e, uniform));
    }

    /** Whether {@code x} is state these gaps keep (bookkeeping, not a model variable). */
    static boolean owns(String x) {
        return x.equals(NEXT_SPIKE) || x.equals(DRAWN_FOR);
    }

    String uniform() {
        return uniform;
    }

    /** The draws: the stale step's trial on the model's uniform's stream, the gaps on {@code gapStream}. */
    List<RandomDraw> draws(int uniformStream, int gapStream) {
        return List.of(new RandomDraw(uniform, RandomDraw.Distribution.UNIFORM_ON_DEMAND, uniformStream),
                new RandomDraw(gapDraw(), RandomDraw.Distribution.UNIFORM_ON_DEMAND, gapStream));
    }

    private String gapDraw() {
        return uniform + "__gap";
    }

    /**
     * Appends to {@code body} the locals the spike condition reads and returns the condition:
     * due, or stale and the step's own trial succeeds.
     */
    Expr spikes(List<Assign> body, Names names) {
        // clamped, so a negative rate never spikes and p >= 1 spikes every step, as u < p does
        body.add(new Assign(names.p, call(Expr.Fn.MIN, call(Expr.Fn.MAX, probability, num(0)), num(1))));
        Expr halfStep = mul(num(0.5), var("dt"));
        Expr current = new Logic(LogicOp.AND, new Cmp(CmpOp.GE, var(NEXT_SPIKE), sub(var("t"), halfStep)),
                new Cmp(CmpOp.EQ, var(DRAWN_FOR), var(names.p)));
        body.add(new Assign(names.stale, flag(new Expr.Not(current))));
        return new Where(isSet(names.stale), new Cmp(CmpOp.LT, var(uniform), var(names.p)),
                new Cmp(CmpOp.GE, var("t"), sub(var(NEXT_SPIKE), halfStep)));
    }

    /**
     * The assignments after the spike flag {@code spiked} is set: where the neuron spiked or its
     * countdown was stale, its next spike {@code G} steps on; a stale one also records {@code p}.
     * The draw sits inside the where's taken branch, so a backend draws it only there.
     */
    List<Assign> redraw(String spiked, Names names) {
        Expr p = var(names.p);
        // log(1 - p) to a few ulps also where p is tiny and 1 - p rounds (Goldberg's log1p): the gaps'
        // scale; -infinity for p = 1 (a spike every step), -0 for p = 0 (+infinity: never)
        Expr w = sub(num(1), p);
        Expr logOneMinusP = new Where(new Cmp(CmpOp.EQ, w, num(1)), neg(p), div(mul(call(Expr.Fn.LOG, w), neg(p)),
                sub(w, num(1))));
        // 1 - v lies in (0, 1], exactly on the uniforms' grid, so its log is finite
        Expr gap = add(call(Expr.Fn.FLOOR, div(call(Expr.Fn.LOG, sub(num(1), var(gapDraw()))), logOneMinusP)), num(1));
        Expr redraw = new Logic(LogicOp.OR, isSet(spiked), isSet(names.stale));
        return List.of(new Assign(NEXT_SPIKE, new Where(redraw, add(var("t"), mul(gap, var("dt"))), var(NEXT_SPIKE))),
                new Assign(DRAWN_FOR, new Where(isSet(names.stale), p, var(DRAWN_FOR))));
    }

    /** The locals the program uses: the clamped probability and the stale flag. */
    record Names(String p, String stale) {
    }
}
