package org.brainj.api.sim.nest;

import java.util.ArrayList;
import java.util.List;
import org.brainj.api.sim.SimulationException;

/**
 * NEST's NodeCollection: neurons of one or more created populations, in order. {@link #plus}
 * joins collections ({@code nodes_ex + nodes_in}), {@link #slice} takes {@code nodes[:N]}.
 */
public final class Nodes {
    /** A contiguous range of one created population. */
    record Part(Simulator.Population population, int from, int to) {
        int size() {
            return to - from;
        }
    }

    private final List<Part> parts;

    Nodes(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    List<Part> parts() {
        return parts;
    }

    public int size() {
        return parts.stream().mapToInt(Part::size).sum();
    }

    /** These nodes followed by {@code other}'s. */
    public Nodes plus(Nodes other) {
        List<Part> all = new ArrayList<>(parts);
        all.addAll(other.parts);
        return new Nodes(all);
    }

    /** Nodes {@code [from, to)} of this collection. */
    public Nodes slice(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new SimulationException("slice [" + from + ":" + to + "] of a collection of " + size()
                    + " nodes; use 0 <= from < to <= " + size());
        }
        List<Part> out = new ArrayList<>();
        int at = 0;
        for (Part p : parts) {
            int lo = Math.max(from, at);
            int hi = Math.min(to, at + p.size());
            if (lo < hi) {
                out.add(new Part(p.population(), p.from() + lo - at, p.from() + hi - at));
            }
            at += p.size();
        }
        return new Nodes(out);
    }
}
