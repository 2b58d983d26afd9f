package org.brainj.api.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.measure.Unit;
import org.brainj.api.expr.Statement.Kind;

/**
 * A model's equations, parsed from Brian2-style text (see {@link #parse}): differential equations
 * for its state variables, subexpressions, and per-element parameters, in the order written.
 * Noise terms are variables named {@code xi} or {@code xi_...}; each differential equation
 * splits into a drift and one diffusion coefficient per noise term. Text may read units and
 * quantities as Brian2 users write them ({@code (-V + 10*mV) / tau}, {@code 1/ms}) and
 * {@code pi} and {@code e}: {@link #checkUnits} or {@link #checkUnitless} resolves them
 * (Brian2's namespace rule: declared names and parameters shadow them) and returns equations
 * where they are numbers, which are the ones to integrate.
 */
public record Equations(List<Statement> statements) {
    /** Time and the step, readable in every equation (unit: second). */
    public static final Set<String> TIME = Set.of("t", "dt");

    public Equations {
        statements = List.copyOf(statements);
        Map<String, Statement> seen = new HashMap<>();
        for (Statement s : statements) {
            Statement earlier = seen.putIfAbsent(s.variable(), s);
            if (earlier != null) {
                throw new EquationSyntaxException(s.line(), s.column(), "'" + s.variable() + "' is declared twice, "
                        + "here and on line " + earlier.line() + "; keep one declaration");
            }
        }
        for (Statement s : statements) {
            if (s.kind() == Kind.DIFFERENTIAL) {
                NoiseTerms.requireLinear(s);
            } else if (s.kind() == Kind.SUBEXPRESSION && !noiseIn(s.rhs()).isEmpty()) {
                String xi = noiseIn(s.rhs()).get(0);
                throw new EquationSyntaxException(s.line(), s.positions().column(firstVar(s.rhs(), xi)),
                        "noise term '" + xi + "' in subexpression " + s.variable()
                                + "; noise belongs in differential equations, write it there");
            }
        }
        findSubexpressionCycle(statements);
    }

    /** Parses equation text; errors carry the line and column of the fault. */
    public static Equations parse(String text) {
        return parse(Source.of(text));
    }

    /** Parses equation text written at {@code source}'s place; errors carry the user's line and column. */
    public static Equations parse(Source source) {
        return new Equations(EquationParser.parse(source));
    }

    /**
     * Parses a condition such as a threshold ({@code v > v_th}) as a statement named
     * {@code name} of unit 1, to check it together with equations ({@link #with}).
     */
    public static Statement parseCondition(Source source, String name) {
        return EquationParser.condition(source, name);
    }

    /** Parses assignments such as a reset ({@code v = v_r; w += b}), one a line or separated by {@code ;}. */
    public static List<Assignment> parseAssignments(Source source) {
        return EquationParser.assignments(source);
    }

    /** These equations and {@code more} statements, e.g. a threshold to check with them. */
    public Equations with(Collection<Statement> more) {
        List<Statement> all = new ArrayList<>(statements);
        all.addAll(more);
        return new Equations(all);
    }

    /** Whether {@code name} is a noise term: {@code xi} or {@code xi_<suffix>}. */
    public static boolean isNoise(String name) {
        return name.equals("xi") || name.startsWith("xi_");
    }

    /** The state variables (those with a differential equation), in the order written. */
    public List<String> stateVariables() {
        return ofKind(Kind.DIFFERENTIAL).stream().map(Statement::variable).toList();
    }

    public List<Statement> ofKind(Kind kind) {
        return statements.stream().filter(s -> s.kind() == kind).toList();
    }

    /** The statement declaring {@code variable}; an {@link org.brainj.api.UnknownNameException} lists the declared names otherwise. */
    public Statement statement(String variable) {
        return statements.stream().filter(s -> s.variable().equals(variable)).findFirst()
                .orElseThrow(() -> new org.brainj.api.UnknownNameException("variable", variable, declared()));
    }

