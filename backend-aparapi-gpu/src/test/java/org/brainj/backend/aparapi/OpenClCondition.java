package org.brainj.backend.aparapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The condition of {@link RequiresOpenCL}. Whether an OpenCL platform exists is read from the ICD
 * loader's registry, as Debian's loader (ocl-icd) reads it, and never from Aparapi: a machine
 * with PoCL registered runs the tests even when Aparapi cannot load or falls back to Java
 * threads, so those faults fail the tests instead of hiding behind a skip. Uses no Aparapi class,
 * so the launcher's integration tests (whose classpath has none) can use it too.
 */
public final class OpenClCondition implements ExecutionCondition {
    /** Set to 1 where the tests must run (CI, after .ci/install-opencl): a missing platform then fails them. */
    static final String REQUIRE = "BRAINJ_REQUIRE_OPENCL";
    static final String HOW = "run `sudo .ci/install-opencl` (PoCL) to run the Aparapi tests";
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (platformRegistered(System::getenv)) {
            return ConditionEvaluationResult.enabled("an OpenCL platform is registered");
        }
        if ("1".equals(System.getenv(REQUIRE))) {
            throw new IllegalStateException(REQUIRE + "=1 but there is no OpenCL platform: " + HOW);
        }
        String reason = "no OpenCL platform: " + HOW;
        if (SAID.compareAndSet(false, true)) {
            // surefire prints only counts for skipped tests: say once per JVM why, and how to run them
            System.out.println(reason);
        }
        return ConditionEvaluationResult.disabled(reason);
    }

    /**
     * ocl-icd's rules: the libraries named in OCL_ICD_FILENAMES; else OCL_ICD_VENDORS, a folder of
     * .icd files or one library; else the .icd files in /etc/OpenCL/vendors.
     */
    static boolean platformRegistered(UnaryOperator<String> env) {
        String filenames = env.apply("OCL_ICD_FILENAMES");
        if (filenames != null && Arrays.stream(filenames.split(":")).anyMatch(f -> !f.isEmpty() && Files.isRegularFile(Path.of(f)))) {
            return true;
        }
        String vendors = env.apply("OCL_ICD_VENDORS");
        Path registry = Path.of(vendors == null || vendors.isEmpty() ? "/etc/OpenCL/vendors" : vendors);
        if (!Files.isDirectory(registry)) {
            return vendors != null && !vendors.isEmpty() && Files.isRegularFile(registry);
        }
        try (Stream<Path> files = Files.list(registry)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".icd") && Files.isRegularFile(f));
        } catch (IOException e) {
            return false;
        }
    }
}
