package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.brainj.api.expr.ExpressionParser;
import org.brainj.api.program.Assign;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spikes as compact lists (count, then ascending indices): listing flags, flags from a list,
 * lists recorded into a log, delivery driven by a list, and a compiled step program that lists
 * its events into a ring.
 * The expected lists are made in the test by scanning the flags; the delivery must equal
 * {@code csrEventAdd} over the same spikes bit for bit (the same rows added in the same order).
 */
public abstract class EventListContract extends BackendContract {
    /** Left in list elements past the count, to see that nothing writes there. */
    private static final int UNTOUCHED = -7;

    private static boolean[] randomFlags(long seed, int n, double p) {
        Random r = new Random(seed);
        boolean[] f = new boolean[n];
        for (int i = 0; i < n; i++) {
            f[i] = r.nextDouble() < p;
        }
        return f;
    }

    /** The list a scan of {@code flags} gives, in a row of {@code flags.length + 1} filled with UNTOUCHED. */
    private static int[] expectedList(boolean[] flags) {
        int[] list = new int[flags.length + 1];
        Arrays.fill(list, UNTOUCHED);
        int n = 0;
        for (int i = 0; i < flags.length; i++) {
            if (flags[i]) {
                list[1 + n++] = i;
            }
        }
        list[0] = n;
        return list;
    }

