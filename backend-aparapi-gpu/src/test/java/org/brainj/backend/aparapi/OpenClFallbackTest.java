package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.aparapi.Kernel;
import org.junit.jupiter.api.Test;

/**
 * A kernel that cannot run on OpenCL is reported, never run silently in Java threads (Aparapi's
 * fallback): a kernel its translator rejects, and a JVM whose OpenCL loader finds no platform.
 */
class OpenClFallbackTest {

    /** Allocates an array in the kernel, which Aparapi cannot translate to OpenCL; Java runs it fine. */
    static final class Untranslatable extends Kernel {
        final int[] out = new int[4];

        @Override
        public void run() {
            int i = getGlobalId();
            out[i] = new int[i + 1].length;
        }
    }

    @Test
    @RequiresOpenCL
    void aKernelThatCannotRunOnOpenClIsReportedWithAparapisReasonAndNotRunInJava() {
        OpenClLauncher launcher = OpenClLauncher.chosen();
        Untranslatable kernel = new Untranslatable();
        launcher.adopt(kernel);
        OpenClUnavailableException e = assertThrows(OpenClUnavailableException.class, () -> launcher.execute(kernel, 4));
        String m = e.getMessage();
        assertTrue(m.contains("kernel Untranslatable") && m.contains("cannot run on OpenCL device"), m);
        assertTrue(m.contains("Device failed for Untranslatable"), "Aparapi's reason is passed on: " + m);
        // Java threads would have written i + 1 for each work item: a result computed off the device
        assertArrayEquals(new int[4], kernel.out);
        assertEquals(launcher.failure(), m.substring(m.indexOf("Aparapi's reasons: ") + "Aparapi's reasons: ".length()));
        OpenClUnavailableException again = assertThrows(OpenClUnavailableException.class, () -> launcher.execute(kernel, 4));
        assertTrue(again.getMessage().contains("Untranslatable"), again.getMessage());
    }

    @Test
    void withoutAnOpenClPlatformTheBackendSaysWhyAndOperationsFail() throws IOException, InterruptedException {
        // The ICD loader reads its vendor list from OCL_ICD_VENDORS: an empty place means no platform.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NoOpenClProbe.class.getName());
        pb.environment().put("OCL_ICD_VENDORS", "/nonexistent/brainj-no-icd");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        List<String> lines = out.lines().filter(l -> l.startsWith("probe ")).toList();
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(0).startsWith("probe description: no usable OpenCL device: "), out);
        assertTrue(lines.get(0).contains(".ci/install-opencl"), out);
        assertTrue(lines.get(1).startsWith("probe error: OpenClUnavailableException")
                && lines.get(1).contains(".ci/install-opencl"), out);
        assertEquals("probe root handler level: ALL", lines.get(2), "Aparapi's logging set-up was undone");
    }
}
