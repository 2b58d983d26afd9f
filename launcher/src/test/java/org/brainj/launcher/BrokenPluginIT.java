package org.brainj.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.brainj.api.BrainJException;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that fail (issue 14, item 6): an activator that never returns, a model component whose
 * constructor throws, a model whose create() throws. Each is reported in one line naming its
 * bundle; the platform, list and run go on without waiting for it.
 */
class BrokenPluginIT {
    private static final String MODEL_IMPORTS = "org.brainj.api.sim,org.brainj.api.spi";

    @TempDir
    Path dir;

    @BeforeAll
    static void shortLimit() {
        System.setProperty("brainj.plugin.timeout", "2"); // read when the platform first starts a plugin
    }

    private static String model(String className, String constructorBody, String createBody) {
        return """
                package test;
                import java.util.List;
                import java.util.Map;
                import org.brainj.api.sim.NeuronModel;
                import org.brainj.api.sim.NeuronModelFactory;
                import org.brainj.api.spi.ParamSpec;
                public final class %1$s implements NeuronModelFactory {
                    public %1$s() { %2$s }
                    public String name() { return "%1$s"; }
                    public List<ParamSpec> parameters() { return List.of(); }
                    public NeuronModel create(Map<String, ?> params) { %3$s }
                }
                """.formatted(className, constructorBody, createBody);
    }

    private Path modelBundle(Path plugins, String className, String constructorBody, String createBody) throws Exception {
        Path jar = TestBundles.jar(dir, "test." + className, Map.of("test." + className, model(className, constructorBody,
                        createBody)), Map.of("OSGI-INF/" + className + ".xml", TestBundles.modelComponent("test." + className,
                        className)), Map.of("Service-Component", "OSGI-INF/" + className + ".xml", "Import-Package", MODEL_IMPORTS));
        return Files.copy(jar, plugins.resolve(jar.getFileName()));
    }

