package org.brainj.api.sim;

import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.Tensor;

/**
 * How a variable starts: a constant, a random draw (the reference's {@code bp.init.Normal}...),
 * or given values. Random draws use the backend's Philox generator, so every backend starts a
 * seeded network in the same state.
 */
public sealed interface Initializer {

    /** Writes the initial values into {@code out} (one element per neuron). */
    void fill(Backend backend, Tensor out, RandomKey key);

    static Initializer constant(double value) {
        return new Constant(value);
    }

    static Initializer normal(double mean, double std) {
        return new Normal(mean, std);
    }

    static Initializer uniform(double low, double high) {
        return new Uniform(low, high);
    }

    static Initializer values(double... values) {
        return new Values(values.clone());
    }

    record Constant(double value) implements Initializer {
        @Override
        public void fill(Backend backend, Tensor out, RandomKey key) {
            backend.copy(backend.full(out.dtype(), value, out.shape()), out);
        }
    }

    record Normal(double mean, double std) implements Initializer {
        public Normal {
            if (!(std >= 0)) {
                throw new SimulationException("normal initializer: std " + std + " must be >= 0");
            }
        }

        @Override
        public void fill(Backend backend, Tensor out, RandomKey key) {
            backend.normal(key, mean, std, out);
        }
    }

    record Uniform(double low, double high) implements Initializer {
        public Uniform {
            if (!(low <= high)) {
                throw new SimulationException("uniform initializer: low " + low + " must not exceed high " + high);
            }
        }

        @Override
        public void fill(Backend backend, Tensor out, RandomKey key) {
            backend.uniform(key, low, high, out);
        }
    }

    record Values(double[] values) implements Initializer {
        @Override
        public void fill(Backend backend, Tensor out, RandomKey key) {
            if (values.length != out.size()) {
                throw new SimulationException("initial values: " + values.length + " given for a group of "
                        + out.size() + " neurons; give one value per neuron");
            }
            backend.copy(backend.astype(backend.asTensor(values), out.dtype(), null), out);
        }
    }
}
