package org.brainj.api.integrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;

/**
 * Writes the step program of a population: the scheme of the chosen method run in expressions
 * ({@link Symbols}), so stage values become temporaries by substitution, then each variable's
 * new value into a temporary, then the state assignments last (so no right-hand side sees a
 * value of this step). Noise is one {@link RandomDraw} per standard normal the method draws,
 * on streams {@code firstStream + j}, scaled by {@code sqrt(dt)} in the body: element {@code e}
 * of the population gets the numbers of {@link Sdeint} with {@code element(e)}.
 */
public final class StepPrograms {
    private StepPrograms() {
    }

    /** The step program of an ODE system under the ODE method {@code method} (fixed step). */
    public static StepProgram ode(DifferentialSystem system, String method) {
        if (system.isStochastic()) {
            throw new BrainJException("the equations of " + system.variables() + " have noise terms " + system.noises()
                    + "; write their step program with an SDE method (sde)");
        }
        OdeScheme scheme = OdeMethods.of(method);
        Symbols ar = symbols(system);
        List<Expr> next = scheme.step(ar, new SymbolicField(system), new Expr.Var("t"), state(system),
                new Expr.Var("dt"));
        return program(ar, system, next, List.of());
    }

    /** The step program of an SDE system under the SDE method {@code method}, which must support it. */
    public static StepProgram sde(DifferentialSystem system, String method, SdeType type, int firstStream) {
        if (!system.isStochastic()) {
            throw new BrainJException("the equations of " + system.variables() + " have no noise term; write their "
                    + "step program with an ODE method (ode)");
        }
        SdeMethod m = SdeMethods.of(method);
        m.check(type, system.wienerType());
        Symbols ar = symbols(system);
        List<RandomDraw> draws = new ArrayList<>();
        for (int j = 0; j < m.scheme().draws(system.noises().size()); j++) {
            draws.add(new RandomDraw(ar.fresh("normal" + j), RandomDraw.Distribution.NORMAL, firstStream + j));
        }
        Noise<Expr> noise = j -> new Expr.Var(draws.get(j).name());
        List<Expr> next = m.scheme().step(ar, new SymbolicField(system), new Expr.Var("t"), state(system),
                new Expr.Var("dt"), noise, type);
        return program(ar, system, next, draws);
    }

    private static Symbols symbols(DifferentialSystem system) {
        Set<String> reserved = new HashSet<>(system.variables());
        reserved.addAll(system.parameters());
        reserved.addAll(system.noises());
        reserved.addAll(Equations.TIME);
        return new Symbols(reserved);
    }

    private static List<Expr> state(DifferentialSystem system) {
        return system.variables().stream().<Expr>map(Expr.Var::new).toList();
    }

    private static StepProgram program(Symbols ar, DifferentialSystem system, List<Expr> next,
                                       List<RandomDraw> draws) {
        List<String> variables = system.variables();
        List<String> temporaries = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            String tmp = ar.fresh(variables.get(i) + "_new");
            ar.assign(tmp, next.get(i));
            temporaries.add(tmp);
        }
        for (int i = 0; i < variables.size(); i++) {
            ar.assign(variables.get(i), new Expr.Var(temporaries.get(i)));
        }
        Set<String> params = new HashSet<>(system.parameters());
        ar.propagators().forEach(p -> p.entries().forEach(e -> params.add(e.parameter())));
        return new StepProgram(ar.body(), Set.copyOf(variables), params, draws, null, ar.propagators());
    }
}
