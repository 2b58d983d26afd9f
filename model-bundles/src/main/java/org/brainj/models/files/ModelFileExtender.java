package org.brainj.models.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModelFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;

/**
 * Registers the model files of every active bundle whose manifest has {@value #HEADER}
 * (the folder holding its {@code .model}, {@code .synapse} and {@code .output} files), this catalog's own bundle
 * included: one {@link NeuronModelFactory} service per neuron model with {@code model.name} and
 * {@code model.source} (bundle and file), one {@link SynapseModelFactory} per synapse model with
 * {@code synapse.name} and {@code synapse.source}, one {@link OutputModelFactory} per synaptic output
 * with {@code output.name} and {@code output.source}, in the name of that bundle: they leave when it stops. A plugin's
 * file at fault is left out with one warning naming the bundle, the file and the line. The catalog's own files, which
 * its build checks, are registered from the index its build writes of them ({@link CatalogIndex}), and each is read
 * and compiled when a run first uses one of its models (issue 11): at start none is read.
 */
@Component(immediate = true)
public final class ModelFileExtender implements BundleTrackerCustomizer<List<ServiceRegistration<?>>> {
    /** The manifest header of a bundle that ships model files: the folder they are in. */
    public static final String HEADER = "BrainJ-Models";
    private static final Logger LOG = Logger.getLogger(ModelFileExtender.class.getName());

    private BundleTracker<List<ServiceRegistration<?>>> tracker;
    private Bundle catalog;

    @Activate
    void activate(BundleContext context) {
        catalog = context.getBundle();
        tracker = new BundleTracker<>(context, Bundle.ACTIVE, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public List<ServiceRegistration<?>> addingBundle(Bundle bundle, BundleEvent event) {
        String header = bundle.getHeaders().get(HEADER);
        if (header == null) {
            return null;
        }
        String folder = header.trim();
        List<ServiceRegistration<?>> registered = new ArrayList<>();
        List<CatalogIndex.Entry> indexed = bundle.equals(catalog) ? index(bundle, folder) : null;
        if (indexed != null) {
            indexed.forEach(e -> register(bundle, folder, e, onFirstUse(bundle, folder, e), registered));
            return registered;
        }
        String owner = bundle.getSymbolicName() + " " + bundle.getVersion();
        Consumer<ModelFileException> warn = e -> LOG.warning("bundle " + owner + ": " + e.getMessage());
        Map<String, String> files = files(bundle, folder);
        ModelFiles.Compile compile = bundle.equals(catalog) ? ModelFiles.Compile.ON_FIRST_USE : ModelFiles.Compile.AT_LOAD;
        ModelFiles.models(files, compile, warn).forEach(m -> register(bundle, folder, CatalogIndex.of(m), m, registered));
        ModelFiles.synapses(files, compile, warn).forEach(s -> register(bundle, folder, CatalogIndex.of(s), s, registered));
        ModelFiles.outputs(files, compile, warn).forEach(o -> register(bundle, folder, CatalogIndex.of(o), o, registered));
        return registered;
    }

    /** Registers {@code service} in the files' own bundle: listed as its service, and gone when it stops. */
    private static void register(Bundle bundle, String folder, CatalogIndex.Entry entry, Object service,
                                 List<ServiceRegistration<?>> registered) {
        Hashtable<String, Object> props = new Hashtable<>(entry.properties());
        props.put(entry.kind().sourceProperty(), bundle.getSymbolicName() + "/" + folder + "/" + entry.file());
        registered.add(bundle.getBundleContext().registerService(entry.kind().service.getName(), service, props));
    }

    /**
     * The catalog's index of its files ({@link CatalogIndex}), which its build writes; null where it has none (a
     * build that skipped writing it), and its files are then read as a plugin's are.
     */
    private static List<CatalogIndex.Entry> index(Bundle bundle, String folder) {
        URL url = bundle.getEntry(folder + "/" + CatalogIndex.FILE);
        if (url == null) {
            return null;
        }
        try (InputStream in = url.openStream()) {
            return CatalogIndex.read(in);
        } catch (IOException | RuntimeException e) {
            LOG.warning("bundle " + bundle.getSymbolicName() + ": cannot read " + CatalogIndex.FILE + " (" + e
                    + "); reading its model files instead");
            return null;
        }
    }

    /** The service of an index entry of {@code bundle}'s {@code folder}: its file read from the bundle when first asked. */
    private static Object onFirstUse(Bundle bundle, String folder, CatalogIndex.Entry entry) {
        return onFirstUse(entry, () -> {
            URL url = bundle.getEntry(folder + "/" + entry.file());
            try (InputStream in = java.util.Objects.requireNonNull(url, "no such entry").openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new UncheckedIOException(new IOException("bundle " + bundle.getSymbolicName() + ": cannot read its"
                        + " model file " + folder + "/" + entry.file() + ": " + e.getMessage(), e));
            }
        });
    }

    /**
     * The service of an index entry: its name from the index, the rest from its file's {@code text}, read and parsed
     * when first asked, once.
     */
    static Object onFirstUse(CatalogIndex.Entry entry, Supplier<String> text) {
        Supplier<Map<String, String>> file = () -> Map.of(entry.file(), text.get());
        Consumer<ModelFileException> fail = e -> {
            throw e; // the catalog's own files are checked by its build: a fault here is a build fault
        };
        String name = entry.name();
        return switch (entry.kind()) {
            case MODEL -> new IndexedModel(name, new OnFirstUse<>(() ->
                    named(ModelFiles.models(file.get(), ModelFiles.Compile.ON_FIRST_USE, fail), FileModel::name, entry)));
            case SYNAPSE -> new IndexedSynapse(name, new OnFirstUse<>(() ->
                    named(ModelFiles.synapses(file.get(), ModelFiles.Compile.ON_FIRST_USE, fail), FileSynapse::name, entry)));
            case OUTPUT -> new IndexedOutput(name, new OnFirstUse<>(() ->
                    named(ModelFiles.outputs(file.get(), ModelFiles.Compile.ON_FIRST_USE, fail), FileOutput::name, entry)));
        };
    }

    private static <T> T named(List<T> defined, Function<T, String> nameOf, CatalogIndex.Entry entry) {
        return defined.stream().filter(m -> nameOf.apply(m).equals(entry.name())).findFirst().orElseThrow(() ->
                new IllegalStateException("the model catalog's " + CatalogIndex.FILE + " names " + entry.kind().prefix + " '"
                        + entry.name() + "' in " + entry.file() + ", which defines " + defined.stream().map(nameOf).toList()
                        + ": the index is older than the file; rebuild the catalog"));
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registered) {
        // the files of a started bundle do not change; an update stops and starts it again
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, List<ServiceRegistration<?>> registered) {
        for (ServiceRegistration<?> r : registered) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // gone already, with the framework stopping
            }
        }
    }

    /** The model files directly in {@code folder} of {@code bundle}, by file name. */
    private static Map<String, String> files(Bundle bundle, String folder) {
        Map<String, String> files = new TreeMap<>();
        List<URL> urls = Collections.list(java.util.Objects.requireNonNullElse(
                bundle.findEntries(folder, "*", false), Collections.emptyEnumeration()));
        for (URL url : urls) {
            String path = url.getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (!ModelFiles.isModelFile(name)) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                LOG.warning("bundle " + bundle.getSymbolicName() + ": cannot read " + name + ": " + e.getMessage());
            }
        }
        return files;
    }
}
