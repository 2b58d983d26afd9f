package org.brainj.backend.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.api.tensor.TensorIndexException;
import org.junit.jupiter.api.Test;

/**
 * {@code csrListAdd} split by post-synaptic ranges over threads gives, to the bit, the sums of a
 * plain loop over the listed rows in list order: weights of mixed magnitudes make any other
 * order of additions round differently. Rows whose targets ascend (with repeats: two synapses
 * onto one neuron) are split by binary search, rows in any order by filtering; both must give
 * the plain loop's sums.
 */
class SplitDeliveryTest {
    private static final int PRE = 300;
    private static final int POST = 1000;

    @Test
    void eachPostElementGetsItsAdditionsInListOrderOnAnyNumberOfThreads() {
        deliverOnOneToThreeThreads(false);
    }

    @Test
    void rowsInNoOrderGetTheSameSumsSplitAsOnOneThread() {
        deliverOnOneToThreeThreads(true);
    }

    private static void deliverOnOneToThreeThreads(boolean shuffled) {
        SplittableRandom rnd = new SplittableRandom(5);
        int[] ptr = new int[PRE + 1];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < PRE; i++) {
            List<Integer> row = new ArrayList<>();
            for (int j = 0; j < POST; j++) {
                // some neurons twice, so that a stretch's ends fall among repeats
                for (int twice = rnd.nextDouble() < 0.02 ? 2 : 1; twice > 0; twice--) {
                    if (rnd.nextDouble() < 0.1 || (i == 7 && (j == POST / 2 || j == POST / 3 || j == 2 * POST / 3))) {
                        row.add(j);
                    }
                }
            }
            if (shuffled) {
                for (int k = row.size() - 1; k > 0; k--) {
                    row.set(k, row.set(rnd.nextInt(k + 1), row.get(k)));
                }
            }
            idx.addAll(row);
            ptr[i + 1] = idx.size();
        }
        int[] indices = idx.stream().mapToInt(Integer::intValue).toArray();
        double[] w = new double[indices.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = rnd.nextDouble(-1, 1) * Math.pow(10, rnd.nextInt(-8, 9));
        }
        // the list holds pre-synaptic neurons 100 .. 100 + PRE (first = 100), and some outside
        int first = 100;
        List<Integer> listed = new ArrayList<>();
        for (int i = 50; i < first + PRE + 50; i++) {
            if (rnd.nextDouble() < 0.4) {
                listed.add(i);
            }
        }
        int[] list = new int[listed.size() + 1];
        list[0] = listed.size();
        for (int k = 0; k < listed.size(); k++) {
            list[k + 1] = listed.get(k);
        }
        // two deliveries of the list, added in list order, in float64 and in float32
        double[] expected = new double[POST];
        float[] w32 = new float[w.length];
        float[] expected32 = new float[POST];
        for (int repeat = 0; repeat < 2; repeat++) {
            for (int k = 1; k <= list[0]; k++) {
                int row = list[k] - first;
                for (int s = row >= 0 && row < PRE ? ptr[row] : 0; row >= 0 && row < PRE && s < ptr[row + 1]; s++) {
                    w32[s] = (float) w[s];
                    expected[indices[s]] += w[s];
                    expected32[indices[s]] += w32[s];
                }
            }
        }
        for (int threads = 1; threads <= 3; threads++) {
            CpuBackend cpu = new CpuBackend(new StepThreads(threads, 0));
            Tensor post = cpu.zeros(DType.FLOAT64, POST);
            Tensor post32 = cpu.zeros(DType.FLOAT32, POST);
            for (int repeat = 0; repeat < 2; repeat++) {
                cpu.csrListAdd(cpu.asTensor(list), first, cpu.asTensor(ptr), cpu.asTensor(indices), cpu.asTensor(w), post);
                cpu.csrListAdd(cpu.asTensor(list), first, cpu.asTensor(ptr), cpu.asTensor(indices), cpu.asTensor(w32),
                        post32);
            }
            assertArrayEquals(expected, post.toDoubleArray(), 0.0, threads + " threads");
            assertArrayEquals(expected32, post32.toFloatArray(), 0.0f, threads + " threads, float32");
        }
    }

    @Test
    void indicesReorderedAfterTheirRowsWereFoundAscendingAreReported() {
        CpuBackend cpu = new CpuBackend(new StepThreads(2, 0));
        Tensor list = cpu.asTensor(new int[] {1, 0});
        Tensor ptr = cpu.asTensor(new int[] {0, 4});
        CpuTensor indices = cpu.asTensor(new int[] {0, 1, 2, 3});
        Tensor w = cpu.asTensor(new double[] {1, 1, 1, 1});
        Tensor post = cpu.zeros(DType.FLOAT64, 4);
        cpu.csrListAdd(list, 0, ptr, indices, w, post);
        // the row 0 3 2 1: part 1's stretch (from the first target >= 2) holds 1, part 0's
        ((int[]) indices.data())[indices.offset() + 1] = 3;
        ((int[]) indices.data())[indices.offset() + 3] = 1;
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> cpu.csrListAdd(list, 0, ptr, indices, w, post));
        assertTrue(e.getMessage().contains("indices[3] = 1") && e.getMessage().contains("must not change"), e.getMessage());
    }

    @Test
    void aTargetOutsideThePostElementsIsReportedFromASplitDelivery() {
        CpuBackend cpu = new CpuBackend(new StepThreads(2, 0));
        TensorIndexException e = assertThrows(TensorIndexException.class, () -> cpu.csrListAdd(
                cpu.asTensor(new int[] {1, 0}), 0, cpu.asTensor(new int[] {0, 2}), cpu.asTensor(new int[] {1, 7}),
                cpu.asTensor(new double[] {1, 1}), cpu.zeros(DType.FLOAT64, 4)));
        assertTrue(e.getMessage().contains("indices[1] = 7"), e.getMessage());
    }
}
