package org.brainj.launcher.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.connect.ConnectorFactory;
import org.brainj.api.connect.Connectivity;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** The shipped connectors bundle in the launcher's platform: every connector is a service under its name. */
class ConnectorCatalogIT {
    /** Issue 4's catalog: BrainPy's regular, random and custom connectors and NEST's four rules. */
    private static final Set<String> CATALOG = Set.of("One2One", "All2All", "GridFour", "GridEight", "GridN",
            "FixedProb", "FixedPreNum", "FixedPostNum", "FixedTotalNum", "GaussianProb", "GaussianWeight", "DOG",
            "SmallWorld", "ScaleFreeBA", "ScaleFreeBADual", "PowerLaw", "fixed_indegree", "fixed_outdegree",
            "pairwise_bernoulli", "fixed_total_number", "IndexConn", "MatConn", "CSRConn");

    @Test
    void everyConnectorIsAServiceUnderItsName() throws Exception {
        try (Platform platform = Platform.start(Platform.defaultBundleDir())) {
            BundleContext context = platform.context();
            assertEquals(List.of(), platform.problems());
            Set<String> names = new TreeSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (names.size() < CATALOG.size() && System.nanoTime() < deadline) {
                names.clear();
                for (ServiceReference<ConnectorFactory> ref : context.getServiceReferences(ConnectorFactory.class, null)) {
                    names.add((String) ref.getProperty(ConnectorFactory.NAME_PROPERTY));
                }
                Thread.sleep(50);
            }
            assertEquals(new TreeSet<>(CATALOG), names);
            // SCR read all 23 from one description file (bnd/MergeComponents.java), not from a file each
            Bundle connectors = context.getServiceReferences(ConnectorFactory.class, null).iterator().next().getBundle();
            assertEquals("OSGI-INF/merged/components.xml", connectors.getHeaders().get("Service-Component"));
            assertEquals(null, connectors.getEntry("OSGI-INF/org.brainj.connectors.services.FixedProbFactory.xml"));

            ServiceReference<ConnectorFactory> ref = context
                    .getServiceReferences(ConnectorFactory.class, "(connector.name=FixedProb)").iterator().next();
            Connectivity all = context.getService(ref).create(Map.of("prob", 1.0, "include_self", false))
                    .connect(20, 20);
            // p = 1 without self-connections: every ordered pair of distinct neurons
            assertEquals(20 * 19, all.numSynapses());
            assertTrue(context.ungetService(ref));
        }
    }
}
