package org.brainj.backend.aparapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainj.api.tensor.Backends;

/**
 * Run in a fresh JVM by {@link LazyOpenClTest}: whether the OpenCL runtime is mapped after looking
 * up the cpu backend (ServiceLoader constructs every backend, this one included) and after using
 * this one.
 */
public final class OpenClLoadProbe {
    private OpenClLoadProbe() {
    }

    /** With an argument, waits that many milliseconds after using the backend (for the JVM's periodic checks). */
    public static void main(String[] args) throws IOException, InterruptedException {
        Backends.get("cpu");
        System.out.println("probe after cpu: " + openClMapped());
        Backends.get(AparapiBackend.NAME).description();
        System.out.println("probe after aparapi: " + openClMapped());
        if (args.length > 0) {
            Thread.sleep(Long.parseLong(args[0]));
        }
    }

    private static boolean openClMapped() throws IOException {
        return Files.readString(Path.of("/proc/self/maps")).contains("libOpenCL");
    }
}
