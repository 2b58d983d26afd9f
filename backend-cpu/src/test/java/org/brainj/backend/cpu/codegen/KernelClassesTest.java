package org.brainj.backend.cpu.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel cache: a hit gives the compiled class's bits without Janino; what goes wrong with the cache only costs a compile. */
class KernelClassesTest {
    private static final String NAME = "org.brainj.backend.cpu.codegen.CachedKernel";
    /**
     * A kernel as generated ones are: it names BrainJ classes (Draws, RandomKey), rounds through
     * exp and Philox's normals, and has a nested class, so its entry holds two class files.
     */
    private static final String SOURCE = """
            package org.brainj.backend.cpu.codegen;
            public final class CachedKernel implements java.util.function.DoubleUnaryOperator {
                private static final class Decay { static double of(double x) { return Math.exp(-x / 7.3); } }
                public double applyAsDouble(double x) {
                    final org.brainj.api.random.RandomKey k = org.brainj.backend.cpu.codegen.Draws.key(42L, 3, (long) x);
                    return Decay.of(x) * 0.1 + org.brainj.backend.cpu.codegen.Draws.normal(k, (int) x) / 3.0;
                }
            }
            """;
    private static final ClassLoader PARENT = KernelClassesTest.class.getClassLoader();

    @TempDir
    Path dir;

    /** Counts Janino's compiles: a hit makes none. */
    private static final class Counting extends KernelClasses {
        int compiles;

        Counting(Path folder) {
            super(new KernelCache(folder));
        }

        @Override
        Map<String, byte[]> compile(String kind, String source, ClassLoader parent) {
            compiles++;
            return super.compile(kind, source, parent);
        }

        long[] bits() throws ReflectiveOperationException {
            DoubleUnaryOperator kernel = (DoubleUnaryOperator) load("test", NAME, SOURCE, PARENT).getConstructor().newInstance();
            long[] bits = new long[50];
            for (int k = 0; k < bits.length; k++) {
                bits[k] = Double.doubleToRawLongBits(kernel.applyAsDouble(k * 0.37));
            }
            return bits;
        }
    }

    private Path entry(Path folder) {
        return new KernelCache(folder).entry(KernelKey.of(SOURCE, PARENT));
    }

    @Test
    void aHitSkipsJaninoAndComputesTheCompiledBits() throws Exception {
        Counting first = new Counting(dir);
        long[] compiled = first.bits();
        assertEquals(1, first.compiles);
        assertTrue(Files.isRegularFile(entry(dir)));
        Counting second = new Counting(dir);
        assertArrayEquals(compiled, second.bits());
        assertEquals(0, second.compiles);
        assertArrayEquals(compiled, new Counting(null).bits()); // and what no cache at all computes
    }

    @Test
    void aCorruptEntryIsCompiledAnewAndOverwritten() throws Exception {
        long[] compiled = new Counting(dir).bits();
        Path entry = entry(dir);
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(entry, bytes);
        Counting afterCorruption = new Counting(dir);
        assertArrayEquals(compiled, afterCorruption.bits());
        assertEquals(1, afterCorruption.compiles);
        Counting afterRewrite = new Counting(dir);
        assertArrayEquals(compiled, afterRewrite.bits());
        assertEquals(0, afterRewrite.compiles);
        // a truncated entry too
        Files.write(entry, new byte[] {1, 2, 3});
        Counting afterTruncation = new Counting(dir);
        assertArrayEquals(compiled, afterTruncation.bits());
        assertEquals(1, afterTruncation.compiles);
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyCostsACompile() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a folder");
        Path folder = file.resolve("kernels"); // under a file: no run can create it, whoever runs it
        Counting cache = new Counting(folder);
        long[] compiled = cache.bits();
        assertArrayEquals(compiled, cache.bits());
        assertEquals(2, cache.compiles);
        assertTrue(!Files.exists(folder));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theKeyFollowsTheSourceAndTheClassesItNames() {
        String key = KernelKey.of(SOURCE, PARENT);
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertEquals(key, KernelKey.of(SOURCE, PARENT));
        assertNotEquals(key, KernelKey.of(SOURCE.replace("7.3", "7.4"), PARENT));
        // the same source against a different Draws (a rebuilt BrainJ) is another entry
        ClassLoader otherDraws = new ClassLoader(PARENT) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return name.equals("org/brainj/backend/cpu/codegen/Draws.class") ? new ByteArrayInputStream(new byte[] {1})
                        : super.getResourceAsStream(name);
            }
        };
        assertNotEquals(key, KernelKey.of(SOURCE, otherDraws));
    }

    @Test
    void aSourceThatDoesNotCompileSaysSoAndStoresNothing() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Counting(dir).load("step", NAME, "package p; class {", PARENT));
        assertTrue(e.getMessage().startsWith("generated step code does not compile"), e.getMessage());
        assertEquals(0, dir.toFile().list().length);
    }

    @Test
    void theFolderIsThePropertysElseTheXdgCacheElseTheHomes() {
        assertNull(KernelCache.configured("off", "/x", "/home/u").folder());
        assertEquals(Path.of("/tmp/k"), KernelCache.configured("/tmp/k", "/x", "/home/u").folder());
        assertEquals(Path.of("/x/brainj/kernels"), KernelCache.configured(null, "/x", "/home/u").folder());
        assertEquals(Path.of("/home/u/.cache/brainj/kernels"), KernelCache.configured(null, "relative", "/home/u").folder());
        assertEquals(Path.of("/home/u/.cache/brainj/kernels"), KernelCache.configured(null, null, "/home/u").folder());
    }
}
