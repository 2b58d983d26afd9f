package org.brainj.launcher.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Framework caches a SIGKILLed launcher left behind are removed by the next start; live ones stay. */
class StaleStorageTest {
    @TempDir
    Path tmp;

    @Test
    void cachesOfDeadProcessesAreRemovedAndOthersKept() throws Exception {
        // a pid above Linux's largest (2^22) belongs to no process
        Path dead = Files.createDirectories(tmp.resolve(Platform.STORAGE_PREFIX + "999999999-123").resolve("bundle1"));
        Files.writeString(dead.resolve("bundle.jar"), "x");
        Path live = Files.createDirectories(tmp.resolve(Platform.STORAGE_PREFIX + ProcessHandle.current().pid() + "-456"));
        Path older = Files.createDirectories(tmp.resolve(Platform.STORAGE_PREFIX + "789"));
        Path other = Files.createDirectories(tmp.resolve("someone-else-999999999-1"));

        Platform.removeStale(tmp);

        assertFalse(Files.exists(dead.getParent()), "the killed launcher's cache is gone");
        assertTrue(Files.isDirectory(live), "a running launcher's cache stays");
        assertTrue(Files.isDirectory(older), "a cache without a pid cannot be told from a live one: kept");
        assertTrue(Files.isDirectory(other), "not ours");
    }
}
