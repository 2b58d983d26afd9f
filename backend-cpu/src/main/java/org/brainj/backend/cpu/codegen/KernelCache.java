package org.brainj.backend.cpu.codegen;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The class files of compiled kernels, kept in a folder across runs, one file per {@link KernelKey}:
 * a run whose kernels were compiled before defines them from there and skips Janino. The cache
 * only ever saves time: an entry that cannot be read, or whose checksum fails, is compiled anew
 * and overwritten, and a folder that cannot be written is logged (at debug) and left alone.
 *
 * <p>An entry is written to a temporary file and renamed into place, so concurrent runs see a
 * whole entry or none. Its layout: a magic number, the class count, each class's binary name and
 * bytes, then SHA-256 of all before it.
 */
final class KernelCache {
    /**
     * The system property naming the cache's folder, or {@code off} for no cache; by default
     * {@code $XDG_CACHE_HOME/brainj/kernels}, else {@code ~/.cache/brainj/kernels}.
     */
    static final String PROPERTY = "brainj.kernel.cache";
    private static final Logger LOG = Logger.getLogger(KernelCache.class.getName());
    private static final int MAGIC = 0x424a4b43; // "BJKC"
    private static final int DIGEST_BYTES = 32;

    /** The folder, or null when the cache is off. */
    private final Path folder;

    KernelCache(Path folder) {
        this.folder = folder;
    }

    /** The cache the system property, else the XDG default, names. */
    static KernelCache configured() {
        return configured(System.getProperty(PROPERTY), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /** The cache {@code property} names: a folder, or {@code off}; when null, the XDG cache's or the home's. */
    static KernelCache configured(String property, String xdgCacheHome, String userHome) {
        if ("off".equals(property)) {
            return new KernelCache(null);
        } else if (property != null && !property.isBlank()) {
            return new KernelCache(Path.of(property));
        }
        // the XDG base directory specification says to ignore a relative XDG_CACHE_HOME
        Path base = xdgCacheHome != null && Path.of(xdgCacheHome).isAbsolute() ? Path.of(xdgCacheHome)
                : Path.of(userHome, ".cache");
        return new KernelCache(base.resolve("brainj").resolve("kernels"));
    }

    /** The folder, or null when the cache is off. */
    Path folder() {
        return folder;
    }

    /** The class files stored under {@code key} (the cache must be on), by binary name; null when there are none or they are unreadable. */
    Map<String, byte[]> read(String key) {
        Path file = entry(key);
        try {
            return decode(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.log(Level.FINE, "kernel cache entry " + file + " is unreadable or corrupt; compiling anew", e);
            return null;
        }
    }

    /** Stores {@code classes} under {@code key}, replacing what was there; a failure is only logged. */
    void write(String key, Map<String, byte[]> classes) {
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, key, ".tmp");
            Files.write(temp, encode(classes));
            try {
                Files.move(temp, entry(key), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, entry(key), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | SecurityException e) {
            LOG.log(Level.FINE, "cannot write the kernel cache in " + folder + "; this run compiles without it", e);
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file only takes space; the entry stays as it was
                }
            }
        }
    }

    Path entry(String key) {
        return folder.resolve(key + ".kernel");
    }

    private static byte[] encode(Map<String, byte[]> classes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            out.writeUTF(c.getKey());
            out.writeInt(c.getValue().length);
            out.write(c.getValue());
        }
        out.write(KernelKey.sha256().digest(bytes.toByteArray()));
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> decode(byte[] entry) throws IOException {
        int body = entry.length - DIGEST_BYTES;
        if (body < 8 || !MessageDigest.isEqual(Arrays.copyOfRange(entry, body, entry.length),
                KernelKey.sha256().digest(Arrays.copyOf(entry, body)))) {
            throw new IOException("its checksum does not match its contents");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry, 0, body));
        if (in.readInt() != MAGIC) {
            throw new IOException("it is not a kernel cache entry");
        }
        int count = in.readInt();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int k = 0; k < count; k++) {
            String name = in.readUTF();
            byte[] code = new byte[in.readInt()];
            in.readFully(code);
            classes.put(name, code);
        }
        return classes;
    }
}
