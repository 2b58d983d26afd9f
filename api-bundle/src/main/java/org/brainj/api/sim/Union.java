package org.brainj.api.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Populations taken together, in order (the reference's {@code E + I}): a monitor subject
 * ({@link Network#spikes(Union)}) and a projection end ({@link Projection#between}). Neuron
 * {@code k} of a union is neuron {@code k - offset} of the part it falls in.
 */
public record Union(List<Population> parts) {
    public Union {
        if (parts.isEmpty()) {
            throw new SimulationException("a union needs at least one population");
        }
        parts = List.copyOf(parts);
    }

    public static Union of(Population... parts) {
        return new Union(List.of(parts));
    }

    /** This union followed by {@code more}. */
    public Union plus(Population more) {
        List<Population> all = new ArrayList<>(parts);
        all.add(more);
        return new Union(all);
    }

    public int size() {
        return parts.stream().mapToInt(Population::size).sum();
    }

    /** The index in this union of the first neuron of part {@code p}. */
    int offsetOf(int p) {
        int offset = 0;
        for (int k = 0; k < p; k++) {
            offset += parts.get(k).size();
        }
        return offset;
    }

    public String name() {
        return String.join(" + ", parts.stream().map(Population::name).toList());
    }
}
