package org.brainj.backend.aparapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test (or every test of a class) that computes on an OpenCL device through Aparapi. It is
 * skipped where the machine has no OpenCL platform at all, fails there when the environment sets
 * {@code BRAINJ_REQUIRE_OPENCL=1} (CI), and runs everywhere else: a platform that Aparapi cannot
 * use, or a kernel that falls back to Java threads, then fails the test ({@link OpenClCondition}).
 * The launcher's integration tests use it through this module's test-jar.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(OpenClCondition.class)
public @interface RequiresOpenCL {
}
