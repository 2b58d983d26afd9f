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
 * {@code brainj run --checkpoint-every / --resume} as a user runs them: a run resumed from its
 * last checkpoint writes the uninterrupted run's files, and each misuse is one line with the fix.
 */
class CheckpointIT {
    private static final Path HH_GAMMA = Path.of("..", "examples", "hh_gamma.yaml");
    private static final Path COBA = Path.of("..", "examples", "coba.yaml");

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int brainj(String... args) {
        return BrainJCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err), args);
    }

    @Test
    void aResumedRunWritesTheUninterruptedRunsFiles() throws Exception {
        Path plain = dir.resolve("plain");
        Path saved = dir.resolve("saved");
        assertEquals(0, brainj("run", HH_GAMMA.toString(), "--duration", "60 ms", "--out", plain.toString()), err.toString());
        assertEquals(0, brainj("run", HH_GAMMA.toString(), "--duration", "60 ms", "--checkpoint-every", "25 ms", "--out",
                saved.toString()), err.toString());
        assertTrue(Files.exists(saved.resolve("checkpoint.brainj")));
        // the last checkpoint (50 ms) resumed: the last 10 ms run again onto the restored records
        assertEquals(0, brainj("run", HH_GAMMA.toString(), "--duration", "60 ms", "--resume", saved.toString()), err.toString());
        assertEquals(Files.readString(plain.resolve("spikes_HH.csv")), Files.readString(saved.resolve("spikes_HH.csv")));
        assertTrue(Files.readString(saved.resolve("summary.json")).contains("\"from_ms\": 50"));

        assertEquals(1, brainj("run", COBA.toString(), "--resume", saved.toString()));
        assertTrue(err.toString().contains("has dt = 0.04 but this network dt = 0.1; resume with the network (spec) that saved it"),
                err.toString());
        assertEquals(1, brainj("run", HH_GAMMA.toString(), "--resume", plain.toString()));
        assertTrue(err.toString().contains("holds no checkpoint.brainj; give the output folder of a run started with"
                + " --checkpoint-every"), err.toString());
        assertEquals(1, brainj("run", HH_GAMMA.toString(), "--duration", "50 ms", "--resume", saved.toString()));
        assertTrue(err.toString().contains("its checkpoint is at 50 ms, the end of the run (50 ms); give a longer --duration"),
                err.toString());
        assertEquals(1, brainj("run", HH_GAMMA.toString(), "--duration", "60 ms", "--checkpoint-every", "0.05 ms", "--out",
                dir.resolve("odd").toString()));
        assertTrue(err.toString().contains("--checkpoint-every 0.05 ms is not a whole number of steps of dt = 0.04 ms"), err.toString());
        assertTrue(err.toString().lines().noneMatch(l -> l.startsWith("\tat ")), err.toString());
    }
}
