package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.brainj.api.random.Philox;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.DType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Draws on the device equal {@link Philox}, the specification the CPU backend computes in Java,
 * bit for bit: many elements, keys with high seed bits and large counters and streams, both
 * Poisson methods. Normal draws exercise the kernel's fdlibm log and cos on 100000 arguments.
 */
@RequiresOpenCL
class PhiloxOnDeviceTest {
    private static final AparapiBackend BACKEND = new AparapiBackend();
    private static final int N = 100_000;

    private static RandomKey key(long seed) {
        return new RandomKey(seed, (int) (seed >>> 33), (seed * 2654435761L) & 0xFFFF_FFFFL);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 42, -1, 0x7F3A_9C21_5E8D_0B47L})
    void uniformNormalAndBernoulliAreTheSpecification(long seed) {
        RandomKey k = key(seed);
        double[] u = BACKEND.uniform(k, DType.FLOAT64, 0, 1, N).toDoubleArray();
        double[] uf = BACKEND.uniform(k, DType.FLOAT32, 0, 1, N).toDoubleArray();
        double[] z = BACKEND.normal(k, DType.FLOAT64, 0, 1, N).toDoubleArray();
        double[] zf = BACKEND.normal(k, DType.FLOAT32, 0, 1, N).toDoubleArray();
        boolean[] b = BACKEND.bernoulli(k, 0.25, N).toBooleanArray();
        for (int i = 0; i < N; i++) {
            assertEquals(Philox.uniform(k, i), u[i], 0, "uniform float64 element " + i);
            assertEquals(Philox.uniformFloat(k, i), uf[i], 0, "uniform float32 element " + i);
            assertEquals(Philox.normal(k, i), z[i], 0, "normal float64 element " + i);
            assertEquals((float) Philox.normal(k, i), zf[i], 0, "normal float32 element " + i);
            assertEquals(Philox.bernoulli(k, i, 0.25), b[i], "bernoulli element " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 5, 9.999, 10, 17.25, 250, 1e5})
    void poissonIsTheSpecification(double lambda) {
        RandomKey k = key(0x1234_5678_9ABCL);
        int[] got = BACKEND.poisson(k, lambda, 20_000).toIntArray();
        for (int i = 0; i < got.length; i++) {
            assertEquals(Philox.poisson(k, i, lambda), got[i], "element " + i + " at lambda " + lambda);
        }
    }
}
