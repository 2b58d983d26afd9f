package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.brainj.launcher.output.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Song, Miller and Abbott (2000) as examples/stdp_song.yaml, run for 100 s by {@code brainj run},
 * against Brian2 2.5.1's run of its example synapses/STDP ({@code examples/brian2-synapses/stdp_song.py
 * OUTDIR 100 1 2 3 4 5}, its final weights in {@code brian2-2.5.1/stdp_song_100s_w_seed<k>.npy}): for
 * each seed the final weights of BrainJ and Brian2 are not told apart by a two-sample
 * Kolmogorov-Smirnov test (p > 0.01), and both are bimodal. The seeds are independent draws in
 * each simulator (neither reproduces the other's random numbers), so this compares
 * distributions, not runs. About a minute per seed; {@code -Dstdp.seeds=1,2} picks fewer.
 */
class StdpSongIT {
    private static final Path BRIAN2 = Path.of("..", "examples", "brian2-synapses", "brian2-2.5.1");
    private static final double GMAX = 0.01;
    private static final int SYNAPSES = 1000;

    @TempDir
    Path dir;

    @Test
    void finalWeightsAreDistributedAsBrian2s() throws Exception {
        int[] seeds = Arrays.stream(System.getProperty("stdp.seeds", "1,2,3,4,5").split(","))
                .mapToInt(s -> Integer.parseInt(s.trim())).toArray();
        // w recorded every 100 s, before each step's update, over 100 s and one step: w at 0 and at 100 s
        Path spec = Files.writeString(dir.resolve("stdp_song.yaml"), Files.readString(Path.of("..", "examples",
                "stdp_song.yaml")) + "  state:\n    - {synapses: S, variable: w, period: 100 s}\n");
        List<String> report = new ArrayList<>();
        boolean all = true;
        for (int seed : seeds) {
            Path out = dir.resolve("seed" + seed);
            StringWriter err = new StringWriter();
            assertEquals(0, BrainJCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), "run",
                    spec.toString(), "--seed", String.valueOf(seed), "--duration", "100000.1 ms", "--out", out.toString()),
                    err.toString());
            double[] w = Npy.read(Files.readAllBytes(out.resolve("state_S.w.npy")), SYNAPSES);
            assertEquals(2 * SYNAPSES, w.length, "w at 0 and at 100 s");
            double[] ours = Arrays.stream(w, SYNAPSES, 2 * SYNAPSES).map(x -> x / GMAX).toArray();
            double[] brian2 = Npy.read(Files.readAllBytes(BRIAN2.resolve("stdp_song_100s_w_seed" + seed + ".npy")));
            double p = KolmogorovSmirnov.pValue(ours, brian2);
            report.add(String.format("seed %d: D = %.4f, p = %.3f; below 0.1 gmax %.3f (Brian2 %.3f), above 0.9 gmax"
                    + " %.3f (Brian2 %.3f)", seed, KolmogorovSmirnov.statistic(ours, brian2), p, below(ours, 0.1),
                    below(brian2, 0.1), 1 - below(ours, 0.9), 1 - below(brian2, 0.9)));
            all &= p > 0.01 && bimodal(ours);
        }
        report.forEach(System.out::println);
        assertTrue(all, "BrainJ's final STDP weights against Brian2's: " + report);
    }

    private static double below(double[] w, double x) {
        return Arrays.stream(w).filter(v -> v < x).count() / (double) w.length;
    }

    /** Both outer tenths of [0, gmax] hold more weights than any inner tenth. */
    private static boolean bimodal(double[] w) {
        int[] tenths = new int[10];
        for (double x : w) {
            tenths[Math.min(9, (int) (x * 10))]++;
        }
        int inner = Arrays.stream(tenths, 1, 9).max().getAsInt();
        return tenths[0] > inner && tenths[9] > inner;
    }
}
