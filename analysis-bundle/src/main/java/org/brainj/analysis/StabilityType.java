package org.brainj.analysis;

/**
 * The stability types of fixed points, with the reference's labels ({@code get_1d_stability_types},
 * {@code get_2d_stability_types}, {@code get_3d_stability_types}).
 */
public enum StabilityType {
    SADDLE_NODE("saddle node", false),
    STABLE_POINT("stable point", true),
    UNSTABLE_POINT("unstable point", false),
    CENTER("center", false),
    STABLE_NODE("stable node", true),
    STABLE_FOCUS("stable focus", true),
    STABLE_STAR("stable star", true),
    CENTER_MANIFOLD("center manifold", false),
    UNSTABLE_NODE("unstable node", false),
    UNSTABLE_FOCUS("unstable focus", false),
    UNSTABLE_STAR("unstable star", false),
    UNSTABLE_LINE("unstable line", false),
    STABLE_DEGENERATE("stable degenerate", true),
    UNSTABLE_DEGENERATE("unstable degenerate", false),
    UNSTABLE_SADDLE("unstable saddle", false),
    SADDLE_FOCUS("saddle focus", false),
    UNKNOWN_3D("unknown 3d", false);

    private final String label;
    private final boolean stable;

    StabilityType(String label, boolean stable) {
        this.label = label;
        this.stable = stable;
    }

    /** The reference's name, e.g. {@code "unstable node"}. */
    public String label() {
        return label;
    }

    /** Whether nearby trajectories stay near and approach the point (asymptotic stability). */
    public boolean isStable() {
        return stable;
    }

    @Override
    public String toString() {
        return label;
    }
}
