package org.brainj.api.sim;

import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;

/**
 * The per-step values of a {@link Noise} on the backend: Philox draws keyed by (seed, stream,
 * step), so every backend draws the same numbers and nothing but the step crosses from the host.
 * The OU state is kept on the backend and carried through the host when the network moves.
 */
final class NoiseDrive {
    private final Noise noise;
    private final Backend backend;
    private long seed;
    private final int stream;
    private final double dt;
    private final long first;
    private final long end;
    /** NEST's interval in steps. */
    private final long interval;
    private final Tensor zero;
    private final Tensor draw;
    private final Tensor state;
    private final Tensor initial;
    private final Tensor decay;
    private final Tensor drift;

    NoiseDrive(Noise noise, Backend backend, DType dtype, int[] shape, double dt, long seed, int stream, double[] carried) {
        this.noise = noise;
        this.backend = backend;
        this.seed = seed;
        this.stream = stream;
        this.dt = dt;
        first = Inputs.steps(noise.tStart(), dt);
        end = noise.tEnd() == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : Inputs.steps(noise.tEnd(), dt);
        long perInterval = 1;
        if (noise instanceof Noise.Gaussian g) {
            perInterval = Math.round(g.interval() / dt);
            if (perInterval < 1 || Math.abs(perInterval * dt - g.interval()) > 1e-9 * g.interval()) {
                throw new SimulationException("noise_generator: dt " + g.interval() + " ms is not a multiple of the"
                        + " simulation step " + dt + " ms; give a multiple of it");
            }
        }
        interval = perInterval;
        zero = backend.zeros(dtype);
        draw = backend.zeros(dtype, shape);
        if (noise instanceof Noise.OrnsteinUhlenbeck ou) {
            initial = backend.full(dtype, ou.mean(), shape);
            state = carried != null ? backend.astype(backend.asTensor(carried), dtype, null).reshape(shape)
                    : backend.full(dtype, ou.mean(), shape);
            decay = backend.full(dtype, 1 - dt / ou.tau());
            drift = backend.full(dtype, ou.mean() * dt / ou.tau());
        } else {
            state = null;
            initial = null;
            decay = null;
            drift = null;
        }
    }

    /** Draws from {@code seed} from now on, on the same stream. */
    void reseed(long seed) {
        this.seed = seed;
    }

    /** The OU state for the next backend, or null. */
    double[] carry() {
        return state == null ? null : state.toDoubleArray();
    }

    /** The values of step {@code step} (0 outside the window). */
    Tensor at(long step) {
        if (step < first || step >= end) {
            return zero;
        }
        RandomKey key = new RandomKey(seed, stream, step / interval);
        if (noise instanceof Noise.Wiener w) {
            return backend.normal(key, 0, w.sigma() * Math.sqrt(dt), draw);
        }
        if (noise instanceof Noise.Gaussian g) {
            // drawn again at every step of the interval (the same key, the same numbers): no state to carry
            return backend.normal(key, g.mean(), g.stdAt(step / interval * interval * dt), draw);
        }
        Noise.OrnsteinUhlenbeck ou = (Noise.OrnsteinUhlenbeck) noise;
        if (step == first) {
            backend.copy(initial, state);
        }
        backend.normal(key, 0, ou.sigma() * Math.sqrt(dt), draw);
        // x + (mean - x) dt / tau + sigma dW, as x (1 - dt / tau) + mean dt / tau + sigma dW
        backend.binary(BinaryOp.MUL, state, decay, state);
        backend.binary(BinaryOp.ADD, state, drift, state);
        return backend.binary(BinaryOp.ADD, state, draw, state);
    }
}
