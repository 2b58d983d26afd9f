package org.brainj.api.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.measure.Unit;
import org.brainj.api.UnknownNameException;
import org.brainj.api.expr.Expr;
import org.brainj.api.sim.NeuronGroup;
import org.brainj.api.sim.SynapseModel;
import org.brainj.api.spi.ParamSpec;

/**
 * A synapse model of a library ({@code STDP}, {@code STP}, {@code NMDA}, ...) offered as a
 * service under {@value #NAME_PROPERTY}, so spec files can use it by name. Its text is written
 * once, against two names that stand for variables of whatever groups it connects: the
 * post-synaptic variable it acts on ({@link #target()}, e.g. {@code g_post}) and the groups'
 * membrane potential ({@link #membrane()}, e.g. {@code v_pre}, {@code v_post}); {@link #compile}
 * binds them to the groups' own names.
 */
public interface SynapseModelFactory {
    /** The service property that carries a synapse model's name. */
    String NAME_PROPERTY = "synapse.name";

    String name();

    /** The parameters with units (as the text uses them), defaults and meanings. */
    List<ParamSpec> parameters();

    /** The name its text gives the post-synaptic variable it acts on, with the unit that variable has. */
    Port target();

    /** The name its text gives the groups' membrane potential, or null when it reads none. */
    Port membrane();

    /**
     * Whether its effect on the target is a {@code (summed)} value set every step (a current of
     * a receptor or gap junction) rather than increments at spikes.
     */
    boolean summed();

    /** A name of the text bound to a group's variable: the unit the text expects of it. */
    record Port(String name, Unit<?> unit) {
    }

    /**
     * The groups' variables it is compiled against: each group's variables with their units
     * (null where a group's model does not say, as for a catalog model computing in the
     * coherent system), and the names its ports stand for.
     *
     * @param target       the post-synaptic variable the target port stands for
     * @param preMembrane  the pre-synaptic group's membrane potential, or null
     * @param postMembrane the post-synaptic group's membrane potential, or null
     */
    record Groups(Map<String, Unit<?>> pre, Map<String, Unit<?>> post, String target, String preMembrane,
                  String postMembrane) {
    }

    /**
     * The model compiled for one projection.
     *
     * @param synapse the model run by {@link org.brainj.api.sim.Synapses}, its ports renamed to the groups' variables
     * @param initial each per-synapse variable's initial value, an expression of the parameters,
     *                {@code i}, {@code j} and {@code rand()} in the coherent system
     */
    record Compiled(CompiledSynapse synapse, Map<String, Expr> initial) {
    }

    /**
     * Compiles the model for projection {@code name} with {@code params} (numbers in the units
     * {@link #parameters()} lists) overriding the defaults; unknown names are refused.
     */
    Compiled compile(String name, Map<String, ?> params, Groups groups);

    /**
     * The model compiled as a {@link org.brainj.api.sim.Projection.Builder#synapse projection's
     * synapse} onto {@code post}: its summed value driving the group's synaptic current symbol
     * through {@code output} (null: as written, the weight a current), with {@code params} and
     * {@code outputParams} (numbers in the units their {@code parameters()} list) overriding the
     * defaults. The group's variables are read as numbers in the coherent system.
     */
    default SynapseModel onto(NeuronGroup post, Map<String, ?> params, OutputModelFactory output,
                              Map<String, ?> outputParams) {
        String current = post.model().current();
        if (current == null) {
            throw new ModelTextException("synapse", name(), 0, 0, "the model of " + post.name() + " has no synaptic"
                    + " current symbol for " + name() + " to drive; declare one or target a variable", null);
        }
        Map<String, Unit<?>> vars = new LinkedHashMap<>();
        post.variables().forEach(x -> vars.put(x, null));
        String membrane = post.model().membrane();
        Compiled c = compile(post.name(), params, new Groups(Map.of(), vars, current, null, membrane));
        if (output != null) {
            c = output.drive(c, outputParams, current, membrane, WEIGHT);
        }
        return c.synapse().model();
    }

    /** The per-synapse variable that carries a library synapse's weight, which a projection's weights set. */
    String WEIGHT = "w";

    /** The factory named {@code name} on a plain classpath; an unknown name lists the close ones. */
    static SynapseModelFactory named(String name, ClassLoader loader) {
        List<SynapseModelFactory> all = onClasspath(loader);
        return all.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                new UnknownNameException("synapse model", name, all.stream().map(SynapseModelFactory::name).toList()));
    }

    /** Many factories from one service on a plain classpath (see {@link org.brainj.api.sim.NeuronModelFactory.Provider}). */
    interface Provider {
        List<SynapseModelFactory> synapses();
    }

    /** The factories on a plain classpath: each {@code SynapseModelFactory} service and every provider's. */
    static List<SynapseModelFactory> onClasspath(ClassLoader loader) {
        List<SynapseModelFactory> found = new ArrayList<>();
        ServiceLoader.load(SynapseModelFactory.class, loader).forEach(found::add);
        ServiceLoader.load(Provider.class, loader).forEach(p -> found.addAll(p.synapses()));
        return found;
    }
}
