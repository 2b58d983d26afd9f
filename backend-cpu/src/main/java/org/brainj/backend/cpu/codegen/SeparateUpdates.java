package org.brainj.backend.cpu.codegen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.expr.FreeVars;
import org.brainj.api.program.Assign;

/**
 * The state updates of a step body that can run in loops of their own after the main loop: a
 * variable whose new value is computed from its own old value, per-element parameters and values
 * shared by all elements only, and which nothing else in the body reads once updated (COBA's
 * {@code ge} and {@code gi}: {@code ge <- ge + dt*(-ge/taue)}, read by the membrane's update as
 * the old value only). Such a loop is plain arithmetic over arrays, which C2 compiles to SIMD
 * instructions by itself, while the main loop, which selects and lists events, stays scalar
 * (C2 vectorises no loop with a branch); each element still gets the same operations on the same
 * values, so the same numbers. The main loop reads the old value before the separate loop writes
 * the new one, as the body's order has it.
 */
final class SeparateUpdates {
    /** The body without the separated statements. */
    final List<Assign> main;
    /** Each separated update: its temporaries in body order, then the state variable's assignment. */
    final List<List<Assign>> separate;

    private SeparateUpdates(List<Assign> main, List<List<Assign>> separate) {
        this.main = main;
        this.separate = separate;
    }

    /**
     * Splits {@code body}.
     *
     * @param state  the state variables (per-element tensors the body may assign)
     * @param draws  the random draws, which stay in the main loop (their batches are drawn there)
     * @param events the variable whose nonzero elements the main loop lists, or null
     */
    static SeparateUpdates of(List<Assign> body, Set<String> state, Set<String> draws, String events) {
        Map<String, Integer> assigned = new HashMap<>();
        Map<String, Integer> definedAt = new HashMap<>();
        for (int s = 0; s < body.size(); s++) {
            assigned.merge(body.get(s).target(), 1, Integer::sum);
            definedAt.put(body.get(s).target(), s);
        }
        boolean[] taken = new boolean[body.size()];
        List<List<Assign>> separate = new ArrayList<>();
        for (int root = 0; root < body.size(); root++) {
            String x = body.get(root).target();
            if (!state.contains(x) || assigned.get(x) != 1 || x.equals(events)) {
                continue;
            }
            TreeSet<Integer> chain = closure(body, root, x, state, draws, assigned, definedAt);
            if (chain == null || chain.stream().anyMatch(s -> taken[s]) || readElsewhere(body, chain, root, x)) {
                continue;
            }
            chain.forEach(s -> taken[s] = true);
            separate.add(chain.stream().map(body::get).toList());
        }
        List<Assign> main = new ArrayList<>();
        for (int s = 0; s < body.size(); s++) {
            if (!taken[s]) {
                main.add(body.get(s));
            }
        }
        // a body all of separable updates is one loop already (and C2 vectorises it as it is)
        if (main.isEmpty() || separate.isEmpty()) {
            return new SeparateUpdates(body, List.of());
        }
        return new SeparateUpdates(main, separate);
    }

    /**
     * The statements {@code root} needs: itself and the temporaries it reads, transitively; null
     * when any of them reads another state variable, a draw, or a temporary assigned more than once.
     */
    private static TreeSet<Integer> closure(List<Assign> body, int root, String x, Set<String> state, Set<String> draws,
                                            Map<String, Integer> assigned, Map<String, Integer> definedAt) {
        TreeSet<Integer> chain = new TreeSet<>();
        List<Integer> open = new ArrayList<>(List.of(root));
        while (!open.isEmpty()) {
            int s = open.remove(open.size() - 1);
            if (!chain.add(s)) {
                continue;
            }
            for (String y : FreeVars.of(body.get(s).value())) {
                if (draws.contains(y) || (state.contains(y) && !y.equals(x))) {
                    return null;
                }
                Integer at = definedAt.get(y);
                if (y.equals(x) || at == null) {
                    continue; // the old value, a parameter or a value shared by all elements
                }
                if (assigned.get(y) != 1 || at > s) {
                    return null;
                }
                open.add(at);
            }
        }
        return chain;
    }

    /** Whether a statement outside {@code chain} reads one of its temporaries, or {@code x} after {@code root} assigned it. */
    private static boolean readElsewhere(List<Assign> body, Set<Integer> chain, int root, String x) {
        Set<String> temporaries = new TreeSet<>();
        chain.forEach(s -> temporaries.add(body.get(s).target()));
        temporaries.remove(x);
        for (int s = 0; s < body.size(); s++) {
            if (chain.contains(s)) {
                continue;
            }
            for (String y : FreeVars.of(body.get(s).value())) {
                if (temporaries.contains(y) || (s > root && y.equals(x))) {
                    return true;
                }
            }
        }
        return false;
    }
}
