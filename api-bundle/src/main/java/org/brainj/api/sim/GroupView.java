package org.brainj.api.sim;

/** Neurons {@code [from, to)} of a group; shares the group's state, nothing is copied. */
public record GroupView(NeuronGroup group, int from, int to) implements Population {
    @Override
    public int offset() {
        return from;
    }

    @Override
    public int size() {
        return to - from;
    }

    @Override
    public String name() {
        return group.name() + "[" + from + ":" + to + "]";
    }
}
