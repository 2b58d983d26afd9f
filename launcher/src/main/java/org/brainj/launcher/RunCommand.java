package org.brainj.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.measure.Quantity;
import org.brainj.api.BrainJException;
import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.Backend;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.output.Outputs;
import org.brainj.launcher.output.ProgressBar;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.run.BackendSource;
import org.brainj.launcher.run.BackendSwitch;
import org.brainj.launcher.run.RunPlan;
import org.brainj.launcher.run.SegmentedRun;
import org.brainj.api.units.Coherent;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecLoader;
import org.brainj.launcher.spec.SpecRun;
import org.brainj.launcher.spec.SpecValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the network described by a spec file (YAML or JSON; see the README's 'Spec files'),"
                + " headless, with a progress bar on stderr.",
                "Writes summary.json, spikes (CSV and .npy), recorded variables (.npy), all of it in HDF5 (run.h5),"
                        + " and plots (PNG and SVG) to the output folder, and prints a one-line summary."})
final class RunCommand implements Callable<Integer> {
    /** Ctrl-C waits this long for the outputs of what was recorded to be written. */
    private static final long WRITE_WAIT_SECONDS = 60;

    /** Relative paths mean relative to the user's working folder (the brainj script keeps it). */
    @Parameters(paramLabel = "SPEC", description = "The network spec file (YAML or JSON).")
    Path spec;

    @Option(names = "--backend", paramLabel = "NAME", description = "The backend to run on (default: the spec's, else cpu).")
    String backend;

    @Option(names = "--duration", paramLabel = "T", description = "The simulated time, e.g. '1 s' or '200 ms' (default: the spec's).")
    String duration;

    @Option(names = "--dt", paramLabel = "T", description = "The time step, e.g. '0.1 ms' (default: the spec's, else 0.1 ms).")
    String dt;

    @Option(names = "--seed", paramLabel = "N", description = "The random seed (default: the spec's, else 0).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder (default: out/<spec name>).")
    Path out;

    @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin bundles (jars) to install.")
    Path plugins;

    @Option(names = "--switch-backend", paramLabel = "T=NAME",
            description = {"Move the run to backend NAME at simulated time T, e.g. '500ms=aparapi'; repeatable.",
                    "The state moves through the host and the kernels are compiled there; summary.json lists the"
                            + " backends with the time range and wall time of each."})
    List<String> switchBackend = new ArrayList<>();

