package org.brainj.api.sim;

import org.brainj.api.tensor.Backend;

/**
 * Records during runs. A monitor copies what it watches into a batch on the backend each
 * recorded step and moves a whole batch to the host at once, so runs make no per-step host
 * transfers for recording.
 */
public sealed interface Monitor permits StateMonitor, SpikeMonitor {
    /** The monitor's name in schedules ({@code E.V}, {@code E.spike}). */
    String name();

    /** What it watches (one population, or the parts of a union). */
    java.util.List<Population> subjects();

    /** Allocates the batch on the backend; the groups are built. */
    void build(Backend backend);

    /** Records at step {@code step} (state before the update, spikes after it), if this monitor records then. */
    void record(long step);

    /** Moves what is still in the batch to the host. */
    void flush();

    /** Forgets everything recorded (network reset). */
    void clear();
}
