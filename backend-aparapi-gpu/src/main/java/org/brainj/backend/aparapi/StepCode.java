package org.brainj.backend.aparapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Expr;
import org.brainj.api.program.Assign;
import org.brainj.api.program.RandomDraw;

/**
 * A step program translated from the expression IR into register code for {@link OpKernel}'s
 * STEP operation: five ints per instruction {@code (code, dst, a, b, c)} and a table of
 * constants. Variables (state, parameters, draws, temporaries, t, dt) each own a register;
 * subexpressions use the registers above them as a stack. The semantics are
 * {@link org.brainj.api.expr.Interpreter}'s: a condition is true when non-zero, a comparison or
 * logical operation is 1 or 0, {@code ^} is pow.
 */
final class StepCode {
    static final int MAX_REGISTERS = 128;

    // instruction codes (kept in one block: the kernel tests ranges BIN..FN..CMP..AND)
    static final int CONST = 0;
    static final int ELEMENT = 1;
    static final int SHARED = 2;
    static final int TIME = 3;
    static final int DT = 4;
    static final int NORMAL = 5;
    static final int UNIFORM = 6;
    static final int COPY = 7;
    static final int NEG = 8;
    /** + Expr.BinOp ordinal. */
    static final int BIN = 9;
    /** + Expr.Fn ordinal. */
    static final int FN = 14;
    /** + Expr.CmpOp ordinal. */
    static final int CMP = 30;
    static final int AND = 36;
    static final int OR = 37;
    static final int NOT = 38;
    static final int WHERE = 39;
    static final int STORE = 40;

    static {
        // The kernel needs literal codes (Aparapi inlines only compile-time constants); they must
        // leave room for every operator of the IR.
        if (FN != BIN + Expr.BinOp.values().length || CMP != FN + Expr.Fn.values().length
                || AND != CMP + Expr.CmpOp.values().length) {
            throw new IllegalStateException("StepCode's instruction codes do not match the operators of Expr");
        }
    }

    /** Where a tensor's elements are: its pool (dtype code), its offset, and whether all elements share element 0. */
    record Place(int dtype, int offset, boolean shared) {
    }

    private final List<int[]> code = new ArrayList<>();
    private final List<Double> constants = new ArrayList<>();
    private final Map<String, Integer> registers = new HashMap<>();
    private int used;

    /**
     * @param state   the state variables and where they live, read at the start and written at the end
     * @param params  the parameters and where they live
     * @param noise   the program's random draws
     * @param body    the assignments, in order
     */
    StepCode(Map<String, Place> state, Map<String, Place> params, List<RandomDraw> noise, List<Assign> body) {
        emit(TIME, variable("t"), 0, 0, 0);
        emit(DT, variable("dt"), 0, 0, 0);
        for (Map.Entry<String, Place> v : state.entrySet()) {
            load(v.getKey(), v.getValue());
        }
        for (Map.Entry<String, Place> p : params.entrySet()) {
            load(p.getKey(), p.getValue());
        }
        for (RandomDraw d : noise) {
            int code = switch (d.distribution()) {
                case NORMAL -> NORMAL;
                case UNIFORM -> UNIFORM;
            };
            emit(code, variable(d.name()), d.stream(), 0, 0);
        }
        for (int s = 0; s < body.size(); s++) {
            Assign a = body.get(s);
            Integer target = registers.get(a.target());
            int value = expression(a.value(), used, s);
            emit(COPY, target == null ? variable(a.target()) : target, value, 0, 0);
        }
        for (Map.Entry<String, Place> v : state.entrySet()) {
            if (body.stream().anyMatch(a -> a.target().equals(v.getKey()))) {
                emit(STORE, 0, v.getValue().dtype(), v.getValue().offset(), registers.get(v.getKey()));
            }
        }
    }

    int[] instructions() {
        int[] flat = new int[code.size() * 5];
        for (int k = 0; k < code.size(); k++) {
            System.arraycopy(code.get(k), 0, flat, k * 5, 5);
        }
        return flat;
    }

    double[] constants() {
        // one constant at least, so the table is a real tensor
        return constants.isEmpty() ? new double[1] : constants.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private void load(String name, Place place) {
        emit(place.shared() ? SHARED : ELEMENT, variable(name), place.dtype(), place.offset(), 0);
    }

    private int variable(String name) {
        int r = reserve(used);
        used = r + 1;
        registers.put(name, r);
        return r;
    }

    private int reserve(int register) {
        if (register >= MAX_REGISTERS) {
            throw new BrainJException("compile: the step program needs more than " + MAX_REGISTERS
                    + " registers (variables plus nesting depth) on the aparapi backend; split it into smaller programs");
        }
        return register;
    }

    /** The register that holds {@code e}; registers from {@code top} up are free for its parts. */
    private int expression(Expr e, int top, int statement) {
        if (e instanceof Expr.Var v) {
            Integer r = registers.get(v.name());
            if (r == null) {
                throw new BrainJException("compile: statement " + (statement + 1) + " of the step program reads '"
                        + v.name() + "', which is no state variable, parameter, random draw, t or dt, and no earlier"
                        + " statement assigns; known: " + new java.util.TreeSet<>(registers.keySet()));
            }
            return r;
        }
        int dst = reserve(top);
        if (e instanceof Expr.Const c) {
            constants.add(c.value());
            emit(CONST, dst, constants.size() - 1, 0, 0);
        } else if (e instanceof Expr.Neg n) {
            emit(NEG, dst, expression(n.operand(), top, statement), 0, 0);
        } else if (e instanceof Expr.Bin b) {
            binary(BIN + b.op().ordinal(), dst, b.left(), b.right(), top, statement);
        } else if (e instanceof Expr.Call c) {
            Expr second = c.args().size() > 1 ? c.args().get(1) : c.args().get(0);
            binary(FN + c.fn().ordinal(), dst, c.args().get(0), second, top, statement);
        } else if (e instanceof Expr.Cmp c) {
            binary(CMP + c.op().ordinal(), dst, c.left(), c.right(), top, statement);
        } else if (e instanceof Expr.Logic l) {
            binary(l.op() == Expr.LogicOp.AND ? AND : OR, dst, l.left(), l.right(), top, statement);
        } else if (e instanceof Expr.Not n) {
            emit(NOT, dst, expression(n.operand(), top, statement), 0, 0);
        } else if (e instanceof Expr.Where w) {
            int cond = expression(w.cond(), top, statement);
            int then = expression(w.then(), top + 1, statement);
            int otherwise = expression(w.otherwise(), top + 2, statement);
            emit(WHERE, dst, cond, then, otherwise);
        }
        return dst;
    }

    private void binary(int code, int dst, Expr left, Expr right, int top, int statement) {
        int a = expression(left, top, statement);
        int b = expression(right, top + 1, statement);
        emit(code, dst, a, b, 0);
    }

    private void emit(int code, int dst, int a, int b, int c) {
        this.code.add(new int[] {code, dst, a, b, c});
    }
}
