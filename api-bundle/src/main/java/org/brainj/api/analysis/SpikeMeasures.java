package org.brainj.api.analysis;

import java.util.List;
import java.util.Map;
import org.brainj.api.sim.SpikeMonitor;

/**
 * The reference's measures of spike trains ({@code brainpy.measure}) by name, for specs and
 * sweeps that name them: a service of the analysis bundle, and on a plain classpath found through
 * {@link java.util.ServiceLoader} ({@code META-INF/services}).
 */
public interface SpikeMeasures {
    /** Each measure's name with the names of the parameters it takes (times in ms), e.g. {@code cross_correlation: [bin]}. */
    Map<String, List<String>> names();

    /**
     * Measure {@code name} of what {@code spikes} recorded over {@code steps} steps of {@code dt}
     * (ms) from time 0; an unknown name or a missing parameter is a
     * {@link org.brainj.api.BrainJException} that lists the known ones.
     */
    double of(String name, SpikeMonitor spikes, double dt, long steps, Map<String, Double> parameters);
}
