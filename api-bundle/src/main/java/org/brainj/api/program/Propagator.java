package org.brainj.api.program;

import java.util.List;
import org.brainj.api.expr.Expr;

/**
 * The exact flow over one step of a coupled linear system {@code x' = A x + b} whose matrix
 * {@code A} reads only parameters: {@code x(t + dt) = exp(A dt) x + (int_0^dt exp(A s) ds) b}.
 * The two matrices depend only on {@code A} and {@code dt}, so the runtime computes them on the
 * host once before each run (as NEST's {@code pre_run_hook} does) and binds each entry the body
 * reads as a parameter (0-d, or one value per element where {@code A} reads per-element
 * parameters); the body only applies them, a few multiply-adds per element.
 *
 * @param variables the system's variables, in the order of {@code a}'s rows and columns
 * @param a         {@code A}'s entries, expressions of parameters and {@code dt} (a structural zero is {@code 0})
 * @param entries   the entries of the two matrices the body reads, each named as a parameter
 */
public record Propagator(List<String> variables, List<List<Expr>> a, List<Entry> entries) {
    public Propagator {
        variables = List.copyOf(variables);
        a = a.stream().map(List::copyOf).toList();
        entries = List.copyOf(entries);
        for (List<Expr> row : a) {
            if (row.size() != variables.size()) {
                throw new IllegalArgumentException("a propagator's matrix needs one entry per variable " + variables
                        + " in each row");
            }
        }
    }

    /** Which of the two matrices an entry belongs to. */
    public enum Part {
        /** {@code exp(A dt)}, applied to the state at the start of the step. */
        FLOW,
        /** {@code int_0^dt exp(A s) ds = dt phi1(A dt)}, applied to the constant term {@code b}. */
        INPUT
    }

    /** Entry {@code (row, column)} of {@code part}, read by the body as the parameter {@code parameter}. */
    public record Entry(String parameter, Part part, int row, int column) {
    }
}
