package org.brainj.launcher.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.CustomOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Tensor;
import org.brainj.backend.aparapi.RequiresOpenCL;
import org.brainj.launcher.ServiceListing;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Boots Felix in-process with the bundles the build copied to target/bundles, exactly as
 * {@code brainj list} does, on the launcher's own classpath (failsafe leaves the bundle jars off it).
 */
class PlatformIT {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theCpuBackendServiceComputesAndLeavesWithItsBundle() throws Exception {
        Bundle systemBundle;
        try (Platform platform = Platform.start(Platform.defaultBundleDir())) {
            BundleContext context = platform.context();
            systemBundle = context.getBundle(0);
            assertEquals(List.of(), platform.problems(), "every shipped bundle installs, resolves and starts");
            assertTrue(Arrays.stream(context.getBundles()).allMatch(b -> b.getState() == Bundle.ACTIVE
                    || b.getHeaders().get("Fragment-Host") != null), "all bundles active");

            Backend cpu = platform.backend("cpu", WAIT);
            assertEquals("cpu", cpu.name());
            ServiceReference<?>[] refs = context.getAllServiceReferences(Backend.class.getName(), "(backend.name=cpu)");
            assertNotNull(refs);
            assertEquals(1, refs.length);
            assertEquals("cpu", refs[0].getProperty(Backend.NAME_PROPERTY));

            // an operation through the service, against plain Java arithmetic
            double[] a = {1.5, -2.25, 3.0, 1e-300, 7.0};
            double[] b = {0.5, 2.25, -10.0, 1e-300, -0.125};
            Tensor sum = cpu.add(cpu.asTensor(a), cpu.asTensor(b));
            double[] expected = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                expected[i] = a[i] + b[i];
            }
            assertEquals(DType.FLOAT64, sum.dtype());
            assertArrayEquals(new int[] {5}, sum.shape());
            assertArrayEquals(expected, sum.toDoubleArray(), 0.0);

            // the API comes from the host: the backend bundle wires org.brainj.api.tensor to the system bundle
            Bundle cpuBundle = FrameworkUtil.getBundle(cpu.getClass());
            assertEquals("org.brainj.backend.cpu", cpuBundle.getSymbolicName());
            assertEquals(0L, providerOf(cpuBundle, "org.brainj.api.tensor").getBundleId());
            assertTrue(Arrays.stream(context.getBundles()).noneMatch(x -> "org.brainj.api".equals(x.getSymbolicName())),
                    "the API bundle is not installed a second time");

            // Janino resolves on the system bundle's registrar capability, without SPI Fly: no bundle weaves
            Bundle janino = Arrays.stream(context.getBundles()).filter(x -> "org.codehaus.janino.janino".equals(x.getSymbolicName()))
                    .findFirst().orElseThrow();
            assertEquals(Bundle.ACTIVE, janino.getState());
            assertTrue(Arrays.stream(context.getBundles()).noneMatch(x -> x.getSymbolicName().contains("spifly")));

            // a custom operation registered from the host reaches the backend: one Tensor class on both sides
            ServiceRegistration<CustomOp> twice = context.registerService(CustomOp.class, new Twice(),
                    new Hashtable<>(Map.of(CustomOp.NAME_PROPERTY, "twice", Backend.NAME_PROPERTY, "cpu")));
            assertTrue(cpu.opNames().contains("twice"), cpu.opNames().toString());
            double[] doubled = Arrays.stream(a).map(x -> x + x).toArray();
            assertArrayEquals(doubled, cpu.op("twice").apply(cpu, cpu.asTensor(a)).toDoubleArray(), 0.0);
            // it carries backend.name too, yet it is no backend
            assertEquals(List.of("aparapi", "cpu"), backendNames(ServiceListing.of(context)));
            twice.unregister();

            cpuBundle.stop();

            assertEquals(null, context.getAllServiceReferences(Backend.class.getName(), "(backend.name=cpu)"));
            assertEquals(List.of("aparapi"), backendNames(ServiceListing.of(context)));
            UnknownNameException gone = assertThrows(UnknownNameException.class, () -> platform.backend("cpu", Duration.ZERO));
            assertEquals("unknown backend 'cpu'; known: aparapi", gone.getMessage());

            cpuBundle.start();
            assertEquals("cpu", platform.backend("cpu", WAIT).name(), "the service comes back with its bundle");
        }
        assertEquals(Bundle.RESOLVED, systemBundle.getState(), "the framework stopped");
    }

    /**
     * The Aparapi bundle (Aparapi, its JNI loader and BCEL embedded) resolves and starts in Felix and
     * computes on an OpenCL device: its backend throws rather than return what Aparapi's silent
     * Java-thread fallback computed (backend-aparapi-gpu's OpenClFallbackTest).
     */
    @Test
    @RequiresOpenCL
    void theAparapiBackendServiceComputesOnOpenClInsideTheFramework() {
        try (Platform platform = Platform.start(Platform.defaultBundleDir())) {
            assertEquals(List.of(), platform.problems());
            Backend aparapi = platform.backend("aparapi", WAIT);
            Bundle bundle = FrameworkUtil.getBundle(aparapi.getClass());
            assertEquals("org.brainj.backend.aparapi", bundle.getSymbolicName());
            assertEquals(Bundle.ACTIVE, bundle.getState());
            assertEquals(0L, providerOf(bundle, "org.brainj.api.tensor").getBundleId(), "the API from the host");
            assertTrue(aparapi.description().contains("OpenCL"), aparapi.description());

            double[] a = {1.5, -2.25, 3.0, 1e-300, 7.0};
            double[] b = {0.5, 2.25, -10.0, 1e-300, -0.125};
            double[] expected = {1.5 * 0.5, -2.25 * 2.25, 3.0 * -10.0, 1e-300 * 1e-300, 7.0 * -0.125}; // Java's products
            assertArrayEquals(expected, aparapi.mul(aparapi.asTensor(a), aparapi.asTensor(b)).toDoubleArray(), 0.0);
        }
    }

    private static final class Twice implements CustomOp {
        @Override
        public String name() {
            return "twice";
        }

        @Override
        public String backendName() {
            return "cpu";
        }

        @Override
        public Tensor apply(Backend backend, Tensor... args) {
            return backend.add(args[0], args[0]);
        }
    }

    private static Bundle providerOf(Bundle bundle, String packageName) {
        List<BundleWire> wires = bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        return wires.stream()
                .filter(w -> packageName.equals(w.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .findFirst().orElseThrow().getProvider().getBundle();
    }

    private static List<String> backendNames(ServiceListing listing) {
        return listing.backends().stream().map(ServiceListing.Entry::name).toList();
    }
}
