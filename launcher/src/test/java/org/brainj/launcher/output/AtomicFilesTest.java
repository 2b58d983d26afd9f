package org.brainj.launcher.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

class AtomicFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aCompleteWriteLeavesOnlyTheFinalFile() throws Exception {
        AtomicFiles.write(dir.resolve("a.npy"), new byte[] {1, 2, 3});
        assertEquals(List.of("a.npy"), names());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("a.npy")));
    }

    @Test
    void aWriteThatFailsHalfwayLeavesNoFileThatLooksComplete() throws Exception {
        Files.write(dir.resolve("a.csv"), new byte[] {9});
        BrainJException e = assertThrows(BrainJException.class, () -> AtomicFiles.write(dir.resolve("a.csv"), out -> {
            out.write(new byte[] {1, 2});
            throw new IOException("disk full");
        }));
        assertTrue(e.getMessage().contains("disk full"), e.getMessage());
        // the earlier complete file is untouched and no partial file is left beside it
        assertEquals(List.of("a.csv"), names());
        assertArrayEquals(new byte[] {9}, Files.readAllBytes(dir.resolve("a.csv")));
    }

    /** The space is taken under the temporary name, which the write then fills with the file's content and renames. */
    @Test
    void aReservedFileIsTakenOverByItsWrite() throws Exception {
        AtomicFiles.reserve(dir.resolve("summary.json"), 4096);
        assertEquals(List.of(".summary.json.part"), names());
        assertEquals(4096, Files.size(dir.resolve(".summary.json.part")));
        AtomicFiles.write(dir.resolve("summary.json"), new byte[] {'{', '}'});
        assertEquals(List.of("summary.json"), names());
        assertArrayEquals(new byte[] {'{', '}'}, Files.readAllBytes(dir.resolve("summary.json")));
    }

    @Test
    void anUnwritableFolderIsRefusedBeforeARunWithTheOption() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        BrainJException e = assertThrows(BrainJException.class, () -> Outputs.prepare(file.resolve("out")));
        assertTrue(e.getMessage().startsWith("cannot write outputs to '" + file.resolve("out") + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("give a writable folder with --out DIR"), e.getMessage());
        assertFalse(Files.exists(file.resolve("out")));
    }
}
