package org.brainj.api.sim;

/**
 * Neurons that can be a projection's source or target or a monitor's subject: a whole
 * {@link NeuronGroup}, or a contiguous view of one ({@code E[0:100]} is {@code E.view(0, 100)}).
 */
public sealed interface Population permits NeuronGroup, GroupView {

    /** The group these neurons belong to. */
    NeuronGroup group();

    /** The index in {@link #group()} of this population's first neuron. */
    int offset();

    int size();

    /** A name for messages and schedules ({@code E}, {@code E[0:100]}). */
    String name();

    /** This population followed by {@code other} ({@code E + I}). */
    default Union plus(Population other) {
        return Union.of(this, other);
    }

    /** Neurons {@code [from, to)} of this population. */
    default Population view(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new SimulationException("view [" + from + ":" + to + "] of " + name() + " is outside its "
                    + size() + " neurons; use 0 <= from < to <= " + size());
        }
        return new GroupView(group(), offset() + from, offset() + to);
    }
}
