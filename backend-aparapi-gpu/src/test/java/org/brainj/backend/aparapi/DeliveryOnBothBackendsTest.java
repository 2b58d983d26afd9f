package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.cpu.CpuBackend;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spike delivery on the device, gathered per post-synaptic neuron and scattered by post ranges
 * ({@link Device.Spread}), gives the CPU backend's row scatter bit for bit: 3000 pre rows of
 * random degree (up to a few hundred synapses, repeated pairs) onto 2000 posts, over 40 steps of
 * listed spikes at rates from none to most rows, with one weight, per-synapse weights and
 * STP-scaled ones. Every post sums its terms in the CPU backend's order, so no float rounds
 * differently; a difference in one bit fails.
 */
@RequiresOpenCL
class DeliveryOnBothBackendsTest {
    private static final Backend CPU = new CpuBackend();
    private static final AparapiBackend APARAPI = new AparapiBackend();
    private static final int PRE = 3000;
    private static final int POST = 2000;

    static Stream<Arguments> cases() {
        return Stream.of(Device.Spread.values()).flatMap(spread -> Stream.of(DType.FLOAT32, DType.FLOAT64)
                .map(dtype -> Arguments.of(spread, dtype)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void listedScaledAndFlaggedDeliveryGiveTheCpuBackendsBits(Device.Spread spread, DType dtype) {
        APARAPI.device().spread(spread);
        Random r = new Random(3);
        int[] ptr = new int[PRE + 1];
        int[] degree = r.ints(PRE, 0, 300).toArray();
        for (int i = 0; i < PRE; i++) {
            ptr[i + 1] = ptr[i] + (i % 7 == 0 ? degree[i] : degree[i] / 20);
        }
        int[] idx = r.ints(ptr[PRE], 0, POST).toArray();
        double[] w = r.doubles(idx.length, -0.5, 1).toArray();
        double[] factor = r.doubles(PRE, 0, 1).toArray();
        double[] start = r.doubles(POST, -1, 1).toArray();
        Net cpu = new Net(CPU, dtype, ptr, idx, w, factor, start);
        Net device = new Net(APARAPI, dtype, ptr, idx, w, factor, start);
        for (int step = 0; step < 40; step++) {
            double rate = step % 10 == 9 ? 0.9 : 0.002 * step;
            boolean[] spikes = new boolean[PRE];
            for (int i = 0; i < PRE; i++) {
                spikes[i] = r.nextDouble() < rate;
            }
            cpu.deliver(spikes);
            device.deliver(spikes);
            for (int n = 0; n < cpu.post.length; n++) {
                assertArrayEquals(cpu.post[n].toDoubleArray(), device.post[n].toDoubleArray(), 0,
                        spread + " delivery " + n + " at step " + step);
            }
        }
    }

    /** One backend's connectivity and its three targets: listed with one weight, listed per synapse, STP-scaled. */
    private static final class Net {
        final Backend b;
        final Tensor ptr;
        final Tensor idx;
        final Tensor w;
        final Tensor one;
        final Tensor factor;
        final Tensor[] post;

        Net(Backend b, DType dtype, int[] ptr, int[] idx, double[] w, double[] factor, double[] start) {
            this.b = b;
            this.ptr = b.asTensor(ptr);
            this.idx = b.asTensor(idx);
            this.w = b.astype(b.asTensor(w), dtype, null);
            this.one = b.full(dtype, 0.37);
            this.factor = b.astype(b.asTensor(factor), dtype, null);
            this.post = new Tensor[3];
            for (int n = 0; n < post.length; n++) {
                post[n] = b.astype(b.asTensor(start), dtype, null);
            }
        }

        void deliver(boolean[] spikes) {
            Tensor flags = b.asTensor(spikes);
            Tensor list = b.asTensor(new int[spikes.length + 1]);
            b.eventList(flags, list);
            b.csrListAdd(list, 0, ptr, idx, one, post[0]);
            b.csrListAdd(list, 0, ptr, idx, w, post[1]);
            b.csrEventAddScaled(flags, factor, ptr, idx, w, post[2]);
        }
    }
}
