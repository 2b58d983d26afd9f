package org.brainj.api.expr;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
import org.brainj.api.expr.Lexer.Kind;
import org.brainj.api.expr.Lexer.Token;

/**
 * Recursive descent over the expression grammar, loosest first (as in Python and Brian2):
 * <pre>
 * or      := and (('or' | '||') and)*
 * and     := not (('and' | '&amp;&amp;') not)*
 * not     := ('not' | '!') not | compare
 * compare := sum (('&lt;' | '&lt;=' | '&gt;' | '&gt;=' | '==' | '!=') sum)?
 * sum     := product (('+' | '-') product)*
 * product := unary (('*' | '/') unary)*
 * unary   := '-' unary | '+' unary | power
 * power   := atom (('^' | '**') unary)?
 * atom    := number | name | name '(' args ')' | '(' or ')'
 * </pre>
 * A minus directly before a number that is not raised to a power is read as a negative constant.
 */
public final class ExpressionParser {
    private final List<Token> tokens;
    private final int line;
    private final Map<Expr, Integer> columns = new IdentityHashMap<>();
    private int next;
    /** How deeply the parse is nested now: each '(', call, unary sign, 'not' and exponent adds one. */
    private int depth;
    /**
     * The deepest nesting a text may have, as Python's parser (200 parentheses): beyond it the
     * recursive descent would exhaust the thread's stack, and no equation needs as much.
     */
    static final int MAX_DEPTH = 200;
    /** What {@code rand()} reads: Brian2's uniform draw in [0, 1), one per element and use. */
    public static final String RAND = "rand()";
    /** What {@code randn()} reads: Brian2's standard normal draw, one per element and use. */
    public static final String RANDN = "randn()";

    ExpressionParser(List<Token> tokens, int line) {
        this.tokens = tokens;
        this.line = line;
    }

    /** Parses a whole expression written on one line. */
    public static Expr parse(String text) {
        ExpressionParser p = new ExpressionParser(Lexer.tokens(text, 1, 1), 1);
        Expr e = p.expression();
        p.expectEnd();
        return e;
    }

    Expr expression() {
        return or();
    }

    Positions positions(int fallbackColumn) {
        return new Positions(line, fallbackColumn, columns);
    }

    Token peek() {
        return tokens.get(next);
    }

    Token take() {
        return tokens.get(next++);
    }