    @Test
    void anActivatorThatBlocksIsReportedAndDoesNotHoldTheLauncher() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        Path jar = TestBundles.jar(dir, "test.blocking", Map.of("test.Blocking", """
                package test;
                public final class Blocking implements org.osgi.framework.BundleActivator {
                    public void start(org.osgi.framework.BundleContext c) throws Exception { Thread.sleep(Long.MAX_VALUE); }
                    public void stop(org.osgi.framework.BundleContext c) { }
                }
                """), Map.of(), Map.of("Bundle-Activator", "test.Blocking", "Import-Package", "org.osgi.framework"));
        Files.copy(jar, plugins.resolve("blocking.jar"));
        long start = System.nanoTime();
        Platform platform = Platform.start(Platform.defaultBundleDir(), plugins);
        try {
            List<String> problems = platform.problems();
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("test.blocking 1.0.0") && problems.get(0).contains("did not finish starting within 2 s"),
                    problems.get(0));
            assertTrue(ServiceListing.of(platform.context()).models().stream().anyMatch(e -> e.name().equals("LIF")),
                    "the catalog is there");
        } finally {
            platform.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 20, "start, list and stop took " + seconds + " s");
    }

    /** {@code brainj list} asks every model for its parameters: a component whose constructor blocks costs the time limit, no more. */
    @Test
    void listGoesOnWhenAComponentsConstructorBlocks() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        modelBundle(plugins, "Stuck", "try { Thread.sleep(Long.MAX_VALUE); } catch (InterruptedException e) { }", "return null;");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        long start = System.nanoTime();
        int code = BrainJCommand.execute(new java.io.PrintWriter(out), new java.io.PrintWriter(err), "list", "--plugins",
                plugins.toString());
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(0, code, err.toString());
        assertTrue(seconds < 20, "list took " + seconds + " s");
        List<String> stuck = out.toString().lines().filter(l -> l.contains("did not make this service")).toList();
        assertEquals(1, stuck.size(), out.toString());
        assertTrue(stuck.get(0).startsWith("  Stuck: (not available: bundle test.Stuck 1.0.0 did not make this service within 2 s"),
                stuck.get(0));
        assertTrue(out.toString().contains("\n  LIF: parameters "), "the catalog is listed:\n" + out);
    }

    @Test
    void aComponentThatThrowsIsOneLineNamingItsBundle() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        modelBundle(plugins, "Throwing", "throw new IllegalStateException(\"no licence\");", "return null;");
        List<String> warnings = new ArrayList<>();
        Handler capture = collecting(warnings);
        Logger log = Logger.getLogger(RegistryCatalog.class.getName());
        log.addHandler(capture);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try (Platform platform = Platform.start(Platform.defaultBundleDir(), plugins)) {
            RegistryCatalog catalog = new RegistryCatalog(platform);
            assertFalse(catalog.models().stream().anyMatch(m -> m.name().equals("Throwing")));
            catalog.models();
            BrainJException e = assertThrows(BrainJException.class, () -> catalog.model("Throwing"));
            assertTrue(e.getMessage().startsWith("unknown neuron model 'Throwing'"), e.getMessage());
        } finally {
            System.setErr(err);
            log.removeHandler(capture);
        }
        assertEquals(1, warnings.size(), "one warning for the bundle, however often it is looked up: " + warnings);
        assertTrue(warnings.get(0).startsWith("bundle test.Throwing 1.0.0: its service 'Throwing' is left out"), warnings.get(0));
        assertFalse(captured.toString().contains("\tat "), "no stack trace without --debug:\n" + captured);
    }

    /** A plugin of model files with one file at fault: that file is reported by bundle, file and line; the other loads. */
    @Test
    void aModelFileAtFaultIsOneLineNamingTheBundleFileAndLine() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        // the example plugin's model, and a copy whose omega is not a rate: the equations, where dx/dt reads it, are at fault
        String good = Files.readString(Path.of("../examples/plugin-model/src/main/resources/models/ResonateAndFire.model"));
        String bad = good.replace("name: ResonateAndFire", "name: Bad").replace("omega: 0.25 1/ms", "omega: 0.25 mV");
        long equationLine = bad.lines().takeWhile(l -> !l.contains("dx/dt")).count() + 1;
        Path jar = TestBundles.jar(dir, "test.files", Map.of(), Map.of("models/Good.model", good, "models/Bad.model", bad),
                Map.of("BrainJ-Models", "models"));
        Files.copy(jar, plugins.resolve("files.jar"));
        List<String> warnings = new ArrayList<>();
        Handler capture = collecting(warnings);
        Logger log = Logger.getLogger("org.brainj.models.files.ModelFileExtender");
        log.addHandler(capture);
        try (Platform platform = Platform.start(Platform.defaultBundleDir(), plugins)) {
            List<ServiceListing.Entry> models = ServiceListing.of(platform.context()).models();
            assertTrue(models.stream().anyMatch(e -> e.name().equals("ResonateAndFire") && e.bundle().startsWith("test.files 1.0.0")),
                    "the good file is a model of its bundle");
            assertFalse(models.stream().anyMatch(e -> e.name().equals("Bad")));
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("bundle test.files 1.0.0: Bad.model:" + equationLine + ": "), warnings.get(0));
    }

    /** A plugin model named as one of BrainJ's: BrainJ's stays what specs get, and the plugin is told once. */
    @Test
    void aModelNamedAsOneOfBrainJsIsReportedAndLeavesBrainJsInPlace() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        String lif = Files.readString(Path.of("../examples/plugin-model/src/main/resources/models/ResonateAndFire.model"))
                .replace("name: ResonateAndFire", "name: LIF");
        Files.copy(TestBundles.jar(dir, "test.lif", Map.of(), Map.of("models/LIF.model", lif), Map.of("BrainJ-Models", "models")),
                plugins.resolve("lif.jar"));
        List<String> warnings = new ArrayList<>();
        Handler capture = collecting(warnings);
        Logger log = Logger.getLogger(RegistryCatalog.class.getName());
        log.addHandler(capture);
        try (Platform platform = Platform.start(Platform.defaultBundleDir(), plugins)) {
            RegistryCatalog catalog = new RegistryCatalog(platform);
            await(() -> ServiceListing.of(platform.context()).models().stream().filter(e -> e.name().equals("LIF")).count() == 2);
            assertTrue(catalog.model("LIF").parameters().stream().anyMatch(p -> p.name().equals("tau_ref")), "BrainJ's LIF");
            catalog.model("LIF");
        } finally {
            log.removeHandler(capture);
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("bundle test.lif 1.0.0: model 'LIF' is offered by bundle org.brainj.models "),
                warnings.get(0));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < end, "timed out");
            Thread.sleep(50);
        }
    }

    private static Handler collecting(List<String> messages) {
        return new Handler() {
            @Override
            public void publish(LogRecord r) {
                messages.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void aModelWhoseCreateThrowsIsThatBundlesFault() throws Exception {
        Path plugins = Files.createDirectory(dir.resolve("plugins"));
        modelBundle(plugins, "Failing", "", "throw new ArrayIndexOutOfBoundsException(3);");
        Path spec = Files.writeString(dir.resolve("f.yaml"), """
                run: {duration: 1 ms}
                populations:
                  P: {size: 1, model: Failing}
                """);
        try (Platform platform = Platform.start(Platform.defaultBundleDir(), plugins)) {
            RegistryCatalog catalog = new RegistryCatalog(platform);
            BrainJException e = assertThrows(BrainJException.class,
                    () -> SpecLoader.load(spec, "f.yaml", RunSettings.Overrides.NONE, catalog));
            assertTrue(e.getMessage().contains("model 'Failing' of bundle test.Failing 1.0.0 failed in create()")
                    && e.getMessage().contains("ArrayIndexOutOfBoundsException"), e.getMessage());
            assertFalse(e.getMessage().contains("internal error") || e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
