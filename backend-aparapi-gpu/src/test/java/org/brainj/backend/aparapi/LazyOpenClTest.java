package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The OpenCL runtime and the JVM's signals. PoCL brings LLVM, which replaces the JVM's signal
 * handlers when it loads; two threads faulting at a safepoint poll at once then killed the JVM
 * (no error file: the handler was gone). So constructing the backend loads no runtime (a run on
 * another backend carries none), and where the runtime is loaded the JVM's signal-chaining
 * library keeps the JVM's handlers (the parent pom's jsig profile and the brainj script preload it).
 * Both need an OpenCL runtime to load (without one, Aparapi's library itself does not load).
 */
@RequiresOpenCL
class LazyOpenClTest {
    private static final Path JSIG = Path.of(System.getProperty("java.home"), "lib", "libjsig.so");

    @Test
    void lookingUpAnotherBackendLoadsNoOpenCl() throws IOException, InterruptedException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc/self/maps");
        String out = probe(false, List.of());
        List<String> lines = out.lines().filter(l -> l.startsWith("probe ")).toList();
        // the second line shows that the check sees the runtime once the backend is used
        assertEquals(List.of("probe after cpu: false", "probe after aparapi: true"), lines, out);
    }

    @Test
    void withTheChainingLibraryTheJvmKeepsItsSignalHandlers() throws IOException, InterruptedException {
        assumeTrue(Files.isRegularFile(JSIG), "needs the JDK's " + JSIG);
        // -Xcheck:jni makes the JVM check its handlers periodically and say when one was replaced
        List<String> checked = List.of("-Xcheck:jni");
        String without = probe(false, checked);
        assertTrue(without.contains("Handler was modified"),
                "without the library the runtime replaces the handlers (else this test proves nothing): " + without);
        String with = probe(true, checked);
        assertTrue(with.contains("probe after aparapi: true"), with);
        assertFalse(with.contains("Handler was modified"), with);
    }

    private static String probe(boolean jsig, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), OpenClLoadProbe.class.getName(), "500"));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (jsig) {
            pb.environment().put("LD_PRELOAD", JSIG.toString());
        } else {
            pb.environment().remove("LD_PRELOAD");
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM finished");
        return out;
    }
}