    @Option(names = "--checkpoint-every", paramLabel = "T",
            description = {"Save the network's whole state every T of simulated time, e.g. '100 ms', into " + CHECKPOINT
                    + " in the output folder (replacing the last); --resume continues from it."})
    String checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR",
            description = {"Continue a run from the " + CHECKPOINT + " in its output folder DIR, with the same spec, to the end;"
                    + " the outputs (DIR unless --out is given) hold the whole run, as if it had not stopped."})
    Path resume;

    /** The checkpoint's file name in an output folder. */
    static final String CHECKPOINT = "checkpoint.brainj";

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        checkReadable(spec);
        if (out != null && out.toString().isBlank()) {
            throw new BrainJException("--out '' is not a folder; give a folder name, e.g. --out out/run1");
        }
        List<BackendSwitch> switches = switchBackend.stream().map(RunCommand::backendSwitch).toList();
        RunSettings.Overrides overrides = new RunSettings.Overrides(time("--duration", duration), time("--dt", dt), seed, backend);
        PrintWriter err = command.commandLine().getErr();
        PrintWriter stdout = command.commandLine().getOut();
        Outputs.warmUpPlots();
        SpecLoader.ReadAhead reading = SpecLoader.readAhead(spec, spec.toString(), overrides);
        try (Platform platform = BrainJCommand.platform(command, plugins)) {
            platform.problems().forEach(p -> err.println(command.qualifiedName() + ": warning: " + p));
            SpecRun run = reading.assemble(new RegistryCatalog(platform));
            for (BackendSwitch s : switches) {
                try {
                    platform.backend(s.backend(), RegistryCatalog.BACKEND_WAIT);
                } catch (BrainJException e) {
                    throw new BrainJException("--switch-backend '" + s.given() + "': " + e.getMessage(), e);
                }
            }
            if (resume != null) {
                resumeFrom(run);
            }
            AtomicBoolean stop = new AtomicBoolean();
            SegmentedRun segmented = new SegmentedRun(run.network(), run.settings().dt(),
                    run.settings().duration() - run.network().time(), switches, backends(platform),
                    new ProgressBar(err, System.console() != null, stop::get));
            Path dir = Outputs.prepare(out != null ? out : resume != null ? resume : Path.of("out", run.name()));
            RunPlan.check(run, dir);
            if (resume != null) {
                // preparing the folder emptied it: the resumed state is its checkpoint until the next one
                run.network().save(dir.resolve(CHECKPOINT));
            }
            if (checkpointEvery != null) {
                segmented.checkpointEvery(time("--checkpoint-every", checkpointEvery), dir.resolve(CHECKPOINT));
            }

            CountDownLatch written = new CountDownLatch(1);
            platform.beforeStop(() -> {
                stop.set(true);
                try {
                    written.await(WRITE_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            String status = RunReport.COMPLETED;
            BrainJException failure = null;
            long start = System.nanoTime();
            platform.addDeparture(segmented);
            try (segmented) {
                segmented.run();
            } catch (ProgressBar.Interrupted e) {
                status = RunReport.INTERRUPTED;
            } catch (BrainJException e) {
                status = RunReport.FAILED;
                failure = run.located(e);
            } finally {
                platform.removeDeparture(segmented);
            }
            double wall = (System.nanoTime() - start) * 1e-9;
            RunReport report;
            try {
                // the report counts the rates, the first read of the monitors after the run: a Ctrl-C waits for it too
                report = RunReport.of(spec.toString(), run, status, failure == null ? null : failure.getMessage(), wall,
                        segmented.spans());
                Outputs.write(dir, report);
            } finally {
                written.countDown();
            }
            stdout.println(report.line() + "; outputs in " + dir);
            stdout.flush();
            if (failure != null) {
                throw failure;
            }
            return stop.get() ? 130 : 0;
        }
    }

    /** Loads the checkpoint in {@code --resume DIR} into the built network; refuses one at or past the run's end. */
    private void resumeFrom(SpecRun run) {
        Path file = resume.resolve(CHECKPOINT);
        if (!Files.isRegularFile(file)) {
            throw new BrainJException("--resume '" + resume + "' holds no " + CHECKPOINT + "; give the output folder of a run"
                    + " started with --checkpoint-every");
        }
        run.network().load(file);
        if (run.network().time() >= run.settings().duration() - run.settings().dt() / 2) {
            throw new BrainJException("--resume '" + resume + "': its checkpoint is at " + SpecLoader.ms(run.network().time())
                    + " ms, the end of the run (" + SpecLoader.ms(run.settings().duration()) + " ms); give a longer --duration");
        }
    }

    /** The platform's backends as a run finds them when it moves: those registered at that moment. */
    static BackendSource backends(Platform platform) {
        return new BackendSource() {
            @Override
            public Backend find(String name) {
                try {
                    return platform.backend(name, Duration.ZERO);
                } catch (UnknownNameException e) {
                    return null;
                }
            }

            @Override
            public List<String> names() {
                return platform.backendNames();
            }
        };
    }

    /** {@code T=NAME}: a time and a backend name. */
    private static BackendSwitch backendSwitch(String given) {
        int eq = given.lastIndexOf('=');
        if (eq < 0 || given.substring(eq + 1).isBlank()) {
            throw new BrainJException("--switch-backend '" + given + "': give TIME=BACKEND, e.g. '500ms=aparapi'");
        }
        String name = given.substring(eq + 1).trim();
        return new BackendSwitch(time("--switch-backend '" + given + "': time", given.substring(0, eq).trim()), name, given);
    }

    /** A time given on the command line, in ms; null when not given. */
    static Double time(String option, String text) {
        if (text == null) {
            return null;
        }
        Quantity<?> q;
        try {
            q = SpecValue.parseQuantity(text);
        } catch (BrainJException e) {
            throw new BrainJException(option + " '" + text + "' is not a time; give a number with a unit, e.g. '1 s' or '500 ms'");
        }
        if (!PhysicalUnits.sameDimension(q.getUnit(), PhysicalUnits.SECOND)) {
            throw new BrainJException(option + " '" + text + "' is not a time (its unit is " + q.getUnit()
                    + "); give e.g. '1 s' or '500 ms'");
        }
        double ms = Coherent.value(q);
        if (!(ms > 0)) {
            throw new BrainJException(option + " '" + text + "' must be greater than 0; give e.g. '0.1 ms' or '1 s'");
        }
        return ms;
    }

    static void checkReadable(Path spec) {
        Path absolute = spec.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new BrainJException("spec file '" + spec + "' not found (no file at " + absolute + "); check the path");
        }
        if (Files.isDirectory(absolute)) {
            throw new BrainJException("'" + spec + "' is a folder, not a spec file; give the path of a YAML or JSON spec");
        }
        if (!Files.isReadable(absolute)) {
            throw new BrainJException("spec file '" + spec + "' cannot be read; check its permissions");
        }
    }
}
