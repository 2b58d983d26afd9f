package org.brainj.sweep.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.brainj.api.BrainJException;
import org.brainj.api.analysis.SpikeMeasures;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.run.BackendSource;
import org.brainj.launcher.run.LocalSweep;
import org.brainj.launcher.run.SweepPoints;
import org.brainj.launcher.run.SweepTable;
import org.brainj.launcher.spec.Catalog;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.brainj.launcher.spec.SweepSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * A spec's sweep as an Apache Spark job: the driver reads the spec and the sweep's folder (what
 * an earlier run completed), hands the points still to run to Spark's tasks, and writes the table
 * from their rows; each task builds the network once on the CPU backend (a plain classpath, no
 * OSGi) and runs its points into their folders, so the folder must be one every executor sees (a
 * shared file system), as must the spec and the files it names. Point k runs with the same seed
 * as in {@code brainj sweep}, so the table is the local sweep's.
 *
 * <pre>
 * spark-submit --class org.brainj.sweep.spark.SparkSweep brainj-sweep-spark.jar SPEC --out /shared/DIR
 * </pre>
 */
@Command(name = "brainj-sweep-spark", mixinStandardHelpOptions = true,
        description = "Run the points of a spec's 'sweep:' section as a Spark job; each task builds the network once.")
public final class SparkSweep implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "The spec file with a 'sweep:' section, on a file system every executor sees.")
    Path spec;

    @Option(names = "--master", paramLabel = "URL", description = "Spark's master, e.g. local[2] (default: spark-submit's).")
    String master;

    @Option(names = "--out", paramLabel = "DIR", description = "The sweep's folder, shared by all executors (default: out/<name>-sweep).")
    Path out;

    @Option(names = "--duration", paramLabel = "MS", description = "The simulated time of each point in ms (default: the spec's).")
    Double duration;

    @Spec
    CommandSpec command;

    @Option(names = "--partitions", paramLabel = "N", description = "How many tasks share the points (default: Spark's parallelism).")
    Integer partitions;

    /** What one task did: the rows of its points and the kernels its network compiled. */
    record TaskResult(List<SweepTable.Row> rows, int compilations) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line; 0 done, 1 failed (one line on stderr), 2 a wrong command line, 130 interrupted. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new SparkSweep()).setOut(out).setErr(err);
        cl.setExecutionExceptionHandler((e, failed, parsed) -> {
            err.println("brainj sweep --spark: " + (e instanceof BrainJException ? e.getMessage() : "internal error: " + e));
            err.flush();
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        quietHdf5();
        Path specFile = spec.toAbsolutePath().normalize();
        RunSettings.Overrides overrides = overrides(duration);
        SpecRun base = SpecLoader.load(specFile, spec.toString(), overrides, Catalog.classpath());
        SweepSpec sweep = SweepSpec.read(specFile, spec.toString(), base, Catalog.classpath(), measures());
        Path dir = (out != null ? out : Path.of("out", base.name() + "-sweep")).toAbsolutePath().normalize();
        SweepTable table = SweepTable.open(dir, spec.toString(), sweep);
        SweepPoints driverPoints = new SweepPoints(spec.toString(), base, sweep, measures(), dir);
        PrintWriter stdout = command.commandLine().getOut();
        List<Integer> todo = LocalSweep.todo(sweep, driverPoints, table, stdout).stream().map(SweepSpec.Point::index).toList();
        long start = System.nanoTime();
        List<TaskResult> results = List.of();
        if (!todo.isEmpty()) {
            SparkConf conf = new SparkConf().setAppName("brainj sweep " + base.name());
            if (master != null) {
                conf.setMaster(master);
            }
            // Spark's start-up chatter at INFO would bury the lines per point
            Configurator.setRootLevel(Level.WARN);
            try (JavaSparkContext sc = new JavaSparkContext(conf)) {
                int slices = Math.max(1, Math.min(todo.size(), partitions != null ? partitions : sc.defaultParallelism()));
                results = sc.parallelize(todo, slices)
                        .mapPartitions(new PointTask(specFile.toString(), spec.toString(), duration, dir.toString())).collect();
            }
        }
        int compilations = 0;
        String status = RunReport.COMPLETED;
        for (TaskResult r : results) {
            compilations += r.compilations();
            for (SweepTable.Row row : r.rows()) {
                table.put(row, compilations, (System.nanoTime() - start) * 1e-9);
                stdout.println(LocalSweep.line(row, sweep.points().size()));
                status = row.status().equals(RunReport.COMPLETED) ? status : RunReport.FAILED;
            }
        }
        table.finish(status, compilations, (System.nanoTime() - start) * 1e-9);
        stdout.println(String.format(Locale.ROOT, "%s sweep on Spark: %s, %d points run in %d tasks, %d kernel compilations;"
                + " table in %s", base.name(), status, todo.size(), results.size(), compilations, dir.resolve("points.csv")));
        stdout.flush();
        return status.equals(RunReport.COMPLETED) ? 0 : 1;
    }

    /**
     * jHDF warns at every file it writes that writing is "in alpha" (the launcher silences SLF4J
     * altogether); under Spark, whose log4j carries it, that line would come once per point.
     */
    static void quietHdf5() {
        Configurator.setLevel("io.jhdf", Level.ERROR);
    }

    /** Every run is on the CPU backend: an executor has Java, not necessarily a GPU. */
    static RunSettings.Overrides overrides(Double duration) {
        return new RunSettings.Overrides(duration, null, null, "cpu");
    }

    static SpikeMeasures measures() {
        return ServiceLoader.load(SpikeMeasures.class, SparkSweep.class.getClassLoader()).findFirst()
                .orElseThrow(() -> new BrainJException("no spike measures on the classpath; the analysis jar is missing"));
    }

    /** One task: the network built once from the spec, then its points in turn. */
    static final class PointTask implements FlatMapFunction<Iterator<Integer>, TaskResult> {
        private static final long serialVersionUID = 1L;
        private final String specFile;
        private final String shownAs;
        private final Double duration;
        private final String dir;

        PointTask(String specFile, String shownAs, Double duration, String dir) {
            this.specFile = specFile;
            this.shownAs = shownAs;
            this.duration = duration;
            this.dir = dir;
        }

        @Override
        public Iterator<TaskResult> call(Iterator<Integer> indices) {
            if (!indices.hasNext()) {
                return List.<TaskResult>of().iterator();
            }
            quietHdf5();
            Path file = Path.of(specFile);
            SpecRun base = SpecLoader.load(file, shownAs, overrides(duration), Catalog.classpath());
            SweepSpec sweep = SweepSpec.read(file, shownAs, base, Catalog.classpath(), measures());
            SweepPoints points = new SweepPoints(shownAs, base, sweep, measures(), Path.of(dir));
            List<SweepTable.Row> rows = new ArrayList<>();
            indices.forEachRemaining(k -> rows.add(points.run(sweep.points().get(k), BackendSource.classpath(), (f, t) -> { })));
            return List.of(new TaskResult(rows, points.compilations())).iterator();
        }
    }
}