    /** The names the equations declare, in order. */
    public Set<String> declared() {
        Set<String> names = new LinkedHashSet<>();
        statements.forEach(s -> names.add(s.variable()));
        return names;
    }

    /** Every identifier read by a right-hand side, in order of first appearance. */
    public Set<String> identifiers() {
        Set<String> names = new LinkedHashSet<>();
        statements.stream().filter(s -> s.rhs() != null).forEach(s -> names.addAll(FreeVars.of(s.rhs())));
        return names;
    }

    /** The noise terms read anywhere, in order of first appearance. */
    public List<String> noiseTerms() {
        return identifiers().stream().filter(Equations::isNoise).toList();
    }

    public boolean isStochastic() {
        return !noiseTerms().isEmpty();
    }

    /**
     * The identifiers read but not declared, other than time, noise and constants: what the
     * model must be given. A constant name ({@code mV}, {@code pi}) is left out, as it means the
     * constant unless a parameter of that name is given.
     */
    public Set<String> externals() {
        Set<String> names = new LinkedHashSet<>(identifiers());
        names.removeAll(declared());
        names.removeAll(TIME);
        names.removeIf(Equations::isNoise);
        names.removeIf(Namespace::isConstant);
        return names;
    }

    /** {@code e} with every subexpression replaced by its definition, recursively. */
    public Expr resolve(Expr e) {
        Map<String, Expr> definitions = new HashMap<>();
        ofKind(Kind.SUBEXPRESSION).forEach(s -> definitions.put(s.variable(), s.rhs()));
        Expr current = e;
        // subexpressions form no cycle (checked on construction), so this ends within their number
        for (int i = 0; i <= definitions.size(); i++) {
            Expr next = Substitute.of(current, definitions);
            if (next.equals(current)) {
                return current;
            }
            current = next;
        }
        return current;
    }

    /** The right-hand side of {@code dX/dt}, subexpressions substituted. */
    public Expr derivative(String variable) {
        return resolve(differential(variable).rhs());
    }

    /** The deterministic part f of {@code dX/dt = f + sum_k g_k xi_k}. */
    public Expr drift(String variable) {
        Expr rhs = derivative(variable);
        Map<String, Expr> zero = new HashMap<>();
        noiseIn(rhs).forEach(xi -> zero.put(xi, new Expr.Const(0)));
        return Simplify.of(Substitute.of(rhs, zero));
    }

    /** The coefficient g_k of each noise term xi_k in {@code dX/dt}, in order of appearance. */
    public Map<String, Expr> diffusion(String variable) {
        Expr rhs = derivative(variable);
        Map<String, Expr> g = new LinkedHashMap<>();
        for (String xi : noiseIn(rhs)) {
            g.put(xi, Derivative.of(rhs, xi));
        }
        return g;
    }

    /**
     * Checks that every differential equation is for one of {@code declaredStates}, as when a
     * model lists its state variables with their initial values.
     */
    public Equations requireDeclared(Collection<String> declaredStates) {
        for (Statement s : ofKind(Kind.DIFFERENTIAL)) {
            if (!declaredStates.contains(s.variable())) {
                throw new UndeclaredDerivativeException(s.line(), s.column(), s.variable(), declaredStates);
            }
        }
        return this;
    }

    /**
     * Checks the equations dimensionally, given the units of the external parameters: every name
     * is defined, {@code dX/dt} has X's unit per second, each subexpression its declared unit,
     * functions get dimensionless arguments, and sums, comparisons and branches agree (a literal
     * {@code 0} agrees with any unit there, as in Brian2). A name that no statement declares and
     * no parameter gives may be a unit ({@code mV}, {@code nS}, {@code ms}; see
     * {@link org.brainj.api.units.PhysicalUnits#inEquations}) or {@code pi} or {@code e}.
     *
     * @return the equations with those constant names replaced by their values in the
     *         {@link org.brainj.api.units.Coherent} system (ms, mV, nA), which is what integrators
     *         and code generators must be given, with parameters in that system too
     */
    public Equations checkUnits(Map<String, ? extends Unit<?>> parameterUnits) {
        Map<String, Unit<?>> constants = requireDefined(parameterUnits.keySet(), true);
        new UnitCheck(this, parameterUnits, constants).run();
        return Namespace.substitute(this, constants.keySet());
    }

