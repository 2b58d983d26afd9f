package org.brainj.api.program;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.expr.FreeVars;

/**
 * A program run for each synapse of a list, one synapse after the other in the list's order (so
 * that {@code g_post = g_post + w} over synapses onto one neuron adds them all, and of two
 * writes to one neuron's variable the later stays: Brian2's semantics for {@code on_pre}). For
 * synapse {@code s} of pre-synaptic neuron {@code i} and post-synaptic neuron {@code j}, a name
 * of {@code synaptic} is element {@code s} of its tensor, of {@code pre} element {@code i}, of
 * {@code post} element {@code j}; {@code params} are 0-d. The body reads those, locals assigned
 * before, {@code t} and {@code dt}; a target in one of the three sets is written back to its
 * tensor before the next synapse runs, any other target is a local temporary. A program whose
 * body reads a name it never defines, assigns a parameter or time, or gives a name two roles is
 * refused here, with a {@link BindingException} naming it.
 *
 * <p>A draw of {@code noise} is a number per synapse and step, as a step program's are per
 * element ({@link RandomDraw}): for synapse {@code s} in the step of index {@code k}, Philox under
 * the key {@code (seed, stream, counter = k)} at element {@code s}, a uniform being
 * {@code Philox.uniformFloat} when a tensor of a synaptic, pre or post variable is float32. A synapse runs at most once per
 * program and step, so each of its uses of {@code rand()} gets its own number.
 *
 * @param body      the statements, in order
 * @param synaptic  per-synapse variables
 * @param pre       variables of the pre-synaptic neurons, read and written through the pre index
 * @param post      variables of the post-synaptic neurons, through the post index
 * @param params    values shared by all synapses, read only
 * @param noise     the random draws the body reads, by name
 */
public record SynapticProgram(List<Assign> body, Set<String> synaptic, Set<String> pre, Set<String> post,
                              Set<String> params, List<RandomDraw> noise) {
    public SynapticProgram {
        body = List.copyOf(body);
        synaptic = Set.copyOf(synaptic);
        pre = Set.copyOf(pre);
        post = Set.copyOf(post);
        params = Set.copyOf(params);
        noise = List.copyOf(noise);
        Set<String> known = new HashSet<>(Set.of("t", "dt"));
        Set<String> draws = new HashSet<>();
        noise.forEach(d -> draws.add(Objects.requireNonNull(d.name())));
        for (Set<String> role : List.of(synaptic, pre, post, params, draws)) {
            for (String name : role) {
                if (!known.add(name)) {
                    throw new BindingException("'" + name + "' has two roles in the synaptic program (or is time); give"
                            + " each variable one role");
                }
            }
        }
        for (int n = 0; n < body.size(); n++) {
            Assign a = body.get(n);
            for (String read : FreeVars.of(a.value())) {
                if (!known.contains(read)) {
                    throw new BindingException("statement " + (n + 1) + " of the synaptic program (" + a.target()
                            + " = ...) reads '" + read + "', which is no variable of the program and no earlier"
                            + " statement assigns; known: " + new TreeSet<>(known));
                }
            }
            if (params.contains(a.target()) || a.target().equals("t") || a.target().equals("dt")) {
                throw new BindingException("statement " + (n + 1) + " of the synaptic program assigns '" + a.target()
                        + "', which is read-only (a parameter or time)");
            }
            if (draws.contains(a.target())) {
                throw new BindingException("statement " + (n + 1) + " of the synaptic program assigns the random draw '"
                        + a.target() + "'; give the temporary another name");
            }
            known.add(a.target());
        }
    }

    /** A program that draws no random numbers. */
    public SynapticProgram(List<Assign> body, Set<String> synaptic, Set<String> pre, Set<String> post,
                           Set<String> params) {
        this(body, synaptic, pre, post, params, List.of());
    }
}
