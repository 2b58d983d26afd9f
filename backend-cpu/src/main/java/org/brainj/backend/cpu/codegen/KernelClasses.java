package org.brainj.backend.cpu.codegen;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codehaus.commons.compiler.util.reflect.ByteArrayClassLoader;

/**
 * The class a generated kernel source defines: its class files from the {@link KernelCache} when
 * an earlier run compiled the same source against the same classes, else from Janino (then
 * stored). Either way the class is defined from the bytes by a fresh loader under the caller's
 * parent, so a hit and a compile give the same class.
 */
class KernelClasses {
    private static final Logger LOG = Logger.getLogger(KernelClasses.class.getName());
    private static final KernelClasses CONFIGURED = new KernelClasses(KernelCache.configured());
    private static final int LOADED_SIZE = 256;
    /**
     * The classes this JVM already loaded, by source, in front of the disk cache for every kernel
     * kind: a network compiles one source many times (a kernel per group, per projection, again
     * after a switch of backend), and keying it anew reads and hashes class files each time.
     */
    private static final Map<String, Class<?>> LOADED = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Class<?>> eldest) {
            return size() > LOADED_SIZE;
        }
    };

    private final KernelCache cache;

    KernelClasses(KernelCache cache) {
        this.cache = cache;
    }

    /**
     * {@link #load} on the cache that the system property {@value KernelCache#PROPERTY} (or its
     * default) names, once per source in this JVM: the step and synaptic compilers' path.
     */
    static Class<?> loadOnce(String kind, String className, String source, ClassLoader parent) {
        synchronized (LOADED) {
            Class<?> loaded = LOADED.get(source);
            if (loaded != null) {
                return loaded;
            }
        }
        Class<?> c = CONFIGURED.load(kind, className, source, parent);
        synchronized (LOADED) {
            LOADED.put(source, c);
        }
        return c;
    }

    /**
     * The class {@code className} that {@code source} defines, seeing {@code parent}'s classes.
     *
     * @param kind what the source is ("step", "synaptic"), for the message when it does not compile
     */
    Class<?> load(String kind, String className, String source, ClassLoader parent) {
        String key = cache.folder() == null ? null : key(kind, source, parent);
        Map<String, byte[]> classes = key == null ? null : cache.read(key);
        if (classes != null) {
            try {
                return define(className, classes, parent);
            } catch (ClassFormatError | IllegalStateException e) {
                LOG.log(Level.FINE, "kernel cache entry " + key + " does not define " + className + "; compiling anew", e);
            }
        }
        classes = compile(kind, source, parent);
        if (key != null) {
            cache.write(key, classes);
        }
        return define(className, classes, parent);
    }

    /** The source's key in the cache; null (compile, do not store) when a class file it depends on cannot be read. */
    private static String key(String kind, String source, ClassLoader parent) {
        try {
            return KernelKey.of(source, parent);
        } catch (UncheckedIOException e) {
            LOG.log(Level.FINE, "cannot key the " + kind + " kernel for the cache; compiling it without", e);
            return null;
        }
    }

    /** Janino's class files for {@code source} (tests count the calls: a cache hit makes none). */
    Map<String, byte[]> compile(String kind, String source, ClassLoader parent) {
        return JaninoCompile.bytecodes(kind, source, parent);
    }

    private static Class<?> define(String className, Map<String, byte[]> classes, ClassLoader parent) {
        try {
            // commons-compiler's loader, which Janino's own compiles use: one small class, not the compiler
            return new ByteArrayClassLoader(classes, parent).loadClass(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the kernel's class files " + classes.keySet() + " lack " + className, e);
        }
    }
}