    /**
     * Checks only that every name is defined: BrainPy 1.x's unitless style, time in ms. Unit
     * names are errors here ({@link UnitInUnitlessEquationsException}); {@code pi} and {@code e}
     * are their values unless shadowed.
     *
     * @return the equations with {@code pi} and {@code e} replaced by their values
     */
    public Equations checkUnitless(Set<String> parameters) {
        Map<String, Unit<?>> constants = requireDefined(parameters, false);
        return Namespace.substitute(this, constants.keySet());
    }

    /** Checks that every name read is defined; returns the names that are constants, with their units. */
    private Map<String, Unit<?>> requireDefined(Set<String> parameters, boolean withUnits) {
        Set<String> defined = new TreeSet<>(declared());
        defined.addAll(parameters);
        defined.addAll(TIME);
        Map<String, Unit<?>> constants = new LinkedHashMap<>();
        for (Statement s : statements) {
            if (s.rhs() == null) {
                continue;
            }
            for (String name : FreeVars.of(s.rhs())) {
                if (defined.contains(name) || isNoise(name) || constants.containsKey(name)) {
                    continue;
                }
                Unit<?> constant = Namespace.unitOf(name, withUnits);
                if (constant != null) {
                    constants.put(name, constant);
                    continue;
                }
                int column = s.positions().column(firstVar(s.rhs(), name));
                if (Namespace.isConstant(name)) {
                    throw new UnitInUnitlessEquationsException(s.line(), column, name);
                }
                throw new UndefinedSymbolException(s.line(), column, name, defined);
            }
        }
        return constants;
    }

    private Statement differential(String variable) {
        Statement s = statement(variable);
        if (s.kind() != Kind.DIFFERENTIAL) {
            throw new UndeclaredDerivativeException(s.line(), s.column(), variable,
                    "it is a " + s.kind().name().toLowerCase(java.util.Locale.ROOT) + ", not a state variable; state variables: "
                            + String.join(", ", stateVariables()));
        }
        return s;
    }

    static Expr firstVar(Expr e, String name) {
        if (e instanceof Expr.Var v && v.name().equals(name)) {
            return e;
        }
        for (Expr c : Exprs.children(e)) {
            Expr found = firstVar(c, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    static List<String> noiseIn(Expr e) {
        return FreeVars.of(e).stream().filter(Equations::isNoise).toList();
    }

    private static void findSubexpressionCycle(List<Statement> statements) {
        Map<String, Statement> subs = new HashMap<>();
        statements.stream().filter(s -> s.kind() == Kind.SUBEXPRESSION).forEach(s -> subs.put(s.variable(), s));
        Set<String> done = new HashSet<>();
        for (String name : subs.keySet()) {
            visit(name, subs, new ArrayList<>(), done);
        }
    }

    private static void visit(String name, Map<String, Statement> subs, List<String> path, Set<String> done) {
        if (done.contains(name)) {
            return;
        }
        if (path.contains(name)) {
            Statement s = subs.get(name);
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            throw new EquationSyntaxException(s.line(), s.column(), "subexpressions define each other in a cycle: "
                    + String.join(" -> ", cycle) + "; one of them must not read the other");
        }
        path.add(name);
        for (String read : FreeVars.of(subs.get(name).rhs())) {
            if (subs.containsKey(read)) {
                visit(read, subs, path, done);
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
    }
}
