package org.brainj.launcher.platform;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.brainj.api.BrainJException;
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.Backend;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;

/**
 * An embedded Felix framework running the platform's bundles (Declarative Services, the backends,
 * the catalogs). The host shares the API with the bundles (see {@link HostPackages}); the API
 * bundle itself is never installed, so the launcher uses {@link Backend} services directly.
 *
 * <p>Closing stops the framework and waits for it; a shutdown hook does the same on Ctrl-C.
 */
public final class Platform implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Platform.class.getName());
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STUCK_STOP_TIMEOUT = Duration.ofSeconds(1);

    private final Framework framework;
    private final Path storage;
    private final List<String> problems;
    private final List<Runnable> beforeStop = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::shutDown, "brainj-shutdown");
    private boolean stopped;
    private PluginFolder plugins;
    private BackendTracker backends;

    private Platform(Framework framework, Path storage, List<String> problems) {
        this.framework = framework;
        this.storage = storage;
        this.problems = problems;
    }

    /** The bundles the launcher ships: {@code bundles/} beside the launcher jar (or its classes folder). */
    public static Path defaultBundleDir() {
        try {
            Path code = Path.of(Platform.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("bundles");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where the launcher was loaded from", e);
        }
    }

    /**
     * Boots the framework and starts every bundle in {@code bundleDir}. A bundle that does not
     * install, resolve or start is left out and reported in {@link #problems()}; the rest run.
     */
    public static Platform start(Path bundleDir) {
        return start(bundleDir, null);
    }

    /**
     * Boots the framework with the shipped bundles and the jars in {@code pluginDir} (null for
     * none), and follows that folder while the platform runs: jars added are installed and
     * started, jars removed are uninstalled. A plugin that does not install, resolve or start is
     * reported in {@link #problems()} (at start) or logged as a warning (later), and skipped.
     */
    public static Platform start(Path bundleDir, Path pluginDir) {
        List<Path> jars = bundleJars(bundleDir);
        Path storage = createStorage();
        Framework framework = newFramework(storage);
        Platform platform = new Platform(framework, storage, new ArrayList<>());
        try {
            framework.init();
            Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
            List<Bundle> installed = platform.install(jars);
            framework.start();
            platform.backends = new BackendTracker(platform.context());
            installed.forEach(platform::startBundle);
        } catch (BundleException | RuntimeException e) {
            throw platform.closedFor(e);
        }
        platform.followPlugins(pluginDir);
        return platform;
    }

    /**
     * Installs and starts the jars in {@code pluginDir} (null: none) and follows that folder from now on, as
     * {@link #start(Path, Path)} does after the shipped bundles; a platform started without plugins gets them
     * here. A fault closes the platform.
     */
    public void followPlugins(Path pluginDir) {
        if (pluginDir == null) {
            return;
        }
        if (plugins != null) {
            throw new IllegalStateException("this platform already follows a plugin folder");
        }
        try {
            plugins = new PluginFolder(pluginDir, context(), problems);
        } catch (RuntimeException e) {
            throw closedFor(e);
        }
    }

    /** Closes this platform after {@code e} stopped its start, and says so as a user reads it. */
    private BrainJException closedFor(Exception e) {
        close();
        return e instanceof BrainJException b ? b : new BrainJException("the OSGi framework did not start: " + e.getMessage(), e);
    }

    public BundleContext context() {
        return framework.getBundleContext();
    }

    /** The location prefix of the bundles the launcher ships: installed by reference (see {@link #install}). */
    private static final String SHIPPED = "reference:";

    /**
     * Whether {@code bundle} is one the launcher ships (BrainJ's own and the libraries they need), not a plugin:
     * its code came with this launcher, so calling into it needs no guard against a plugin that never returns.
     */
    public static boolean shipped(Bundle bundle) {
        return bundle.getBundleId() == 0 || bundle.getLocation().startsWith(SHIPPED);
    }

    /** One line per bundle that could not be installed, resolved or started. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * The backend registered with {@value Backend#NAME_PROPERTY} {@code name}, waiting up to
     * {@code wait} for it to appear (Declarative Services may register it a moment after start).
     * It stays usable until this platform closes or its bundle stops; {@link #addDeparture} tells
     * when it leaves.
     */
    public Backend backend(String name, Duration wait) {
        Object service;
        try {
            service = backends.waitFor(name, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrainJException("interrupted while waiting for backend '" + name + "'", e);
        }
        if (service == null) {
            throw new UnknownNameException("backend", name, backendNames());
        }
        if (!(service instanceof Backend backend)) {
            throw new BrainJException("backend '" + name + "' was built against another copy of the BrainJ API ("
                    + service.getClass().getName() + " is no " + Backend.class.getName()
                    + " of this launcher); install it without its own copy of org.brainj.api");
        }
        return backend;
    }

    /** The names of the backends registered now, sorted. */
    public List<String> backendNames() {
        return backends.names();
    }

    /** Tells {@code listener} of every backend got through {@link #backend} that leaves, before it is released. */
    public void addDeparture(BackendDeparture listener) {
        backends.addDeparture(listener);
    }

    public void removeDeparture(BackendDeparture listener) {
        backends.removeDeparture(listener);
    }

    /**
     * A task the shutdown hook (Ctrl-C) runs before it stops the framework, e.g. to let a run
     * write what it recorded while its backend is still there.
     */
    public void beforeStop(Runnable task) {
        synchronized (beforeStop) {
            beforeStop.add(task);
        }
    }

    private void shutDown() {
        List<Runnable> tasks;
        synchronized (beforeStop) {
            tasks = List.copyOf(beforeStop);
        }
        for (Runnable task : tasks) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "a shutdown task failed: " + e, e);
            }
        }
        stop();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down (the hook runs stop) or the hook was never added
        }
        stop();
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (plugins != null) {
            plugins.close();
        }
        if (backends != null) {
            backends.close();
        }
        try {
            framework.stop();
            // a plugin still blocked in its activator holds the framework's stop forever: do not wait for it
            Duration wait = plugins != null && plugins.hasStuck() ? STUCK_STOP_TIMEOUT : STOP_TIMEOUT;
            if (framework.waitForStop(wait.toMillis()).getType() == org.osgi.framework.FrameworkEvent.WAIT_TIMEDOUT
                    && wait == STOP_TIMEOUT) {
                LOG.warning("the OSGi framework did not stop within " + STOP_TIMEOUT.toSeconds() + " s");
            }
        } catch (BundleException e) {
            LOG.log(Level.WARNING, "the OSGi framework did not stop cleanly: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteStorage();
        }
    }

    private List<Bundle> install(List<Path> jars) {
        List<Bundle> installed = new ArrayList<>();
        for (Path jar : jars) {
            try {
                // by reference: Felix reads the jar where it lies instead of copying it into its cache
                // first, which each run would do anew (the cache is the run's own), 25 MB in all
                installed.add(context().installBundle(SHIPPED + jar.toUri()));
            } catch (BundleException e) {
                problems.add(jar.getFileName() + " was not installed: " + e.getMessage());
            }
        }
        return installed;
    }

    private void startBundle(Bundle bundle) {
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return; // fragments attach to their host; they are never started
        }
        try {
            bundle.start();
        } catch (BundleException e) {
            problems.add(bundle.getSymbolicName() + " " + bundle.getVersion() + " did not start: " + e.getMessage());
        }
    }

    private static List<Path> bundleJars(Path dir) {
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            jars = List.of();
        }
        if (jars.isEmpty()) {
            throw new BrainJException("no bundles in " + dir + "; build the launcher first (mvn -B -DskipTests package"
                    + " in the BrainJ folder, or run ./brainj, which builds it)");
        }
        return jars;
    }

    /** The framework cache folders in the temporary folder: {@code brainj-felix-<pid>-<random>}. */
    static final String STORAGE_PREFIX = "brainj-felix-";

    /**
     * The service-loader registrar extender, declared by the system bundle so that Janino resolves
     * without one. Janino's manifest requires it only to publish its {@code ICompilerFactory} as an
     * OSGi service, which BrainJ never looks up (the cpu backend constructs Janino's compiler
     * directly); the registrar it would need (Aries SPI Fly) and the five ASM bundles SPI Fly
     * weaves with cost every run ~0.3 s of CPU at start-up (COBA's whole process 3.56 -> 3.27 s,
     * medians of 8) for that unused service.
     */
    static final String JANINO_REGISTRAR = "osgi.extender;osgi.extender=\"osgi.serviceloader.registrar\";version:Version=\"1.0\"";

    private static Path createStorage() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        removeStale(tmp);
        return newStorage(tmp);
    }

    /** A new folder in {@code tmp} that only this user may enter, named {@code brainj-felix-<pid>-<n>}. */
    static Path newStorage(Path tmp) {
        // named by a counter, not by Files.createTempDirectory's random name: its SecureRandom took ~15 ms of the
        // platform start's CPU (issue 11); creating a folder is atomic and fails on any file of that name (a link
        // too), so a name taken by anyone is passed over, and the folder is the owner's alone, as a temporary one is
        String prefix = STORAGE_PREFIX + ProcessHandle.current().pid() + "-";
        IOException failure = null;
        for (int tries = 0; tries < STORAGE_TRIES; tries++) {
            Path dir = tmp.resolve(prefix + STORAGE_COUNTER.incrementAndGet());
            try {
                return tmp.getFileSystem().supportedFileAttributeViews().contains("posix")
                        ? Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                        : Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                failure = e;
            } catch (IOException e) {
                failure = e;
                break;
            }
        }
        String why = failure instanceof FileAlreadyExistsException ? "the names " + prefix + "N up to " + STORAGE_COUNTER.get()
                + " are all taken" : failure.getMessage();
        throw new BrainJException("cannot create the OSGi framework's cache folder in " + tmp + ": " + why
                + "; set -Djava.io.tmpdir to a writable folder", failure);
    }

    /** Numbers the framework caches of this process (a sweep or a test starts several platforms). */
    private static final AtomicInteger STORAGE_COUNTER = new AtomicInteger();
    private static final int STORAGE_TRIES = 100;

    static final String SAX_PARSER_FACTORY = "javax.xml.parsers.SAXParserFactory";
    static final String JDK_SAX_PARSER_FACTORY = "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl";

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Framework newFramework(Path storage) {
        Map<String, Object> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, HostPackages.systemPackagesExtra());
        config.put(Constants.FRAMEWORK_SYSTEMCAPABILITIES_EXTRA, JANINO_REGISTRAR);
        config.put("felix.log.logger", new FelixLog()); // Felix takes this one as an object
        config.put("felix.log.level", FelixLog.felixLevel());
        // Declarative Services prints a component's failure with its whole stack trace, on every lookup:
        // only under --debug; without it the launcher names the bundle in one line (RegistryCatalog)
        config.put("ds.log.enabled", String.valueOf(FelixLog.details()));
        useJdkXmlParser();
        // the launcher embeds Felix: constructed directly, as a ServiceLoader lookup would open
        // every jar on the launcher's classpath (~25) to find this one factory
        return new org.apache.felix.framework.FrameworkFactory().newFramework((Map) config);
    }

    /**
     * Declarative Services reads each bundle's component descriptions with a JAXP SAX parser. The
     * JAXP lookup opens every jar on the launcher's classpath for a service file naming another
     * parser (~20 ms of CPU time at start-up); none of them has one, so it ends at the JDK's own:
     * named here, unless the user named one (-D in BRAINJ_JAVA_OPTS).
     */
    static void useJdkXmlParser() {
        if (System.getProperty(SAX_PARSER_FACTORY) == null) {
            System.setProperty(SAX_PARSER_FACTORY, JDK_SAX_PARSER_FACTORY);
        }
    }

    /**
     * Deletes the framework caches in {@code tmp} that a killed launcher left (SIGKILL gives it no
     * chance to delete its own): those whose process is gone. A cache of a running launcher stays.
     */
    static void removeStale(Path tmp) {
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                if (!name.startsWith(STORAGE_PREFIX)) {
                    continue;
                }
                // a cache named without a pid (an older BrainJ's) cannot be told from a running one's: left alone
                String[] parts = name.substring(STORAGE_PREFIX.length()).split("-", 2);
                boolean withPid = parts.length == 2 && parts[0].matches("[0-9]{1,18}");
                if (withPid && !ProcessHandle.of(Long.parseLong(parts[0])).map(ProcessHandle::isAlive).orElse(false)) {
                    deleteTree(dir);
                }
            }
        } catch (IOException | SecurityException e) {
            LOG.fine("could not look for stale framework caches in " + tmp + ": " + e.getMessage());
        }
    }

    private void deleteStorage() {
        deleteTree(storage);
    }

    private static void deleteTree(Path storage) {
        try (Stream<Path> files = Files.walk(storage)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            LOG.fine("could not delete the framework cache " + storage + ": " + e.getMessage());
        }
    }
}
