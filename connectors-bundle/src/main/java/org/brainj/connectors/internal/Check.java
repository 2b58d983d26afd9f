package org.brainj.connectors.internal;

import org.brainj.api.connect.Geometry;
import org.brainj.api.connect.GeometryException;
import org.brainj.api.spi.InvalidParameterException;

/** Parameter and geometry checks shared by the connectors; each failure names the fix. */
public final class Check {
    private Check() {
    }

    public static double probability(String owner, String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new InvalidParameterException(owner, name, p, "give a probability in [0, 1]");
        }
        return p;
    }

    public static int nonNegative(String owner, String name, int v) {
        if (v < 0) {
            throw new InvalidParameterException(owner, name, v, "give a number >= 0");
        }
        return v;
    }

    public static int positive(String owner, String name, int v) {
        if (v < 1) {
            throw new InvalidParameterException(owner, name, v, "give a number >= 1");
        }
        return v;
    }

    public static double positive(String owner, String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidParameterException(owner, name, v, "give a finite number > 0");
        }
        return v;
    }

    public static double finite(String owner, String name, double v) {
        if (!Double.isFinite(v)) {
            throw new InvalidParameterException(owner, name, v, "give a finite number");
        }
        return v;
    }

    /** For rules defined on one population (BrainPy's one-end connectors): pre and post sizes agree. */
    public static int sameSize(String owner, Geometry pre, Geometry post) {
        if (pre.size() != post.size()) {
            throw new GeometryException(owner + " connects neurons to the same position in the other population, so"
                    + " both need the same size; got pre " + pre + " (" + pre.size() + " neurons) and post " + post
                    + " (" + post.size() + " neurons): give populations of equal size");
        }
        return pre.size();
    }

    /** For rules on sheets: pre and post have the same geometry of rank 1 or 2. */
    public static void sameSheet(String owner, Geometry pre, Geometry post) {
        if (!pre.equals(post)) {
            throw new GeometryException(owner + " needs the same geometry for pre and post; got " + pre + " and "
                    + post + ": give both populations the same shape");
        }
        rank2(owner, pre);
    }

    public static void rank2(String owner, Geometry g) {
        if (g.rank() > 2) {
            throw new GeometryException(owner + " works on lines (n) and sheets (height, width); got " + g
                    + ": reshape the population to one or two dimensions");
        }
    }

    /** The most synapses one connectivity holds: int32 ids, less the JVM's array header reserve. */
    public static final int MAX_SYNAPSES = Integer.MAX_VALUE - 8;

    /** The total a rule would create, refused when it exceeds what int32 synapse ids address. */
    public static int synapseCount(String owner, long count) {
        if (count > MAX_SYNAPSES) {
            throw new org.brainj.api.connect.ConnectivityTooLargeException(owner + " would create " + count
                    + " synapses, more than int32 synapse ids address (" + MAX_SYNAPSES
                    + "); split the projection or lower its density");
        }
        return (int) count;
    }

    /** The next capacity of a growing synapse array holding {@code size}: doubled, up to the limit. */
    public static int grownCapacity(int size) {
        synapseCount("connector", size + 1L);
        return (int) Math.min(2L * size, MAX_SYNAPSES);
    }
}
