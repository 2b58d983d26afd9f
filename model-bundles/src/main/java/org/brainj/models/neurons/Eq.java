package org.brainj.models.neurons;

import org.brainj.api.expr.Expr;
import org.brainj.api.expr.ExpressionParser;

/** Model statements are written as text and parsed to the IR once, when a model is made. */
final class Eq {
    private Eq() {
    }

    static Expr of(String text) {
        return ExpressionParser.parse(text);
    }
}
