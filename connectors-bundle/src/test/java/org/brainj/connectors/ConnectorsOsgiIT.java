package org.brainj.connectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;

/**
 * The built bundles in a real OSGi framework: Felix with SCR, the API bundle and this bundle.
 * Every connector of the catalog must come up as a ConnectorFactory service with its
 * connector.name, and a service obtained there must build connectivity.
 */
class ConnectorsOsgiIT {
    private static final String FACTORY = "org.brainj.api.connect.ConnectorFactory";

    /** The jar on the test class path that holds a class (found as a resource: loading it may need OSGi). */
    private static String jarOf(String className) {
        String url = ClassLoader.getSystemResource(className.replace('.', '/') + ".class").toString();
        return url.substring("jar:".length(), url.indexOf("!/"));
    }

    private static String built(String dir, String prefix) throws Exception {
        try (var files = Files.list(Path.of(dir))) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".jar")
                    && !f.toString().endsWith("-tests.jar")).findFirst().orElseThrow().toUri().toString();
        }
    }

    @Test
    void everyConnectorIsAServiceUnderItsName(@TempDir Path storage) throws Exception {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        Framework framework = new FrameworkFactory().newFramework(config);
        framework.start();
        try {
            BundleContext ctx = framework.getBundleContext();
            List<Bundle> bundles = new ArrayList<>();
            for (String location : List.of(jarOf("org.osgi.util.function.Function"), jarOf("org.osgi.util.promise.Promise"),
                    jarOf("org.osgi.service.component.ComponentContext"),
                    jarOf("org.apache.felix.scr.impl.Activator"), built("../api-bundle/target", "brainj-api-"),
                    built("target", "brainj-connectors-"))) {
                bundles.add(ctx.installBundle(location));
            }
            for (Bundle b : bundles) {
                b.start();
            }
            Set<String> names = new TreeSet<>();
            long deadline = System.currentTimeMillis() + 20_000;
            ServiceReference<?>[] refs = null;
            while (System.currentTimeMillis() < deadline) {
                // "All": the test's own copy of the API is not the bundle's, so skip the class-space check.
                refs = ctx.getAllServiceReferences(FACTORY, null);
                if (refs != null && refs.length >= 23) {
                    break;
                }
                Thread.sleep(100);
            }
            assertTrue(refs != null, "no ConnectorFactory service came up");
            Object fixedProb = null;
            for (ServiceReference<?> ref : refs) {
                String name = (String) ref.getProperty("connector.name");
                names.add(name);
                if ("FixedProb".equals(name)) {
                    fixedProb = ctx.getService(ref);
                }
            }
            assertEquals(23, names.size(), "services: " + names);
            assertTrue(names.containsAll(List.of("FixedProb", "GaussianProb", "SmallWorld", "fixed_indegree", "IndexConn")));
            // The service lives in the bundle's class space, so it is driven reflectively here.
            Class<?> factoryType = fixedProb.getClass().getClassLoader().loadClass(FACTORY);
            Object connector = factoryType.getMethod("create", Map.class)
                    .invoke(fixedProb, Map.of("prob", 1.0, "include_self", false));
            Object conn = connector.getClass().getMethod("connect", int.class, int.class).invoke(connector, 20, 20);
            assertEquals(20 * 19, conn.getClass().getMethod("numSynapses").invoke(conn));
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }
}
