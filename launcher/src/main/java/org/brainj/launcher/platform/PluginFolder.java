package org.brainj.launcher.platform;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.brainj.api.BrainJException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * A folder of plugin bundles, kept in step with the framework while the platform runs: a jar
 * added is installed and started, a jar replaced is updated, a jar removed is stopped and
 * uninstalled. A plugin that fails is reported (a warning) and skipped; the platform runs on.
 */
final class PluginFolder implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(PluginFolder.class.getName());

    private final Path dir;
    private final BundleContext context;
    private final Map<Path, Bundle> installed = new HashMap<>();
    private final Set<Bundle> stuck = ConcurrentHashMap.newKeySet();
    private final WatchService watcher;
    private final Thread thread;

    /** Installs and starts the jars in {@code dir} now, then follows the folder's changes. */
    PluginFolder(Path dir, BundleContext context, List<String> problems) {
        if (!Files.isDirectory(dir)) {
            throw new BrainJException("plugin folder '" + dir + "' does not exist; create it or give another with --plugins DIR");
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.context = context;
        try {
            watcher = FileSystems.getDefault().newWatchService();
            this.dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (IOException e) {
            throw new BrainJException("cannot watch the plugin folder '" + dir + "': " + e.getMessage(), e);
        }
        try (Stream<Path> files = Files.list(this.dir)) {
            files.filter(PluginFolder::isJar).sorted().forEach(jar -> {
                String problem = add(jar);
                if (problem != null) {
                    problems.add(problem);
                }
            });
        } catch (IOException e) {
            throw new BrainJException("cannot list the plugin folder '" + dir + "': " + e.getMessage(), e);
        }
        thread = new Thread(this::follow, "brainj-plugins");
        thread.setDaemon(true);
        thread.start();
    }

    private static boolean isJar(Path f) {
        return f.getFileName().toString().endsWith(".jar");
    }

    private void follow() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                        continue;
                    }
                    Path jar = dir.resolve((Path) event.context());
                    if (!isJar(jar)) {
                        continue;
                    }
                    String problem = event.kind() == StandardWatchEventKinds.ENTRY_DELETE ? remove(jar) : add(jar);
                    if (problem != null) {
                        LOG.warning(problem);
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed with the platform
        }
    }

    /** Installs and starts a new jar, or updates one installed before; null when it worked. */
    private synchronized String add(Path jar) {
        Bundle bundle = installed.get(jar);
        try {
            if (bundle == null) {
                bundle = context.installBundle(jar.toUri().toString());
                installed.put(jar, bundle);
            } else {
                bundle.update(); // a jar written again (or a copy that was still growing)
            }
            if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) == null) {
                return start(jar, bundle);
            }
            return null;
        } catch (BundleException | IllegalStateException | SecurityException e) {
            return "plugin " + jar.getFileName() + " was skipped: " + e.getMessage();
        }
    }

    /**
     * Starts a plugin within {@link TimeLimit#PLUGINS}: an activator that blocks is left running in
     * the background and the plugin reported, so that {@code list} and {@code run} go on.
     */
    private String start(Path jar, Bundle bundle) throws BundleException {
        Bundle b = bundle;
        Optional<Boolean> started;
        try {
            started = TimeLimit.call("brainj-start-" + bundle.getSymbolicName(), TimeLimit.PLUGINS, () -> {
                try {
                    b.start();
                    return true;
                } catch (BundleException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof BundleException be) {
                throw be;
            }
            throw e;
        }
        if (started.isPresent()) {
            return null;
        }
        stuck.add(bundle);
        return "plugin " + jar.getFileName() + " (bundle " + bundle.getSymbolicName() + " " + bundle.getVersion()
                + ") did not finish starting within " + TimeLimit.PLUGINS.toSeconds() + " s (its activator blocks);"
                + " it was skipped: fix or remove it";
    }

    /** Whether a plugin is still starting after its time ran out (stopping the framework then waits for it in vain). */
    boolean hasStuck() {
        return !stuck.isEmpty();
    }

    private synchronized String remove(Path jar) {
        Bundle bundle = installed.remove(jar);
        if (bundle == null) {
            return null;
        }
        try {
            bundle.uninstall(); // stops it first: its services leave the registry
            return null;
        } catch (BundleException | IllegalStateException e) {
            return "plugin " + jar.getFileName() + " did not uninstall cleanly: " + e.getMessage();
        }
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.fine("closing the plugin folder watch: " + e.getMessage());
        }
        thread.interrupt();
    }
}
