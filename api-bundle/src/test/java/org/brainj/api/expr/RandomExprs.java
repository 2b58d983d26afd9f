package org.brainj.api.expr;

import java.util.List;
import java.util.Random;
import org.brainj.api.expr.Expr.Bin;
import org.brainj.api.expr.Expr.BinOp;
import org.brainj.api.expr.Expr.Call;
import org.brainj.api.expr.Expr.Cmp;
import org.brainj.api.expr.Expr.CmpOp;
import org.brainj.api.expr.Expr.Const;
import org.brainj.api.expr.Expr.Fn;
import org.brainj.api.expr.Expr.Logic;
import org.brainj.api.expr.Expr.LogicOp;
import org.brainj.api.expr.Expr.Neg;
import org.brainj.api.expr.Expr.Not;
import org.brainj.api.expr.Expr.Var;
import org.brainj.api.expr.Expr.Where;

/** Random expression trees over every node kind, for property tests. */
final class RandomExprs {
    static final List<String> VARS = List.of("x", "y", "z");
    private final Random random;

    RandomExprs(long seed) {
        random = new Random(seed);
    }

    Expr tree(int depth) {
        if (depth == 0 || random.nextInt(5) == 0) {
            return random.nextBoolean()
                    ? new Var(VARS.get(random.nextInt(VARS.size())))
                    : new Const(Math.round((random.nextDouble() * 8 - 4) * 100) / 100.0);
        }
        return switch (random.nextInt(8)) {
            case 0 -> new Neg(tree(depth - 1));
            case 1, 2 -> new Bin(BinOp.values()[random.nextInt(BinOp.values().length)], tree(depth - 1), tree(depth - 1));
            case 3, 4 -> {
                Fn fn = Fn.values()[random.nextInt(Fn.values().length)];
                yield fn.arity() == 1 ? new Call(fn, List.of(tree(depth - 1)))
                        : new Call(fn, List.of(tree(depth - 1), tree(depth - 1)));
            }
            case 5 -> new Cmp(CmpOp.values()[random.nextInt(CmpOp.values().length)], tree(depth - 1), tree(depth - 1));
            case 6 -> random.nextBoolean()
                    ? new Logic(LogicOp.values()[random.nextInt(2)], tree(depth - 1), tree(depth - 1))
                    : new Not(tree(depth - 1));
            default -> new Where(tree(depth - 1), tree(depth - 1), tree(depth - 1));
        };
    }

    double value() {
        return random.nextDouble() * 4 - 2;
    }
}