    private Tensor untouchedList(int n) {
        int[] fill = new int[n + 1];
        Arrays.fill(fill, UNTOUCHED);
        return backend().asTensor(fill);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void eventListListsTheSetFlagsAscending(DType dtype) {
        boolean[] flags = randomFlags(21, 97, 0.3);
        double[] values = new double[flags.length];
        for (int i = 0; i < flags.length; i++) {
            values[i] = flags[i] ? (i % 3 == 0 ? -2.5 : 1) : 0;
        }
        Tensor list = untouchedList(flags.length);
        backend().eventList(tensor(dtype, values), list);
        assertArrayEquals(expectedList(flags), list.toIntArray());
    }

    @Test
    void eventFlagsSetExactlyTheListedElementsOfItsRange() {
        Backend b = backend();
        // a group of 12 listed 1, 4, 5, 9, 11; the flags cover elements 4..9
        Tensor list = b.asTensor(new int[] {5, 1, 4, 5, 9, 11, 0, 0, 0, 0, 0, 0, 0});
        Tensor flags = b.asTensor(new boolean[] {true, true, true, true, true, true});
        b.eventFlags(list, 4, flags);
        assertArrayEquals(new boolean[] {true, true, false, false, false, true}, flags.toBooleanArray());
        Tensor asFloat = tensor(DType.FLOAT32, new double[] {3, 3, 3, 3, 3, 3});
        b.eventFlags(list, 4, asFloat);
        assertArrayEquals(new double[] {1, 1, 0, 0, 0, 1}, asFloat.toDoubleArray(), 0);
    }

    /**
     * Three lists recorded one after another into a log of 14 (a spike monitor's steps): each
     * list's count and indices follow the last, element 0 counts what is recorded, the rest of
     * the log and each list's elements past its count are not copied.
     */
    @Test
    void eventAppendRecordsEachListsCountAndIndicesAfterTheLast() {
        Backend b = backend();
        int[] fill = new int[14];
        Arrays.fill(fill, UNTOUCHED);
        fill[0] = 0;
        Tensor log = b.asTensor(fill);
        b.eventAppend(b.asTensor(new int[] {2, 5, 9, 11, 11}), log);
        b.eventAppend(b.asTensor(new int[] {0, 3, 3, 3, 3}), log);
        b.eventAppend(b.asTensor(new int[] {3, 1, 4, 7, 8}), log);
        assertArrayEquals(new int[] {8, 2, 5, 9, 0, 3, 1, 4, 7, UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED},
                log.toIntArray());
    }

    /**
     * A log of 6 takes a list of 3 (5 elements with its count and the log's) but not a further
     * list of 1: that is dropped, element 0 becomes -1 and stays so, and nothing more is written.
     */
    @Test
    void eventAppendMarksALogThatAListDoesNotFitAndWritesNoMore() {
        Backend b = backend();
        Tensor log = b.asTensor(new int[] {0, UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED, UNTOUCHED});
        b.eventAppend(b.asTensor(new int[] {3, 2, 4, 6}), log);
        assertArrayEquals(new int[] {4, 3, 2, 4, 6, UNTOUCHED}, log.toIntArray());
        b.eventAppend(b.asTensor(new int[] {1, 5, 0, 0}), log);
        assertArrayEquals(new int[] {-1, 3, 2, 4, 6, UNTOUCHED}, log.toIntArray());
        b.eventAppend(b.asTensor(new int[] {0, 0, 0, 0}), log);
        assertArrayEquals(new int[] {-1, 3, 2, 4, 6, UNTOUCHED}, log.toIntArray());
    }

    /**
     * A CSR of 40 pre rows that are elements 7..46 of a 60-neuron group, random synapses onto 30
     * posts; the group's list also names neurons outside the rows, which must not count.
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void csrListAddEqualsCsrEventAddBitForBit(DType dtype) {
        Backend b = backend();
        int group = 60;
        int first = 7;
        int rows = 40;
        int posts = 30;
        Random r = new Random(5);
        int[] ptr = new int[rows + 1];
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int degree = r.nextInt(9);
            for (int k = 0; k < degree; k++) {
                targets.add(r.nextInt(posts));
            }
            ptr[i + 1] = targets.size();
        }
        int[] idx = targets.stream().mapToInt(Integer::intValue).toArray();
        double[] w = new double[idx.length];
        for (int k = 0; k < w.length; k++) {
            w[k] = r.nextDouble() * 3 - 1;
        }
        boolean[] flags = randomFlags(6, group, 0.4);
        double[] start = new double[posts];
        for (int j = 0; j < posts; j++) {
            start[j] = r.nextDouble();
        }
        for (boolean scalar : new boolean[] {true, false}) {
            Tensor weights = scalar ? b.scalar(dtype, 0.3) : tensor(dtype, w);
            Tensor byList = tensor(dtype, start);
            Tensor list = untouchedList(group);
            b.eventList(b.asTensor(flags), list);
            b.csrListAdd(list, first, b.asTensor(ptr), b.asTensor(idx), weights, byList);
            Tensor byFlags = tensor(dtype, start);
            b.csrEventAdd(b.asTensor(Arrays.copyOfRange(flags, first, first + rows)), b.asTensor(ptr), b.asTensor(idx),
                    weights, byFlags);
            assertArrayEquals(byFlags.toDoubleArray(), byList.toDoubleArray(), 0, "scalar weight: " + scalar);
        }
    }

    /**
     * Rows listed out of order, twice, and outside the CSR's range, over a CSR with repeated
     * pairs, long rows onto 3 posts and short rows onto 50: each listing of a row in range adds the
     * row once, in the list's order. The sums are formed in the test in that order; the list of
     * every row ascending is the other extreme (a column shorter than the list).
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void csrListAddAddsEachListingOfARowInTheListsOrder(DType dtype) {
        Backend b = backend();
        int first = 5;
        int rows = 60;
        int posts = 53;
        Random r = new Random(17);
        int[] ptr = new int[rows + 1];
        List<Integer> targets = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            int degree = i % 4 == 0 ? 12 : r.nextInt(4);
            for (int k = 0; k < degree; k++) {
                targets.add(i % 4 == 0 ? r.nextInt(3) : r.nextInt(posts));
            }
            ptr[i + 1] = targets.size();
        }
        int[] idx = targets.stream().mapToInt(Integer::intValue).toArray();
        double[] w = Reference.stored(dtype, r.doubles(idx.length, -1, 2).toArray());
        double[] start = Reference.stored(dtype, r.doubles(posts, 0, 1).toArray());
        int[] shuffled = {3 + first, 70, 41 + first, 0 + first, 3 + first, 2, 59 + first, 12 + first, 41 + first, 8 + first};
        int[] ascending = new int[rows + 3];
        for (int e = 0; e < ascending.length; e++) {
            ascending[e] = first - 1 + e;
        }
        for (int[] listed : new int[][] {shuffled, ascending}) {
            int[] list = new int[listed.length + 1];
            list[0] = listed.length;
            System.arraycopy(listed, 0, list, 1, listed.length);
            double[] expected = start.clone();
            double[] magnitude = new double[posts];
            for (int e : listed) {
                int row = e - first;
                if (row < 0 || row >= rows) {
                    continue;
                }
                for (int k = ptr[row]; k < ptr[row + 1]; k++) {
                    expected[idx[k]] = Reference.stored(dtype, new double[] {expected[idx[k]] + w[k]})[0];
                    magnitude[idx[k]] += Math.abs(w[k]);
                }
            }
            for (int j = 0; j < posts; j++) {
                magnitude[j] += Math.abs(start[j]);
            }
            Tensor post = tensor(dtype, start);
            b.csrListAdd(b.asTensor(list), first, b.asTensor(ptr), b.asTensor(idx), tensor(dtype, w), post);
            assertSums(expected, magnitude, dtype, new int[] {posts}, post);
        }
    }

    /**
     * Connectivity written in place between deliveries (a copy into the indices, an operation
     * writing the pointers) is what the next delivery uses: a backend that derives structures
     * from a CSR must notice. Two pre rows onto two posts, weight 1, both rows listed and flagged.
     */
    @Test
    void deliveryFollowsConnectivityWrittenInPlace() {
        Backend b = backend();
        Tensor ptr = b.asTensor(new int[] {0, 1, 2});
        Tensor idx = b.asTensor(new int[] {0, 1});
        Tensor one = b.scalar(DType.FLOAT64, 1);
        Tensor list = b.asTensor(new int[] {2, 0, 1});
        Tensor flags = b.asTensor(new boolean[] {true, true});
        Tensor byList = b.zeros(DType.FLOAT64, 2);
        Tensor byFlags = b.zeros(DType.FLOAT64, 2);
        b.csrListAdd(list, 0, ptr, idx, one, byList);
        b.csrEventAdd(flags, ptr, idx, one, byFlags);
        b.copy(b.asTensor(new int[] {1, 1}), idx);
        b.csrListAdd(list, 0, ptr, idx, one, byList);
        b.csrEventAdd(flags, ptr, idx, one, byFlags);
        // row 0 empty, row 1 both synapses (onto post 1)
        b.binary(BinaryOp.MUL, b.asTensor(new int[] {0, 0, 1}), b.asTensor(new int[] {0, 0, 2}), ptr);
        b.csrListAdd(list, 0, ptr, idx, one, byList);
        b.csrEventAdd(flags, ptr, idx, one, byFlags);
        assertArrayEquals(new double[] {1, 5}, byList.toDoubleArray(), 0);
        assertArrayEquals(new double[] {1, 5}, byFlags.toDoubleArray(), 0);
    }

    /**
     * {@code x += 1; spike = x > 0} on 70,001 elements (more than one chunk of a splitting
     * backend), x starting at a pattern of signs: each step lists the elements whose new x is
     * positive into its own row of a three-row ring (count and indices; what follows them is
     * unspecified), and leaves the other rows alone.
     */
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
    void aCompiledStepListsItsEventsInTheStepsRow(DType dtype) {
        Backend b = backend();
        int n = 70_001;
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = (i * 37L % 101) - 60;
        }
        Tensor x = tensor(dtype, x0);
        Tensor spike = b.zeros(dtype, n);
        List<Tensor> ring = List.of(untouchedList(n), untouchedList(n), untouchedList(n));
        StepProgram program = new StepProgram(List.of(
                new Assign("x", ExpressionParser.parse("x + 1")),
                new Assign("spike", ExpressionParser.parse("where(x > 0, 1, 0)"))),
                Set.of("x", "spike"), Set.of(), List.of(), "spike");
        Kernel k = b.compile(program, new Bindings(Map.of("x", x, "spike", spike), 0, ring));
        int[] untouched = untouchedList(n).toIntArray();
        for (long step = 4; step < 6; step++) {
            k.run(step * 0.1, 0.1, step);
            boolean[] expected = new boolean[n];
            for (int i = 0; i < n; i++) {
                expected[i] = x0[i] + (step - 3) > 0;
            }
            // elements past the count mean nothing (a split kernel lists each chunk in place first)
            int[] list = expectedList(expected);
            int[] row = ring.get((int) (step % 3)).toIntArray();
            assertArrayEquals(Arrays.copyOf(list, list[0] + 1), Arrays.copyOf(row, row[0] + 1), "step " + step);
        }
        assertArrayEquals(untouched, ring.get(0).toIntArray(), "the row of no step run");
        assertEquals(n + 1, ring.get(1).size());
    }
}
