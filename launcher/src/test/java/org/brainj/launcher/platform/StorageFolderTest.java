package org.brainj.launcher.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The framework's cache folder: the user's own, under a name nobody else holds, never through a link. */
class StorageFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aNameTakenByAnyFileOrLinkIsPassedOver() throws Exception {
        String prefix = Platform.STORAGE_PREFIX + ProcessHandle.current().pid() + "-";
        Path first = Platform.newStorage(tmp);
        String name = first.getFileName().toString();
        assertTrue(name.startsWith(prefix), name);
        long n = Long.parseLong(name.substring(prefix.length()));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(tmp.resolve(prefix + (n + 1)), elsewhere);
        Files.writeString(tmp.resolve(prefix + (n + 2)), "someone's file");

        Path second = Platform.newStorage(tmp);

        assertEquals(tmp.resolve(prefix + (n + 3)), second);
        for (Path dir : new Path[] {first, second}) {
            assertTrue(Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS), dir + " is a folder of its own");
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
        assertEquals("someone's file", Files.readString(tmp.resolve(prefix + (n + 2))));
        try (var entries = Files.list(elsewhere)) {
            assertFalse(entries.findAny().isPresent(), "nothing was made through the link");
        }
    }
}
