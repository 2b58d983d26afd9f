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
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Spikes as compact lists (count, then ascending indices): listing flags, flags from a list,
 * delivery driven by a list, and a compiled step program that lists its events into a ring.
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
