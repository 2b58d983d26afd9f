package org.brainj.backend.cpu.codegen;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.program.Assign;
import org.brainj.api.program.BindingException;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;

/** Which variable is what, and the checks that need only the program. */
final class Layout {
    final List<String> tensorNames = new ArrayList<>();
    final int stateCount;

    Layout(StepProgram program) {
        List<String> state = new ArrayList<>(new TreeSet<>(program.state()));
        List<String> params = new ArrayList<>(new TreeSet<>(program.params()));
        stateCount = state.size();
        tensorNames.addAll(state);
        tensorNames.addAll(params);
        if (state.isEmpty()) {
            throw new BindingException("the step program has no state variable; a step updates at least one");
        }
        Set<String> known = new HashSet<>(Set.of("t", "dt"));
        for (String name : tensorNames) {
            requireNew(name, known, "state variable or parameter");
        }
        for (RandomDraw draw : program.noise()) {
            requireNew(draw.name(), known, "random draw");
        }
        for (int i = 0; i < program.body().size(); i++) {
            Assign a = program.body().get(i);
            for (String read : FreeVars.of(a.value())) {
                if (!known.contains(read)) {
                    throw new BindingException("statement " + (i + 1) + " of the step program (" + a.target()
                            + " = ...) reads '" + read + "', which is no state variable, parameter, random draw, t or dt,"
                            + " and no earlier statement assigns; known: " + new TreeSet<>(known));
                }
            }
            if (program.params().contains(a.target())) {
                throw new BindingException("statement " + (i + 1) + " of the step program assigns parameter '"
                        + a.target() + "'; parameters are read-only, make it a state variable");
            }
            if (a.target().equals("t") || a.target().equals("dt")
                    || program.noise().stream().anyMatch(d -> d.name().equals(a.target()))) {
                throw new BindingException("statement " + (i + 1) + " of the step program assigns '" + a.target()
                        + "', which is time or a random draw; assign another name");
            }
            known.add(a.target());
        }
    }

    private static void requireNew(String name, Set<String> known, String role) {
        if (!known.add(name)) {
            throw new BindingException("'" + name + "' is a " + role + " of the step program but also "
                    + ("t".equals(name) || "dt".equals(name) ? "time" : "another state variable, parameter or draw")
                    + "; give each its own name");
        }
    }
}
