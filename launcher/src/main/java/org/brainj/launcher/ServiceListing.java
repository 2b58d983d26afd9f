package org.brainj.launcher;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.tensor.Backend;
import org.brainj.launcher.platform.TimeLimit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * What {@code brainj list} shows: the backends, neuron and synapse models, synaptic outputs and
 * connectors in the service registry.
 */
public record ServiceListing(List<Entry> backends, List<Entry> models, List<Entry> synapses, List<Entry> outputs,
                             List<Entry> connectors) {
    /** The service property that names a model factory. */
    public static final String MODEL_NAME = "model.name";
    /** The service property that names a synapse model of the library. */
    public static final String SYNAPSE_NAME = SynapseModelFactory.NAME_PROPERTY;
    /** The service property that names a synaptic output of the library. */
    public static final String OUTPUT_NAME = OutputModelFactory.NAME_PROPERTY;
    /** The service property that names a connector factory. */
    public static final String CONNECTOR_NAME = "connector.name";

    /** Registry bookkeeping that says nothing about the service itself. */
    private static final Set<String> BOOKKEEPING = Set.of(Constants.OBJECTCLASS, Constants.SERVICE_ID,
            Constants.SERVICE_BUNDLEID, Constants.SERVICE_SCOPE, "component.id");
    /** Declarative Services publishes each reference's target filter as {@code <reference>.target}. */
    private static final String REFERENCE_TARGET_SUFFIX = ".target";

    /**
     * One service: its name, a description (backends describe themselves; null when there is none),
     * the bundle that registered it, and its other service properties as text.
     */
    public record Entry(String name, String description, String bundle, SortedMap<String, String> properties) {
        /** An entry from raw service properties: bookkeeping left out, arrays written as {@code [a, b]}. */
        public static Entry of(String name, String description, String bundle, Map<String, ?> properties) {
            SortedMap<String, String> shown = new TreeMap<>();
            properties.forEach((k, v) -> {
                if (!BOOKKEEPING.contains(k) && !k.endsWith(REFERENCE_TARGET_SUFFIX)) {
                    shown.put(k, text(v));
                }
            });
            return new Entry(name, description, bundle, shown);
        }
    }

    public ServiceListing {
        backends = sorted(backends);
        models = sorted(models);
        synapses = sorted(synapses);
        outputs = sorted(outputs);
        connectors = sorted(connectors);
    }

    /** The services registered now, read from their {@link ServiceReference}s. */
    public static ServiceListing of(BundleContext context) {
        // custom operations carry backend.name too: backends are the services of type Backend
        String backends = "(&(" + Constants.OBJECTCLASS + "=" + Backend.class.getName() + ")(" + Backend.NAME_PROPERTY + "=*))";
        return new ServiceListing(entries(context, Backend.NAME_PROPERTY, backends),
                entries(context, MODEL_NAME, "(" + MODEL_NAME + "=*)"),
                entries(context, SYNAPSE_NAME, "(" + SYNAPSE_NAME + "=*)"),
                entries(context, OUTPUT_NAME, "(" + OUTPUT_NAME + "=*)"),
                entries(context, CONNECTOR_NAME, "(" + CONNECTOR_NAME + "=*)"));
    }

    /** The listing as the command prints it. */
    public String format() {
        StringBuilder out = new StringBuilder();
        section(out, "Backends", backends);
        section(out, "Models", models);
        section(out, "Synapse models", synapses);
        section(out, "Synaptic outputs", outputs);
        section(out, "Connectors", connectors);
        return out.toString();
    }

    private static void section(StringBuilder out, String title, List<Entry> entries) {
        out.append(title).append(":\n");
        if (entries.isEmpty()) {
            out.append("  (none installed)\n");
        }
        for (Entry e : entries) {
            out.append("  ").append(e.name());
            if (e.description() != null) {
                out.append(": ").append(e.description());
            }
            out.append('\n');
            out.append("    bundle: ").append(e.bundle()).append('\n');
            e.properties().forEach((k, v) -> out.append("    ").append(k).append(" = ").append(v).append('\n'));
        }
    }

    private static List<Entry> entries(BundleContext context, String nameProperty, String filter) {
        ServiceReference<?>[] refs;
        try {
            // every registration, whatever the class space: like ServiceTracker.open(true)
            refs = context.getAllServiceReferences(null, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Entry> entries = new ArrayList<>();
        for (ServiceReference<?> ref : refs == null ? new ServiceReference<?>[0] : refs) {
            Bundle bundle = ref.getBundle();
            if (bundle == null) {
                continue; // unregistered while we looked
            }
            Map<String, Object> properties = new TreeMap<>();
            Arrays.stream(ref.getPropertyKeys()).forEach(k -> properties.put(k, ref.getProperty(k)));
            String description = nameProperty.equals(Backend.NAME_PROPERTY) ? describeBackend(context, ref)
                    : describeParameters(context, ref);
            entries.add(Entry.of(text(ref.getProperty(nameProperty)), description,
                    bundle.getSymbolicName() + " " + bundle.getVersion(), properties));
        }
        return entries;
    }

    private static String describeBackend(BundleContext context, ServiceReference<?> ref) {
        return describe(context, ref, service -> {
            if (!(service instanceof Backend backend)) {
                return "(not usable: built against another copy of the BrainJ API)";
            }
            try {
                return backend.description();
            } catch (RuntimeException e) {
                return "(description failed: " + e + ")";
            }
        });
    }

    /** A model's or connector's parameters as a spec gives them: {@code tau (ms, default 10.0)}. */
    private static String describeParameters(BundleContext context, ServiceReference<?> ref) {
        return describe(context, ref, service -> {
            try {
                if (service instanceof NeuronModelFactory model) {
                    return parameters(model.parameters());
                }
                if (service instanceof SynapseModelFactory synapse) {
                    return parameters(synapse.parameters());
                }
                if (service instanceof OutputModelFactory output) {
                    return parameters(output.parameters());
                }
                if (service instanceof ConnectorFactory connector) {
                    return parameters(connector.parameters());
                }
                return "(not usable: built against another copy of the BrainJ API)";
            } catch (RuntimeException e) {
                return "(parameters unknown: " + e + ")";
            }
        });
    }

    /**
     * What {@code describe} makes of the service behind {@code ref}. Getting it runs a plugin's
     * component constructor and activate method, and describing it the plugin's own code: either
     * may never return, so both run within {@link TimeLimit#PLUGINS} and a plugin that blocks is
     * named in its entry instead of holding the command.
     */
    private static String describe(BundleContext context, ServiceReference<?> ref, Function<Object, String> describe) {
        Bundle bundle = ref.getBundle();
        String owner = bundle == null ? "?" : bundle.getSymbolicName() + " " + bundle.getVersion();
        return TimeLimit.call("brainj-list-" + owner, TimeLimit.PLUGINS, () -> {
            Object service = context.getService(ref);
            if (service == null) {
                return "(not available: the service did not activate)";
            }
            try {
                return describe.apply(service);
            } finally {
                context.ungetService(ref);
            }
        }).orElse("(not available: bundle " + owner + " did not make this service within " + TimeLimit.PLUGINS.toSeconds()
                + " s, its component blocks; fix the plugin or remove it from the plugin folder)");
    }

    static String parameters(List<ParamSpec> specs) {
        if (specs.isEmpty()) {
            return "no parameters";
        }
        return "parameters " + specs.stream().map(p -> parameter(p.name(), p.unit(), p.defaultValue()))
                .collect(Collectors.joining(", "));
    }

    /** One parameter as a spec gives it: {@code tau (ms, default 10.0)}; a null default: required. */
    static String parameter(String name, String unit, String defaultValue) {
        return name + " (" + (unit.isEmpty() ? "" : unit + ", ") + (defaultValue == null ? "required" : "default " + defaultValue)
                + ")";
    }

    private static String text(Object value) {
        if (value != null && value.getClass().isArray()) {
            return IntStream.range(0, Array.getLength(value)).mapToObj(i -> text(Array.get(value, i)))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }

    private static List<Entry> sorted(List<Entry> entries) {
        return entries.stream().sorted(Comparator.comparing(Entry::name)).toList();
    }
}
