package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Constructing the backend loads no OpenCL runtime: a run on another backend must not carry PoCL,
 * whose LLVM replaces the JVM's signal handlers (two threads faulting at a safepoint poll at once
 * then killed the JVM), nor pay for probing the platforms.
 */
class LazyOpenClTest {
    @Test
    void lookingUpAnotherBackendLoadsNoOpenCl() throws IOException, InterruptedException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc/self/maps");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OpenClLoadProbe.class.getName());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(l -> l.startsWith("probe ")).toList();
        // the second line shows that the check sees the runtime once the backend is used
        assertEquals(List.of("probe after cpu: false", "probe after aparapi: true"), lines, out);
    }
}
