package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code brainj sweep} in-process on the embedded platform: the spike measures come from the
 * analysis bundle's service, the network is compiled once, and a second call resumes (nothing
 * left to run); {@code brainj run} of the same spec runs its own values and ignores the sweep.
 */
class SweepCommandIT {
    private static final Path HH_GAMMA = Path.of("..", "examples", "hh_gamma.yaml");

    @TempDir
    Path dir;

    private static int brainj(StringWriter out, StringWriter err, String... args) {
        return BrainJCommand.execute(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void theHhGammaSweepRunsOnTheFrameworkAndResumes() throws Exception {
        Path sweep = dir.resolve("sweep");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(0, brainj(out, err, "sweep", HH_GAMMA.toString(), "--duration", "50 ms", "--out", sweep.toString()), err.toString());
        assertTrue(out.toString().contains("hh_gamma sweep: completed, 11 of 11 points completed, 1 kernel compilations"), out.toString());
        assertTrue(out.toString().contains("point 11/11 (g_max=0.0015, seed 11): completed; HH.cross_correlation"), out.toString());
        assertTrue(err.toString().contains("run 100%"), err.toString());
        assertEquals(12, Files.readAllLines(sweep.resolve("points.csv")).size());
        assertTrue(Files.readString(sweep.resolve("point-0010").resolve("summary.json")).contains("\"seed\": 11"));

        StringWriter again = new StringWriter();
        assertEquals(0, brainj(again, new StringWriter(), "sweep", HH_GAMMA.toString(), "--duration", "50 ms", "--out", sweep.toString()));
        assertTrue(again.toString().startsWith("resuming: 11 of 11 points completed earlier"), again.toString());

        StringWriter run = new StringWriter();
        StringWriter runErr = new StringWriter();
        assertEquals(0, brainj(run, runErr, "run", HH_GAMMA.toString(), "--duration", "50 ms", "--out", dir.resolve("run").toString()),
                runErr.toString());
        assertTrue(run.toString().startsWith("hh_gamma: completed, 1250 steps (50 ms)"), run.toString());
    }
}
