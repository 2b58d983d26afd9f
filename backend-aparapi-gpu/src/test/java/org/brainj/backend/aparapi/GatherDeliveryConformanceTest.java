package org.brainj.backend.aparapi;

import org.brainj.api.tensor.Backend;
import org.brainj.backend.conformance.EventContract;
import org.brainj.backend.conformance.EventListContract;
import org.junit.jupiter.api.Nested;

/**
 * The conformance kit's delivery contracts with deliveries gathered per post-synaptic neuron
 * (the GPU cut), which a CPU device such as PoCL would otherwise not run: the whole kit
 * (AparapiBackendConformanceTest) runs the device's own cut.
 */
@RequiresOpenCL
class GatherDeliveryConformanceTest {
    private static final AparapiBackend BACKEND = new AparapiBackend();

    static {
        BACKEND.device().spread(Device.Spread.GATHER);
    }

    @Nested
    class Events extends EventContract {
        @Override
        protected Backend backend() {
            return BACKEND;
        }
    }

    @Nested
    class EventLists extends EventListContract {
        @Override
        protected Backend backend() {
            return BACKEND;
        }
    }
}
