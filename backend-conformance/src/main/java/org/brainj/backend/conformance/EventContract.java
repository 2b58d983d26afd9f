package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.DTypeMismatchException;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Tensor;
import org.brainj.api.tensor.TensorIndexException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Spike delivery: CSR scatter and CSC gather against a dense reference, {@code post[j] += sum
 * over spiking i of W[i][j]}, computed in the test from the same synapse list.
 */
public abstract class EventContract extends BackendContract {
    private static final int PRE = 40;
    private static final int POST = 30;

    /** Random synapses (with repeats of a pair, empty rows and columns), weights and spikes. */
    private record Net(int[] pre, int[] post, double[] w, boolean[] spikes) {
        static Net random(long seed) {
            Random r = new Random(seed);
            int nnz = 300;
            int[] pre = new int[nnz];
            int[] post = new int[nnz];
            double[] w = new double[nnz];
            for (int k = 0; k < nnz; k++) {
                pre[k] = r.nextInt(PRE - 5);
                post[k] = r.nextInt(POST - 3);
                w[k] = r.nextDouble() * 2 - 0.5;
            }
            boolean[] spikes = new boolean[PRE];
            for (int i = 0; i < PRE; i++) {
                spikes[i] = r.nextDouble() < 0.4;
            }
            return new Net(pre, post, w, spikes);
        }

        /** The synapses sorted by {@code by} (pre for CSR, post for CSC): the pointer array and the order. */
        int[][] compress(int[] by, int lines) {
            int[] ptr = new int[lines + 1];
            for (int v : by) {
                ptr[v + 1]++;
            }
            for (int l = 0; l < lines; l++) {
                ptr[l + 1] += ptr[l];
            }
            int[] fill = ptr.clone();
            int[] order = new int[by.length];
            for (int k = 0; k < by.length; k++) {
                order[fill[by[k]]++] = k;
            }
            return new int[][] {ptr, order};
        }

        /** The dense reference; with {@code magnitude}, the sum of the terms' absolute values instead. */
        double[] dense(double[] start, boolean scalar, double w0, boolean magnitude) {
            double[] post0 = new double[start.length];
            for (int j = 0; j < start.length; j++) {
                post0[j] = magnitude ? Math.abs(start[j]) : start[j];
            }
            for (int k = 0; k < pre.length; k++) {
                if (spikes[pre[k]]) {
                    double term = scalar ? w0 : w[k];
                    post0[post[k]] += magnitude ? Math.abs(term) : term;
                }
            }
            return post0;
        }
    }

    private static double[] start() {
        double[] s = new double[POST];
        for (int j = 0; j < POST; j++) {
            s[j] = j * 0.125 - 1;
        }
        return s;
    }

