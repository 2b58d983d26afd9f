package org.brainj.launcher.platform;

import java.time.Duration;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.brainj.api.tensor.Backend;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The {@link Backend} services in the registry, followed as they come and go. A service object is
 * got on first use only (Declarative Services activates a backend, e.g. opens its OpenCL device,
 * when it is got), and kept until its service leaves or the tracker closes. When a backend that
 * was got leaves, the {@link BackendDeparture} listeners hear of it before it is released.
 */
final class BackendTracker implements ServiceTrackerCustomizer<Object, BackendTracker.Entry> {
    private static final Logger LOG = Logger.getLogger(BackendTracker.class.getName());

    /** One registration; its service object got lazily. */
    static final class Entry {
        private final BundleContext context;
        private final ServiceReference<Object> ref;
        private Object service;

        Entry(BundleContext context, ServiceReference<Object> ref) {
            this.context = context;
            this.ref = ref;
        }

        String name() {
            return String.valueOf(ref.getProperty(Backend.NAME_PROPERTY));
        }

        /** The service object (null when the registration is gone or its component did not activate). */
        synchronized Object service() {
            if (service == null) {
                service = context.getService(ref);
            }
            return service;
        }

        /** The service object if it was got, and forgets it: the caller ungets it. */
        synchronized Object release() {
            Object got = service;
            service = null;
            return got;
        }
    }

    private final BundleContext context;
    private final ServiceTracker<Object, Entry> tracker;
    private final List<BackendDeparture> departures = new CopyOnWriteArrayList<>();
    /** Guarded by this; ServiceReference order ranks the last first. */
    private final SortedMap<ServiceReference<Object>, Entry> entries = new TreeMap<>();

    BackendTracker(BundleContext context) {
        this.context = context;
        try {
            // custom operations carry backend.name too: backends are the services of type Backend
            tracker = new ServiceTracker<>(context, context.createFilter("(&(" + Constants.OBJECTCLASS + "="
                    + Backend.class.getName() + ")(" + Backend.NAME_PROPERTY + "=*))"), this);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        // open(true): every registration, whatever the class space; the type is checked by the user
        tracker.open(true);
    }

    /**
     * The service object of the backend named {@code name}, waiting up to {@code wait} for it
     * to be registered; null when there is none by then. Of several with one name, the one the
     * registry ranks first.
     */
    Object waitFor(String name, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        Entry found;
        synchronized (this) {
            while ((found = find(name)) == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
        return found.service(); // outside the lock: getting it may activate the component
    }

    /** The names of the backends registered now, sorted. */
    synchronized List<String> names() {
        return entries.values().stream().map(Entry::name).distinct().sorted().toList();
    }

    void addDeparture(BackendDeparture listener) {
        departures.add(listener);
    }

    void removeDeparture(BackendDeparture listener) {
        departures.remove(listener);
    }

    void close() {
        tracker.close();
    }

    private Entry find(String name) {
        Entry best = null;
        for (Entry e : entries.values()) {
            if (name.equals(e.name())) {
                best = e;
            }
        }
        return best;
    }

    @Override
    public Entry addingService(ServiceReference<Object> ref) {
        Entry entry = new Entry(context, ref);
        synchronized (this) {
            entries.put(ref, entry);
            notifyAll();
        }
        return entry;
    }

    @Override
    public void modifiedService(ServiceReference<Object> ref, Entry entry) {
        // still a backend (else the tracker calls removedService), perhaps under another name
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void removedService(ServiceReference<Object> ref, Entry entry) {
        synchronized (this) {
            entries.remove(ref); // no lookup finds it from now on, a departing run's fallback neither
        }
        Object service = entry.release();
        if (service == null) {
            return; // never used: nothing to move off it
        }
        try {
            if (service instanceof Backend backend) {
                for (BackendDeparture d : departures) {
                    try {
                        d.departing(entry.name(), backend);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "moving off backend '" + entry.name() + "' failed: " + e, e);
                    }
                }
            }
        } finally {
            try {
                context.ungetService(ref);
            } catch (IllegalStateException e) {
                // the framework is stopping: it releases every service itself
            }
        }
    }
}
