package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.Random;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@link Backend#csrEventAddScaled}'s default (through the host), which backends without their
 * own version use, against the sum computed here in plain Java on a random network; the CPU
 * backend's own loop is held to the same sum.
 */
class DefaultScaledDeliveryTest {

    /** The CPU backend with every operation its own except csrEventAddScaled, which is the interface's default. */
    private static Backend withDefaultDelivery(Backend cpu) {
        InvocationHandler h = (proxy, method, args) -> method.getName().equals("csrEventAddScaled")
                ? InvocationHandler.invokeDefault(proxy, method, args) : method.invoke(cpu, args);
        return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class}, h);
    }

    @Test
    void theDefaultAndTheCpuLoopGiveThePlainSum() {
        int nPre = 40;
        int nPost = 25;
        Random rnd = new Random(7);
        int[] ptr = new int[nPre + 1];
        java.util.List<Integer> idx = new java.util.ArrayList<>();
        for (int i = 0; i < nPre; i++) {
            for (int j = 0; j < nPost; j++) {
                if (rnd.nextDouble() < 0.2) {
                    idx.add(j);
                }
            }
            ptr[i + 1] = idx.size();
        }
        int[] indices = idx.stream().mapToInt(Integer::intValue).toArray();
        double[] w = rnd.doubles(indices.length, -1, 1).toArray();
        boolean[] spikes = new boolean[nPre];
        double[] scale = new double[nPre];
        for (int i = 0; i < nPre; i++) {
            spikes[i] = rnd.nextDouble() < 0.3;
            scale[i] = rnd.nextDouble();
        }
        double[] expected = new double[nPost];
        for (int i = 0; i < nPre; i++) {
            for (int k = ptr[i]; spikes[i] && k < ptr[i + 1]; k++) {
                expected[indices[k]] += scale[i] * w[k];
            }
        }
        CpuBackend cpu = new CpuBackend();
        for (Backend b : new Backend[] {withDefaultDelivery(cpu), cpu}) {
            Tensor post = b.zeros(DType.FLOAT64, nPost);
            b.csrEventAddScaled(b.asTensor(spikes), b.asTensor(scale), b.asTensor(ptr), b.asTensor(indices),
                    b.asTensor(w), post);
            assertArrayEquals(expected, post.toDoubleArray(), 1e-12);
        }
    }
}
