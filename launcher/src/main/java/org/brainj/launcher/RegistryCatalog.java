package org.brainj.launcher;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.brainj.api.BrainJException;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModel;
import org.brainj.api.sim.NeuronModelFactory;
import org.brainj.api.spi.ParamSpec;
import org.brainj.api.tensor.Backend;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.platform.TimeLimit;
import org.brainj.launcher.spec.Catalog;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * A spec's names looked up in the running platform's service registry. Services come from
 * bundles that may be third-party plugins: one whose component fails or blocks is left out with
 * one warning naming its bundle, and a model whose code fails is reported as that bundle's fault.
 */
final class RegistryCatalog implements Catalog {
    /** Declarative Services registers components a moment after their bundles start. */
    static final Duration BACKEND_WAIT = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(RegistryCatalog.class.getName());

    private final Platform platform;
    private final Set<Long> reported = new HashSet<>();
    private final Set<String> reportedNames = new HashSet<>();

    RegistryCatalog(Platform platform) {
        this.platform = platform;
    }

    @Override
    public Backend backend(String name) {
        return platform.backend(name, BACKEND_WAIT);
    }

    /** Where two bundles offer a model of the same name, the first registered (BrainJ's own before a plugin's) wins, with a warning. */
    @Override
    public Collection<NeuronModelFactory> models() {
        Map<String, FromBundle> byName = new LinkedHashMap<>();
        for (Found<NeuronModelFactory> s : services(NeuronModelFactory.class, null)) {
            FromBundle model = new FromBundle(s.service(), s.bundle());
            FromBundle first = byName.putIfAbsent(model.name(), model);
            if (first != null && reportedNames.add(model.name() + " " + model.bundle())) {
                LOG.warning("bundle " + model.bundle() + ": model '" + model.name() + "' is offered by bundle " + first.bundle()
                        + " already; specs get that one: rename it in the plugin");
            }
        }
        return List.copyOf(byName.values());
    }

    @Override
    public Collection<ConnectorFactory> connectors() {
        return services(ConnectorFactory.class, null).stream().map(Found::service).toList();
    }

    /**
     * The connector named {@code name}: only the services registered under that name are got, as getting one
     * activates its component (COBA's two lookups activated all 23 connectors, ~35 ms of the main thread's CPU
     * before its first step); the whole catalog only where none of them is it, for the error's list of names.
     */
    @Override
    public ConnectorFactory connector(String name) {
        String filter = "(" + ConnectorFactory.NAME_PROPERTY + "=" + filterValue(name) + ")";
        for (Found<ConnectorFactory> s : services(ConnectorFactory.class, filter)) {
            if (s.service().name().equals(name)) {
                return s.service();
            }
        }
        return Catalog.super.connector(name);
    }

    /** {@code value} as an LDAP filter's value matches it literally (RFC 1960 escapes). */
    static String filterValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '*' || c == '(' || c == ')') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    /** Where two bundles offer a synapse model of the same name, the first registered wins, as for neuron models. */
    @Override
    public Collection<SynapseModelFactory> synapses() {
        Map<String, SynapseModelFactory> byName = new LinkedHashMap<>();
        for (Found<SynapseModelFactory> s : services(SynapseModelFactory.class, null)) {
            SynapseModelFactory first = byName.putIfAbsent(s.service().name(), s.service());
            if (first != null && reportedNames.add("synapse " + s.service().name() + " " + s.bundle())) {
                LOG.warning("bundle " + s.bundle() + ": synapse model '" + s.service().name() + "' is offered by another"
                        + " bundle already; specs get that one: rename it in the plugin");
            }
        }
        return List.copyOf(byName.values());
    }

    /** Where two bundles offer an output of the same name, the first registered wins. */
    @Override
    public Collection<OutputModelFactory> outputs() {
        Map<String, OutputModelFactory> byName = new LinkedHashMap<>();
        services(OutputModelFactory.class, null).forEach(o -> byName.putIfAbsent(o.service().name(), o.service()));
        return List.copyOf(byName.values());
    }

    private record Found<T>(T service, String bundle) {
    }

    /**
     * The services of a type shared from the host (a bundle with its own copy of the API is not one of them) that
     * match {@code filter} (null: all).
     */
    private <T> List<Found<T>> services(Class<T> type, String filter) {
        BundleContext context = platform.context();
        ServiceReference<?>[] refs;
        try {
            refs = context.getAllServiceReferences(type.getName(), filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Found<T>> found = new ArrayList<>();
        refs = refs == null ? new ServiceReference<?>[0] : refs;
        Arrays.sort(refs, Collections.reverseOrder()); // the framework's order: highest ranking, then first registered
        for (ServiceReference<?> ref : refs) {
            Bundle bundle = ref.getBundle();
            if (bundle == null) {
                continue; // unregistered while we looked
            }
            String owner = bundle.getSymbolicName() + " " + bundle.getVersion();
            // a component's constructor or activate method runs here: a plugin's may throw or never return, so it runs
            // on a thread of its own within a limit; the launcher's own bundles' run here (a COBA run looked its 22
            // connectors up twice: 44 threads started and waited for)
            Optional<Object> service = Platform.shipped(bundle) ? Optional.ofNullable(context.getService(ref))
                    : TimeLimit.call("brainj-service-" + bundle.getSymbolicName(), TimeLimit.PLUGINS,
                    () -> Optional.ofNullable(context.getService(ref))).flatMap(o -> o);
            if (service.isPresent() && type.isInstance(service.get())) {
                found.add(new Found<>(type.cast(service.get()), owner));
            } else if (reported.add((Long) ref.getProperty(org.osgi.framework.Constants.SERVICE_ID))) {
                Object name = ref.getProperty(NeuronModelFactory.NAME_PROPERTY);
                LOG.warning("bundle " + owner + ": its service" + (name == null ? "" : " '" + name + "'") + " is left out: "
                        + (service.isPresent() ? "it was built against another copy of the BrainJ API"
                        : "its component failed or did not start within " + TimeLimit.PLUGINS.toSeconds()
                        + " s (--debug shows the framework's report)"));
            }
        }
        return found;
    }

    /** A model whose own code failing is reported as a fault of the bundle it came from, not of BrainJ. */
    private record FromBundle(NeuronModelFactory model, String bundle) implements NeuronModelFactory {
        @Override
        public String name() {
            return model.name();
        }

        @Override
        public List<ParamSpec> parameters() {
            try {
                return model.parameters();
            } catch (BrainJException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                throw fault("parameters()", e);
            }
        }

        @Override
        public NeuronModel create(Map<String, ?> params) {
            try {
                return model.create(params);
            } catch (BrainJException e) {
                throw e;
            } catch (RuntimeException | LinkageError e) {
                throw fault("create()", e);
            }
        }

        @Override
        public String method() {
            return model.method();
        }

        @Override
        public double dt() {
            return model.dt();
        }

        private BrainJException fault(String where, Throwable e) {
            return new BrainJException("model '" + model.name() + "' of bundle " + bundle + " failed in " + where + ": " + e
                    + "; a fault of that bundle: fix it or remove it from the plugin folder (--debug shows the trace)", e);
        }
    }
}
