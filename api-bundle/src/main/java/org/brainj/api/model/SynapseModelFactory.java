package org.brainj.api.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import javax.measure.Unit;
import org.brainj.api.expr.Expr;
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
