package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registry rules of ocl-icd (its README: OCL_ICD_VENDORS, OCL_ICD_FILENAMES) on made-up folders. */
class OpenClConditionTest {
    @TempDir
    Path dir;

    private static boolean registered(Map<String, String> env) {
        return OpenClCondition.platformRegistered(env::get);
    }

    @Test
    void aVendorsFolderCountsOnlyIcdFiles() throws IOException {
        Map<String, String> env = Map.of("OCL_ICD_VENDORS", dir.toString());
        assertFalse(registered(env), "an empty folder: no platform");
        Files.writeString(dir.resolve("README"), "not an ICD");
        assertFalse(registered(env));
        Files.writeString(dir.resolve("pocl.icd"), "libpocl.so.2\n");
        assertTrue(registered(env));
    }

    @Test
    void oneLibraryInOclIcdVendorsOrFilenamesIsAPlatform() throws IOException {
        Path lib = Files.writeString(dir.resolve("libpocl.so.2"), "");
        assertTrue(registered(Map.of("OCL_ICD_VENDORS", lib.toString())));
        assertTrue(registered(Map.of("OCL_ICD_VENDORS", dir.resolve("empty").toString(), "OCL_ICD_FILENAMES",
                dir.resolve("missing.so") + ":" + lib)));
        assertFalse(registered(Map.of("OCL_ICD_VENDORS", dir.resolve("missing").toString(), "OCL_ICD_FILENAMES", "")));
    }
}
