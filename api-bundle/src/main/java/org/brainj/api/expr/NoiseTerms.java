package org.brainj.api.expr;

import java.util.List;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Var;

/**
 * The check that a differential equation is affine in its noise terms, {@code f + sum_k g_k xi_k},
 * so that drift and diffusion are well defined: a noise term may only be added or subtracted,
 * negated, multiplied by a noise-free factor or divided by a noise-free divisor.
 */
final class NoiseTerms {
    private NoiseTerms() {
    }

    static void requireLinear(Statement s) {
        List<String> noise = Equations.noiseIn(s.rhs());
        if (noise.isEmpty()) {
            return;
        }
        Expr offending = firstNonAffine(s.rhs(), noise);
        if (offending != null) {
            throw new NonlinearNoiseException(s.line(), s.positions().column(offending), s.variable(),
                    Printer.print(offending));
        }
    }

    /** The outermost subtree that holds noise in a non-affine way, or null when the tree is affine. */
    private static Expr firstNonAffine(Expr e, List<String> noise) {
        if (!hasNoise(e, noise) || e instanceof Var) {
            return null;
        }
        if (e instanceof Neg n) {
            return firstNonAffine(n.operand(), noise);
        }
        if (e instanceof Bin b) {
            boolean left = hasNoise(b.left(), noise);
            boolean right = hasNoise(b.right(), noise);
            switch (b.op()) {
                case ADD, SUB -> {
                    Expr l = firstNonAffine(b.left(), noise);
                    return l != null ? l : firstNonAffine(b.right(), noise);
                }
                case MUL -> {
                    if (left && right) {
                        return e;
                    }
                    return firstNonAffine(left ? b.left() : b.right(), noise);
                }
                case DIV -> {
                    return right ? e : firstNonAffine(b.left(), noise);
                }
                default -> {
                    return e;
                }
            }
        }
        return e;
    }

    private static boolean hasNoise(Expr e, List<String> noise) {
        return noise.stream().anyMatch(xi -> FreeVars.reads(e, xi));
    }
}
