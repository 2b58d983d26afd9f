package org.brainj.launcher.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.brainj.api.BrainJException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder's contract: a run writes into a fresh folder or one BrainJ wrote, never beside others' files. */
class OutputsTest {
    @TempDir
    Path dir;

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNewFolderIsCreatedAndMarked() throws Exception {
        Path out = Outputs.prepare(dir.resolve("a").resolve("b"));
        assertEquals(List.of(Outputs.MANIFEST), names(out));
    }

    @Test
    void aFolderOfAnEarlierRunCutOffBeforeItsSummaryIsEmptied() throws Exception {
        // what a SIGKILL during writing leaves: the manifest, some data, a part file, no summary
        Path out = Outputs.prepare(dir.resolve("run"));
        Files.writeString(out.resolve("spikes_P.csv"), "t_ms,index\n1,2\n");
        Files.writeString(out.resolve(".state_P.V.npy.part"), "half");
        Outputs.prepare(out);
        assertEquals(List.of(Outputs.MANIFEST), names(out), "nothing of the earlier run can pass for this one's");
    }

    @Test
    void aFolderOfAnOlderBrainjWithASummaryIsEmptiedToo() throws Exception {
        Path out = Files.createDirectories(dir.resolve("old"));
        Files.writeString(out.resolve("summary.json"), "{\"status\": \"completed\"}");
        Files.writeString(out.resolve("raster.png"), "png");
        Outputs.prepare(out);
        assertEquals(List.of(Outputs.MANIFEST), names(out));
    }

    @Test
    void aFolderOfSomeoneElsesFilesIsRefusedAndKept() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("thesis.tex"), "\\chapter{}");
        String m = assertThrows(BrainJException.class, () -> Outputs.prepare(out)).getMessage();
        assertEquals("--out '" + out + "' holds 'thesis.tex', which no BrainJ run wrote; give a new or empty folder with"
                + " --out DIR (BrainJ empties only folders it wrote)", m);
        assertEquals(List.of("thesis.tex"), names(out));
    }

    @Test
    void aSubfolderIsNeverDeleted() throws Exception {
        Path out = Outputs.prepare(dir.resolve("run"));
        Files.createDirectories(out.resolve("analysis"));
        String m = assertThrows(BrainJException.class, () -> Outputs.prepare(out)).getMessage();
        assertTrue(m.contains("holds the folder 'analysis'"), m);
        assertTrue(Files.isDirectory(out.resolve("analysis")));
    }

    @Test
    void anEmptyNameAndAReadOnlyFolderAreRefused() throws Exception {
        assertTrue(assertThrows(BrainJException.class, () -> Outputs.prepare(Path.of(""))).getMessage()
                .startsWith("--out '' is not a folder"));
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(locked), "running as root: nothing is read-only");
            String m = assertThrows(BrainJException.class, () -> Outputs.prepare(locked)).getMessage();
            assertTrue(m.startsWith("cannot write"), m);
            assertTrue(m.contains("give") || m.contains("check"), m);
        } finally {
            locked.toFile().setWritable(true);
        }
    }
}
