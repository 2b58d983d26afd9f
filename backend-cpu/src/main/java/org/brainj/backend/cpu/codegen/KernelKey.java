package org.brainj.backend.cpu.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of a kernel's entry in the {@link KernelCache}: SHA-256 of everything its class files
 * depend on. The generated source; Janino's version (its code generation) and the JVM's (the
 * class-file version the bytes must have, and the JDK classes the kernel links to); and the class
 * files of the BrainJ classes the source names ({@code org.brainj...CpuTensor}, {@code Draws}):
 * Janino inlines their constants and binds to their members' signatures, so a rebuilt BrainJ
 * whose kernels read the same must still not run class files compiled against the old one.
 */
final class KernelKey {
    /** Bumped when the entry format or what goes into the key changes. */
    private static final String FORMAT = "brainj-kernel-cache 1";
    /** A top-level BrainJ class named by its qualified name, as generated sources name them. */
    private static final Pattern BRAINJ_CLASS = Pattern.compile("\\borg\\.brainj(?:\\.[a-z_][A-Za-z0-9_]*)+\\.[A-Z][A-Za-z0-9_]*");
    private static final String PLATFORM = FORMAT + "\njanino " + janinoVersion() + "\nclass files "
            + System.getProperty("java.class.version") + "\njvm " + Runtime.version() + "\n";

    private KernelKey() {
    }

    /** The key of {@code source}, whose BrainJ classes {@code parent} loads: 64 hex digits. */
    static String of(String source, ClassLoader parent) {
        MessageDigest digest = sha256();
        digest.update(PLATFORM.getBytes(StandardCharsets.UTF_8));
        TreeSet<String> named = new TreeSet<>();
        Matcher m = BRAINJ_CLASS.matcher(source);
        while (m.find()) {
            named.add(m.group());
        }
        for (String name : named) {
            digest.update((name + " " + classFileHash(name, parent) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        digest.update(source.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of a class's class file as {@code loader} finds it, or "none" (then Janino reports the name). */
    private static String classFileHash(String name, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? "none" : HexFormat.of().formatHex(sha256().digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + name + " to key its kernels", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java SE platform must have", e);
        }
    }

    /** The Janino version the build wrote next to this class (kernel-cache.properties). */
    private static String janinoVersion() {
        Properties p = new Properties();
        try (InputStream in = KernelKey.class.getResourceAsStream("kernel-cache.properties")) {
            if (in == null) {
                throw new IllegalStateException("kernel-cache.properties is missing from the CPU backend's jar; rebuild it with Maven");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CPU backend's kernel-cache.properties", e);
        }
        return p.getProperty("janino.version");
    }
}
