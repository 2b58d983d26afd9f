package org.brainj.connectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainj.api.connect.Connectivity;
import org.brainj.api.connect.Geometry;
import org.brainj.connectors.internal.Check;
import org.brainj.connectors.internal.Rows;

/**
 * The nearest-neighbour rules on a sheet, as a stencil of (row, column) offsets: GridFour,
 * GridEight and GridN differ only in their stencil. A line {@code (n)} is a sheet of one row.
 */
final class Grid {
    /** GridFour's stencil: up, left, right, down. */
    static final int[][] FOUR = {{-1, 0}, {0, -1}, {0, 1}, {1, 0}};

    private Grid() {
    }

    /** The (2r+1) x (2r+1) square around a neuron, without its centre. */
    static int[][] square(int r) {
        List<int[]> offsets = new ArrayList<>();
        for (int dr = -r; dr <= r; dr++) {
            for (int dc = -r; dc <= r; dc++) {
                if (dr != 0 || dc != 0) {
                    offsets.add(new int[] {dr, dc});
                }
            }
        }
        return offsets.toArray(int[][]::new);
    }

    /** The bound of {@link #connect}: every neuron with its whole stencil (offsets leaving the sheet count too). */
    static double expectedSynapses(Geometry pre, int[][] stencil, boolean includeSelf) {
        return (double) pre.size() * (stencil.length + (includeSelf ? 1 : 0));
    }

    /**
     * Connects each neuron to the neurons at the stencil's offsets (plus itself when {@code
     * includeSelf}); offsets that leave the sheet are dropped, or wrap around with {@code periodic}.
     */
    static Connectivity connect(String owner, Geometry pre, Geometry post, int[][] stencil, boolean includeSelf,
            boolean periodic) {
        Check.sameSheet(owner, pre, post);
        int height = pre.rank() == 2 ? pre.dim(0) : 1;
        int width = pre.rank() == 2 ? pre.dim(1) : pre.dim(0);
        int n = pre.size();
        Rows rows = new Rows(n, n, n * (stencil.length + 1), false);
        int[] row = new int[stencil.length + 1];
        for (int r = 0; r < height; r++) {
            for (int c = 0; c < width; c++) {
                int self = r * width + c;
                int k = 0;
                if (includeSelf) {
                    row[k++] = self;
                }
                for (int[] off : stencil) {
                    int rr = r + off[0];
                    int cc = c + off[1];
                    if (periodic) {
                        rr = Math.floorMod(rr, height);
                        cc = Math.floorMod(cc, width);
                    } else if (rr < 0 || rr >= height || cc < 0 || cc >= width) {
                        continue;
                    }
                    int target = rr * width + cc;
                    if (target != self) {
                        row[k++] = target;
                    }
                }
                Arrays.sort(row, 0, k);
                // Wrapping on a sheet narrower than the stencil can reach a neighbour twice.
                for (int t = 0; t < k; t++) {
                    if (t == 0 || row[t] != row[t - 1]) {
                        rows.add(row[t]);
                    }
                }
                rows.endRow();
            }
        }
        return rows.build();
    }
}