    private static int[] pick(int[] values, int[] order) {
        int[] r = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            r[k] = values[order[k]];
        }
        return r;
    }

    private static double[] pick(double[] values, int[] order) {
        double[] r = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            r[k] = values[order[k]];
        }
        return r;
    }

    private Tensor weights(DType dtype, Net net, int[] order, boolean scalar, double w0) {
        return scalar ? backend().scalar(dtype, w0) : tensor(dtype, pick(Reference.stored(dtype, net.w()), order));
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void csrEventAddMatchesTheDenseSum(DType dtype) {
        Backend b = backend();
        Net net = Net.random(11);
        int[][] csr = net.compress(net.pre(), PRE);
        for (boolean scalar : new boolean[] {true, false}) {
            double w0 = Reference.stored(dtype, new double[] {0.3})[0];
            Net stored = new Net(net.pre(), net.post(), Reference.stored(dtype, net.w()), net.spikes());
            double[] expected = stored.dense(Reference.stored(dtype, start()), scalar, w0, false);
            double[] scale = stored.dense(Reference.stored(dtype, start()), scalar, w0, true);
            Tensor post = tensor(dtype, start());
            b.csrEventAdd(b.asTensor(net.spikes()), b.asTensor(csr[0]), b.asTensor(pick(net.post(), csr[1])),
                    weights(dtype, net, csr[1], scalar, w0), post);
            assertSums(expected, scale, dtype, new int[] {POST}, post);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void cscEventGatherMatchesTheDenseSum(DType dtype) {
        Backend b = backend();
        Net net = Net.random(12);
        int[][] csc = net.compress(net.post(), POST);
        for (boolean scalar : new boolean[] {true, false}) {
            double w0 = Reference.stored(dtype, new double[] {-0.7})[0];
            Net stored = new Net(net.pre(), net.post(), Reference.stored(dtype, net.w()), net.spikes());
            double[] expected = stored.dense(Reference.stored(dtype, start()), scalar, w0, false);
            double[] scale = stored.dense(Reference.stored(dtype, start()), scalar, w0, true);
            Tensor post = tensor(dtype, start());
            b.cscEventGather(b.asTensor(net.spikes()), b.asTensor(csc[0]), b.asTensor(pick(net.pre(), csc[1])),
                    weights(dtype, net, csc[1], scalar, w0), post);
            assertSums(expected, scale, dtype, new int[] {POST}, post);
        }
    }

    /**
     * Short-term plasticity's delivery: each spiking row scaled by its source's factor, by hand.
     * CSR of 3 pre: 0 -> {0, 2} (w 1, 2), 1 -> {1} (w 4), 2 -> {0, 1} (w 8, 16); pre 0 and 2 spike
     * with factors 0.5 and 0.25 (pre 1's factor 3 must not count); post starts at 1. Every value
     * is exact in float32.
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void csrEventAddScaledScalesEachSpikingRow(DType dtype) {
        Backend b = backend();
        // spikes and factors as views, to check offsets
        Tensor spikes = b.slice(b.asTensor(new boolean[] {true, true, false, true}), 1, 4);
        Tensor scale = b.slice(tensor(dtype, new double[] {9, 0.5, 3, 0.25}), 1, 4);
        Tensor indptr = b.asTensor(new int[] {0, 2, 3, 5});
        Tensor indices = b.asTensor(new int[] {0, 2, 1, 0, 1});
        Tensor post = tensor(dtype, new double[] {1, 1, 1});
        b.csrEventAddScaled(spikes, scale, indptr, indices, tensor(dtype, new double[] {1, 2, 4, 8, 16}), post);
        // post 0: 1 + 0.5 * 1 + 0.25 * 8; post 1: 1 + 0.25 * 16; post 2: 1 + 0.5 * 2
        assertValues(new double[] {3.5, 5, 2}, dtype, new int[] {3}, post);
        Tensor again = tensor(dtype, new double[] {1, 1, 1});
        b.csrEventAddScaled(spikes, scale, indptr, indices, b.scalar(dtype, 2), again);
        // one weight 2: post 0: 1 + 0.5 * 2 + 0.25 * 2; post 1: 1 + 0.25 * 2; post 2: 1 + 0.5 * 2
        assertValues(new double[] {2.5, 1.5, 2}, dtype, new int[] {3}, again);
        assertThrows(ShapeMismatchException.class, () -> b.csrEventAddScaled(spikes, tensor(dtype, new double[] {1, 1}),
                indptr, indices, b.scalar(dtype, 2), again));
    }

    /** The scaled delivery over a random net: each spiking row's terms times its factor, summed in the test. */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void csrEventAddScaledMatchesTheScaledDenseSum(DType dtype) {
        Backend b = backend();
        Net net = Net.random(13);
        int[][] csr = net.compress(net.pre(), PRE);
        double[] factor = Reference.stored(dtype, new Random(14).doubles(PRE, 0, 1.5).toArray());
        double[] w = Reference.stored(dtype, net.w());
        double[] expected = Reference.stored(dtype, start());
        double[] magnitude = new double[POST];
        for (int j = 0; j < POST; j++) {
            magnitude[j] = Math.abs(expected[j]);
        }
        for (int k = 0; k < net.pre().length; k++) {
            if (net.spikes()[net.pre()[k]]) {
                expected[net.post()[k]] += factor[net.pre()[k]] * w[k];
                magnitude[net.post()[k]] += Math.abs(factor[net.pre()[k]] * w[k]);
            }
        }
        Tensor post = tensor(dtype, start());
        b.csrEventAddScaled(b.asTensor(net.spikes()), tensor(dtype, factor), b.asTensor(csr[0]),
                b.asTensor(pick(net.post(), csr[1])), tensor(dtype, pick(w, csr[1])), post);
        assertSums(expected, magnitude, dtype, new int[] {POST}, post);
    }

    @Test
    void operandsMayBeViews() {
        Backend b = backend();
        // Spikes of pre 1 and 2 (a slice of a longer vector) into post rows 1..3 of a (4,) vector;
        // CSR of 3 pre: 0 -> {0}, 1 -> {1, 2}, 2 -> {0}; weights 0.5, 1, 2, 4 sliced from a longer vector.
        Tensor spikes = b.slice(b.asTensor(new boolean[] {false, false, true, true}), 1, 4);
        Tensor indptr = b.slice(b.asTensor(new int[] {9, 0, 1, 3, 4}), 1, 5);
        Tensor indices = b.slice(b.asTensor(new int[] {7, 0, 1, 2, 0}), 1, 5);
        Tensor weights = b.slice(b.asTensor(new double[] {100, 0.5, 1, 2, 4}), 1, 5);
        Tensor all = b.zeros(DType.FLOAT64, 4);
        b.csrEventAdd(spikes, indptr, indices, weights, b.slice(all, 1, 4));
        // pre 1 adds 1 to post 1 and 2 to post 2; pre 2 adds 4 to post 0: at offset 1 of all.
        assertValues(new double[] {0, 4, 1, 2}, DType.FLOAT64, new int[] {4}, all);
        // The same synapses as CSC: post 0 <- {pre 0 (0.5), pre 2 (4)}, post 1 <- {pre 1 (1)}, post 2 <- {pre 1 (2)}.
        Tensor colptr = b.slice(b.asTensor(new int[] {9, 0, 2, 3, 4}), 1, 5);
        Tensor rows = b.slice(b.asTensor(new int[] {7, 0, 2, 1, 1}), 1, 5);
        Tensor cscWeights = b.slice(b.asTensor(new double[] {100, 0.5, 4, 1, 2}), 1, 5);
        Tensor gathered = b.zeros(DType.FLOAT64, 5);
        b.cscEventGather(spikes, colptr, rows, cscWeights, b.slice(gathered, 2, 5));
        assertValues(new double[] {0, 0, 4, 1, 2}, DType.FLOAT64, new int[] {5}, gathered);
    }

    @Test
    void noSpikesLeavePostUntouched() {
        Backend b = backend();
        Tensor post = b.asTensor(new double[] {1, 2});
        b.csrEventAdd(b.asTensor(new boolean[] {false, false}), b.asTensor(new int[] {0, 1, 2}),
                b.asTensor(new int[] {1, 0}), b.scalar(DType.FLOAT64, 5), post);
        b.cscEventGather(b.asTensor(new boolean[] {false, false}), b.asTensor(new int[] {0, 1, 2}),
                b.asTensor(new int[] {1, 0}), b.scalar(DType.FLOAT64, 5), post);
        assertValues(new double[] {1, 2}, DType.FLOAT64, new int[] {2}, post);
    }

    @Test
    void badConnectivityIsRejected() {
        Backend b = backend();
        Tensor spikes = b.asTensor(new boolean[] {true, true});
        Tensor indptr = b.asTensor(new int[] {0, 1, 2});
        Tensor post = b.zeros(DType.FLOAT64, 2);
        Tensor w = b.scalar(DType.FLOAT64, 1);
        TensorIndexException outside = assertThrows(TensorIndexException.class,
                () -> b.csrEventAdd(spikes, indptr, b.asTensor(new int[] {0, 2}), w, post));
        assertMentions(outside, "2");
        assertThrows(TensorIndexException.class,
                () -> b.cscEventGather(spikes, indptr, b.asTensor(new int[] {0, -1}), w, post));
        assertThrows(DTypeMismatchException.class,
                () -> b.csrEventAdd(b.asTensor(new double[] {1, 1}), indptr, b.asTensor(new int[] {0, 1}), w, post));
        assertThrows(DTypeMismatchException.class,
                () -> b.csrEventAdd(spikes, indptr, b.asTensor(new double[] {0, 1}), w, post));
        assertThrows(DTypeMismatchException.class,
                () -> b.csrEventAdd(spikes, indptr, b.asTensor(new int[] {0, 1}), b.scalar(DType.FLOAT32, 1), post));
        ShapeMismatchException ptr = assertThrows(ShapeMismatchException.class,
                () -> b.csrEventAdd(spikes, b.asTensor(new int[] {0, 2}), b.asTensor(new int[] {0, 1}), w, post));
        assertMentions(ptr, "indptr");
        assertThrows(ShapeMismatchException.class,
                () -> b.csrEventAdd(spikes, indptr, b.asTensor(new int[] {0, 1}), b.asTensor(new double[] {1, 2, 3}), post));
    }
}