    boolean accept(String symbol) {
        if (peek().is(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String symbol, String context) {
        if (!accept(symbol)) {
            throw error(peek(), "expected '" + symbol + "' " + context + ", found " + describe(peek()));
        }
    }

    void expectEnd() {
        if (peek().kind() != Kind.END) {
            throw error(peek(), "unexpected " + describe(peek()) + " after the expression; remove it, or join it to the"
                    + " expression with an operator");
        }
    }

    EquationSyntaxException error(Token at, String message) {
        return new EquationSyntaxException(line, at.column(), message);
    }

    int line() {
        return line;
    }

    /** Enters one more level of nesting at {@code token}, refused past {@link #MAX_DEPTH}. */
    private void deeper(Token token) {
        if (++depth > MAX_DEPTH) {
            throw error(token, "the expression is nested more than " + MAX_DEPTH + " levels deep (parentheses, calls,"
                    + " signs or exponents); split it with intermediate variables");
        }
    }

    Expr at(Token token, Expr e) {
        columns.put(e, token.column());
        return e;
    }

    private Expr or() {
        Expr left = and();
        while (peek().is("or") || peek().is("||")) {
            Token op = take();
            left = at(op, new Logic(LogicOp.OR, left, and()));
        }
        return left;
    }

    private Expr and() {
        Expr left = not();
        while (peek().is("and") || peek().is("&&")) {
            Token op = take();
            left = at(op, new Logic(LogicOp.AND, left, not()));
        }
        return left;
    }

    private Expr not() {
        if (peek().is("not") || peek().is("!")) {
            Token op = take();
            deeper(op);
            Expr operand = not();
            depth--;
            return at(op, new Not(operand));
        }
        return compare();
    }

    private Expr compare() {
        Expr left = sum();
        CmpOp op = comparison(peek());
        if (op == null) {
            return left;
        }
        Token opToken = take();
        Expr result = at(opToken, new Cmp(op, left, sum()));
        if (comparison(peek()) != null) {
            throw error(peek(), "chained comparison; write (a < b) and (b < c)");
        }
        return result;
    }

    private static CmpOp comparison(Token t) {
        if (t.kind() != Kind.SYMBOL) {
            return null;
        }
        for (CmpOp op : CmpOp.values()) {
            if (op.symbol().equals(t.text())) {
                return op;
            }
        }
        return null;
    }

    private Expr sum() {
        Expr left = product();
        while (peek().is("+") || peek().is("-")) {
            Token op = take();
            left = at(op, new Bin(op.is("+") ? BinOp.ADD : BinOp.SUB, left, product()));
        }
        return left;
    }

    private Expr product() {
        Expr left = unary();
        while (peek().is("*") || peek().is("/")) {
            Token op = take();
            left = at(op, new Bin(op.is("*") ? BinOp.MUL : BinOp.DIV, left, unary()));
        }
        return left;
    }

    private Expr unary() {
        if (peek().is("-")) {
            Token minus = take();
            Token after = peek();
            if (after.kind() == Kind.NUMBER && !isPower(tokens.get(next + 1))) {
                take();
                return at(minus, new Const(-Lexer.value(after)));
            }
            deeper(minus);
            Expr operand = unary();
            depth--;
            return at(minus, new Neg(operand));
        }
        if (peek().is("+")) {
            deeper(take());
            Expr operand = unary();
            depth--;
            return operand;
        }
        return power();
    }

    private static boolean isPower(Token t) {
        return t.is("^") || t.is("**");
    }

    private Expr power() {
        Expr base = atom();
        if (isPower(peek())) {
            Token op = take();
            deeper(op);
            Expr exponent = unary();
            depth--;
            return at(op, new Bin(BinOp.POW, base, exponent));
        }
        return base;
    }

    private Expr atom() {
        Token t = take();
        switch (t.kind()) {
            case NUMBER:
                return at(t, new Const(Lexer.value(t)));
            case IDENT:
                if (isKeyword(t.text())) {
                    throw error(t, "'" + t.text() + "' cannot start an operand; write an expression before it");
                }
                return peek().is("(") ? call(t) : at(t, new Var(t.text()));
            case SYMBOL:
                if (t.is("(")) {
                    deeper(t);
                    Expr inner = or();
                    expect(")", "to close the '(' at column " + t.column());
                    depth--;
                    return inner;
                }
                throw error(t, "expected a number, a name or '(', found " + describe(t));
            default:
                throw error(t, "the expression ends too early; expected a number, a name or '('");
        }
    }

    private Expr call(Token name) {
        deeper(take());
        List<Expr> args = new ArrayList<>();
        if (!peek().is(")")) {
            do {
                args.add(or());
            } while (accept(","));
        }
        expect(")", "to close the arguments of " + name.text() + "(");
        depth--;
        if (name.text().equals("where")) {
            requireArity(name, "where", args, 3);
            return at(name, new Where(args.get(0), args.get(1), args.get(2)));
        }
        if (name.text().equals("clip")) {
            // Brian2's clip(x, low, high), written with the IR's min and max
            requireArity(name, "clip", args, 3);
            return at(name, new Call(Fn.MIN, List.of(at(name, new Call(Fn.MAX, List.of(args.get(0), args.get(1)))),
                    args.get(2))));
        }
        if (name.text().equals("rand") || name.text().equals("randn")) {
            // a draw: a name no identifier can take, bound only where draws are made
            requireArity(name, name.text(), args, 0);
            return at(name, new Var(name.text().equals("rand") ? RAND : RANDN));
        }
        Fn fn = function(name.text());
        if (fn == null) {
            throw new UnknownFunctionException(line, name.column(), name.text());
        }
        requireArity(name, fn.label(), args, fn.arity());
        return at(name, new Call(fn, args));
    }

    private void requireArity(Token name, String label, List<Expr> args, int arity) {
        if (args.size() != arity) {
            throw error(name, label + "() takes " + arity + " argument" + (arity == 1 ? "" : "s") + ", not " + args.size()
                    + "; give " + arity);
        }
    }

    private static Fn function(String name) {
        for (Fn fn : Fn.values()) {
            if (fn.label().equals(name)) {
                return fn;
            }
        }
        return null;
    }

    private static boolean isKeyword(String word) {
        return word.equals("and") || word.equals("or") || word.equals("not");
    }

    static String describe(Token t) {
        return switch (t.kind()) {
            case END -> "the end of the line";
            case NUMBER -> "number " + t.text();
            default -> "'" + t.text() + "'";
        };
    }
}
