package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainj.examples.Coba;
import org.junit.jupiter.api.Test;

/**
 * What a COBA step costs the device, counted: the group's step program, the three launches that
 * list its spikes, and one gather per projection (excitatory and inhibitory), with nothing
 * staged to the host but what the spike monitor reads. A delivery that went through the host or
 * launched once per row would show here.
 */
@RequiresOpenCL
class LaunchesPerStepTest {
    @Test
    void aCobaStepIsTheGroupsStepItsSpikeListAndOneGatherPerProjection() {
        AparapiBackend backend = new AparapiBackend();
        Coba coba = new Coba(backend, 1);
        // the runtime's finite-state check (a reduction per state variable every 50 steps) is no delivery
        coba.network().checkFiniteEvery(1_000_000).run(5);
        // two runs, of 100 and 200 steps: their difference is 100 steps without what a run costs once
        long once = computeLaunches(backend, coba, 10);
        long twice = computeLaunches(backend, coba, 20);
        assertEquals(6 * 100, twice - once, "launches other than reads in 100 steps");
    }

    private static long computeLaunches(AparapiBackend backend, Coba coba, double duration) {
        Device device = backend.device();
        long launches = device.launches();
        long reads = device.reads();
        coba.network().run(duration);
        return device.launches() - launches - (device.reads() - reads);
    }
}
