package org.brainj.models.files;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * its build checks, are compiled when a run first uses them (issue 11): at start only what a listing shows is read.
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
        String folder = bundle.getHeaders().get(HEADER);
        if (folder == null) {
            return null;
        }
        String owner = bundle.getSymbolicName() + " " + bundle.getVersion();
        List<ServiceRegistration<?>> registered = new ArrayList<>();
        Map<String, String> files = files(bundle, folder.trim());
        ModelFiles.Compile compile = bundle.equals(catalog) ? ModelFiles.Compile.ON_FIRST_USE : ModelFiles.Compile.AT_LOAD;
        for (FileModel model : ModelFiles.models(files, compile, e -> LOG.warning("bundle " + owner + ": " + e.getMessage()))) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(NeuronModelFactory.NAME_PROPERTY, model.name());
            props.put("model.source", bundle.getSymbolicName() + "/" + folder.trim() + "/" + model.file().origin());
            props.put("model.method", model.method());
            props.put("model.dt", model.dt() + " ms");
            String reference = model.file().text("reference");
            if (reference != null) {
                props.put("model.reference", reference);
            }
            // registered in the files' own bundle: listed as its service, and gone when it stops
            registered.add(bundle.getBundleContext().registerService(NeuronModelFactory.class, model, props));
        }
        for (FileSynapse synapse : ModelFiles.synapses(files, compile, e -> LOG.warning("bundle " + owner + ": " + e.getMessage()))) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(SynapseModelFactory.NAME_PROPERTY, synapse.name());
            props.put("synapse.source", bundle.getSymbolicName() + "/" + folder.trim() + "/" + synapse.file().origin());
            // what a spec's 'on:' names for it
            props.put("synapse.on", synapse.summed() ? "a per-neuron variable it sets every step (a current)"
                    : "a variable it adds to at spikes (default: the membrane potential)");
            String reference = synapse.file().text("reference");
            if (reference != null) {
                props.put("synapse.reference", reference);
            }
            registered.add(bundle.getBundleContext().registerService(SynapseModelFactory.class, synapse, props));
        }
        for (FileOutput output : ModelFiles.outputs(files, compile, e -> LOG.warning("bundle " + owner + ": " + e.getMessage()))) {
            Hashtable<String, Object> props = new Hashtable<>();
            props.put(OutputModelFactory.NAME_PROPERTY, output.name());
            props.put("output.source", bundle.getSymbolicName() + "/" + folder.trim() + "/" + output.file().origin());
            String reference = output.file().text("reference");
            if (reference != null) {
                props.put("output.reference", reference);
            }
            registered.add(bundle.getBundleContext().registerService(OutputModelFactory.class, output, props));
        }
        return registered;
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
