package org.brainj.backend.conformance;

import org.brainj.api.tensor.Backend;
import org.junit.jupiter.api.Nested;

/**
 * The whole conformance kit in one class: extend it in a backend's tests and implement
 * {@link #backend()} (and {@link #secondBackend()} where two instances can differ). Each part
 * runs as a nested group; a backend may also extend a part ({@link CreationContract},
 * {@link ElementwiseContract}, ...) on its own.
 *
 * <pre>{@code
 * class MyBackendConformanceTest extends BackendConformanceTest {
 *     private final Backend backend = new MyBackend();
 *     protected Backend backend() { return backend; }
 * }
 * }</pre>
 *
 * {@code backend()} must return the same instance throughout one test.
 */
public abstract class BackendConformanceTest {
    /** The backend under test. */
    protected abstract Backend backend();

    /** A second instance for transfers between backends; by default {@link #backend()}. */
    protected Backend secondBackend() {
        return backend();
    }

    @Nested
    class Creation extends CreationContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class Elementwise extends ElementwiseContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class Reductions extends ReductionContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class Random extends RandomContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class Events extends EventContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class EventLists extends EventListContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class CustomOps extends CustomOpContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class Transfers extends TransferContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }

        @Override
        protected Backend secondBackend() {
            return BackendConformanceTest.this.secondBackend();
        }
    }

    @Nested
    class Synaptic extends SynapticContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class TimeConventions extends TimeConventionContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class ExactPropagators extends ExactPropagatorContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }

    @Nested
    class Errors extends ErrorContract {
        @Override
        protected Backend backend() {
            return BackendConformanceTest.this.backend();
        }
    }
}
