package org.brainj.api.program;

import org.brainj.api.expr.Expr;

/** One elementwise assignment of a step program: {@code target <- value} for every element. */
public record Assign(String target, Expr value) {
}
