package org.brainj.backend.cpu.codegen;

import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;

/**
 * The random draws generated kernels call: Philox's normative mapping, element by element (synaptic
 * kernels, and step kernels' normals; step kernels draw uniforms a batch at a time, by
 * {@link org.brainj.api.random.UniformBatch}).
 */
public final class Draws {
    private Draws() {
    }

    public static RandomKey key(long seed, int stream, long step) {
        return new RandomKey(seed, stream, step);
    }

    public static double normal(RandomKey key, int element) {
        return Philox.normal(key, element);
    }

    public static double uniform(RandomKey key, int element) {
        return Philox.uniform(key, element);
    }

    /** The 24-bit uniform of float32 programs, which a float32 tensor stores exactly, so never as 1. */
    public static double uniformFloat(RandomKey key, int element) {
        return Philox.uniformFloat(key, element);
    }
}
