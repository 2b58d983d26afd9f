package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainj.examples.Coba;
import org.junit.jupiter.api.Test;

/**
 * What a COBA step costs the device, counted: the group's step program, the three launches that
 * list its spikes, one gather per projection (excitatory and inhibitory) and the spike monitor's
 * append of the list to its log, with no transfer between host and device: geometry blocks stay
 * on the device and the monitor reads its log back once per run here. A delivery that went
 * through the host, launched once per row, or a geometry uploaded per launch would show here.
 */
@RequiresOpenCL
class LaunchesPerStepTest {
    @Test
    void aCobaStepIsSevenLaunchesAndNoTransfer() {
        AparapiBackend backend = new AparapiBackend();
        Coba coba = new Coba(backend, 1);
        // the runtime's finite-state check (a reduction per state variable every 50 steps) is no delivery
        coba.network().checkFiniteEvery(1_000_000).run(5);
        // two runs, of 100 and 200 steps, each ending in one read-back of the monitor's log (its
        // 256 steps' room is not filled): their difference is 100 steps without what a run costs once
        long[] once = cost(backend, coba, 10);
        long[] twice = cost(backend, coba, 20);
        assertEquals(7 * 100, twice[0] - once[0], "launches in 100 steps");
        assertEquals(0, twice[1] - once[1], "transfers in 100 steps");
    }

    /** The launches and the transfers of a run of {@code duration}. */
    private static long[] cost(AparapiBackend backend, Coba coba, double duration) {
        Device device = backend.device();
        long launches = device.launches();
        long transfers = device.transfers();
        coba.network().run(duration);
        return new long[] {device.launches() - launches, device.transfers() - transfers};
    }
}
