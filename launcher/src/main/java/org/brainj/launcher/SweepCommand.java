package org.brainj.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.brainj.api.BrainJException;
import org.brainj.api.analysis.SpikeMeasures;
import org.brainj.launcher.output.ProgressBar;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.run.LocalSweep;
import org.brainj.launcher.run.SweepPoints;
import org.brainj.launcher.run.SweepTable;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.brainj.launcher.spec.SweepSpec;
import org.osgi.util.tracker.ServiceTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Run every point of a spec's 'sweep:' section (parameters, initial values, seeds; see the README's"
                + " 'Sweeps') on one network built and compiled once, with one progress bar over the points.",
                "Writes point-NNNN/ (the files of 'brainj run') per point, points.csv and sweep.json (a row per point: values,"
                        + " seed, status, rates, measures) and a plot per measure; run it again to resume an interrupted sweep."})
final class SweepCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The network spec file with a 'sweep:' section (YAML or JSON).")
    Path spec;

    @Option(names = "--backend", paramLabel = "NAME", description = "The backend to run on (default: the spec's, else cpu).")
    String backend;

    @Option(names = "--duration", paramLabel = "T", description = "The simulated time of each point, e.g. '200 ms' (default: the spec's).")
    String duration;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's folder (default: out/<spec name>-sweep).")
    Path out;

    @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin bundles (jars) to install.")
    Path plugins;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = {"Run the points as an Apache Spark job on MASTER, on the CPU backend: local[2] runs two tasks on this"
                    + " machine; for a cluster, spark-submit sweep-spark/target/brainj-sweep-spark.jar (see the README)."})
    String spark;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws InterruptedException, IOException {
        RunCommand.checkReadable(spec);
        Double ms = RunCommand.time("--duration", duration);
        if (spark != null) {
            return spark(ms);
        }
        RunSettings.Overrides overrides = new RunSettings.Overrides(ms, null, null, backend);
        PrintWriter err = command.commandLine().getErr();
        PrintWriter stdout = command.commandLine().getOut();
        try (Platform platform = Platform.start(Platform.defaultBundleDir(), plugins)) {
            platform.problems().forEach(p -> err.println(command.qualifiedName() + ": warning: " + p));
            RegistryCatalog catalog = new RegistryCatalog(platform);
            SpecRun base = SpecLoader.load(spec, spec.toString(), overrides, catalog);
            ServiceTracker<SpikeMeasures, SpikeMeasures> tracker = new ServiceTracker<>(platform.context(), SpikeMeasures.class, null);
            tracker.open();
            try {
                SpikeMeasures measures = tracker.waitForService(AnalyzeCommand.SERVICE_WAIT_MS);
                if (measures == null) {
                    throw new BrainJException("no spike measures service is running; the analysis bundle did not start ("
                            + String.join("; ", platform.problems()) + ")");
                }
                SweepSpec sweep = SweepSpec.read(spec, spec.toString(), base, catalog, measures);
                SweepTable table = SweepTable.open(out != null ? out : Path.of("out", base.name() + "-sweep"), spec.toString(), sweep);
                SweepPoints points = new SweepPoints(spec.toString(), base, sweep, measures, table.dir());

                AtomicBoolean stop = new AtomicBoolean();
                CountDownLatch written = new CountDownLatch(1);
                platform.beforeStop(() -> {
                    stop.set(true);
                    try {
                        written.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                String status;
                try {
                    status = LocalSweep.run(sweep, points, table, RunCommand.backends(platform),
                            new ProgressBar(err, System.console() != null, stop::get), stdout);
                } finally {
                    written.countDown();
                }
                stdout.println(String.format(Locale.ROOT, "%s sweep: %s, %d of %d points completed, %d kernel compilations;"
                                + " table in %s", base.name(), status, table.rows().stream()
                                .filter(r -> r.status().equals(RunReport.COMPLETED)).count(), sweep.points().size(),
                        points.compilations(), table.dir().resolve("points.csv")));
                stdout.flush();
                return switch (status) {
                    case RunReport.COMPLETED -> 0;
                    case RunReport.INTERRUPTED -> 130;
                    default -> 1;
                };
            } finally {
                tracker.close();
            }
        }
    }

    /**
     * The sweep as a Spark job in a JVM of its own (Spark's jars stay off the launcher's class
     * path): the sweep-spark module's jar, Spark's jars (the class path its build wrote), and the JVM options Spark needs
     * on Java 17, from the build next to this launcher's.
     */
    private int spark(Double ms) throws InterruptedException, IOException {
        if (backend != null && !backend.equals("cpu")) {
            throw new BrainJException("--spark runs on the cpu backend (an executor has Java, not necessarily a GPU); remove --backend "
                    + backend);
        }
        Path root;
        try {
            root = Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                    .getParent().getParent();
        } catch (URISyntaxException e) {
            throw new BrainJException("cannot tell where BrainJ is installed (" + e.getMessage() + ")", e);
        }
        Path target = root.resolve("sweep-spark").resolve("target");
        Path jar = target.resolve("brainj-sweep-spark.jar");
        Path sparkClasspath = target.resolve("spark-classpath");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(sparkClasspath)) {
            throw new BrainJException("the Spark sweep is not built (no " + jar + "); build it with 'mvn -B -DskipTests -pl sweep-spark"
                    + " -am package' in " + root);
        }
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + target.resolve("classes").resolve("spark-java-options"),
                "-cp", jar + File.pathSeparator + Files.readString(sparkClasspath).trim(),
                "org.brainj.sweep.spark.SparkSweep", spec.toString(), "--master", spark));
        if (out != null) {
            cmd.addAll(List.of("--out", out.toString()));
        }
        if (ms != null) {
            cmd.addAll(List.of("--duration", Double.toString(ms)));
        }
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        return p.waitFor();
    }
}
