package org.brainj.launcher.spec;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.brainj.launcher.KolmogorovSmirnov;
import org.brainj.launcher.output.Npy;
import org.junit.jupiter.api.Test;

/**
 * The first 10 s of examples/stdp_song.yaml against Brian2 2.5.1's example synapses/STDP run as
 * long ({@code examples/brian2-synapses/stdp_song.py OUTDIR 10 1}): the final weights are not
 * told apart from Brian2's by a two-sample Kolmogorov-Smirnov test (p > 0.01). The full 100 s
 * comparison over five seeds is {@link StdpSongIT}.
 */
class StdpSongTest {
    private static final Path BRIAN2 = Path.of("..", "examples", "brian2-synapses", "brian2-2.5.1");

    @Test
    void weightsAfterTenSecondsAreDistributedAsBrian2s() throws Exception {
        SpecRun run = SpecLoader.load(Path.of("..", "examples", "stdp_song.yaml"), "stdp_song.yaml",
                new RunSettings.Overrides(10_000.0, null, 1L, null), Catalog.classpath());
        run.network().run(run.settings().duration());
        double[] ours = Arrays.stream(run.synapses().get("S").variable("w").toDoubleArray()).map(w -> w / 0.01).toArray();
        double[] brian2 = Npy.read(Files.readAllBytes(BRIAN2.resolve("stdp_song_10s_w_seed1.npy")));
        double p = KolmogorovSmirnov.pValue(ours, brian2);
        assertTrue(p > 0.01, "Kolmogorov-Smirnov p = " + p + ", D = " + KolmogorovSmirnov.statistic(ours, brian2));
    }
}
