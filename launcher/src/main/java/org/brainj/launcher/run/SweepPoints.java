package org.brainj.launcher.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.api.BrainJException;
import org.brainj.api.analysis.SpikeMeasures;
import org.brainj.api.sim.ProgressListener;
import org.brainj.launcher.output.Outputs;
import org.brainj.launcher.output.ProgressBar;
import org.brainj.launcher.output.RunReport;
import org.brainj.launcher.spec.RunSettings;
import org.brainj.launcher.spec.SpecRun;
import org.brainj.launcher.spec.SweepSpec;

/**
 * Runs sweep points on one built network, each into its own folder under the sweep's folder with
 * the files of {@code brainj run}, and reduces each to its row of the sweep's table. The local
 * sweep and each Spark task use it alike.
 */
public final class SweepPoints {
    private final String spec;
    private final SpecRun base;
    private final SweepSpec sweep;
    private final SpikeMeasures measures;
    private final Path dir;

    /**
     * @param spec     the spec file as the user named it (for summaries)
     * @param base     the network the spec built, run again for every point
     * @param measures what computes the sweep's measures
     * @param dir      the sweep's folder
     */
    public SweepPoints(String spec, SpecRun base, SweepSpec sweep, SpikeMeasures measures, Path dir) {
        this.spec = spec;
        this.base = base;
        this.sweep = sweep;
        this.measures = measures;
        this.dir = dir;
    }

    /** The kernels the network compiled so far: once at its build while points change only values. */
    public int compilations() {
        return base.network().compilations();
    }

    /**
     * Whether the point's folder holds a finished run: its summary.json, written last, says
     * completed. A resumed sweep skips such points.
     */
    public boolean completed(SweepSpec.Point p) {
        Path summary = dir.resolve(p.folder()).resolve("summary.json");
        try {
            return Files.isRegularFile(summary) && Files.readString(summary).contains("\"status\": \"" + RunReport.COMPLETED + "\"");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /**
     * Runs {@code p} into its folder (the point's values, its seed, the kernels as they are) and
     * returns its row; a run stopped by Ctrl-C or an error still writes what it recorded, and the
     * row says so. {@link ProgressBar.Interrupted} is rethrown after the outputs are written.
     */
    public SweepTable.Row run(SweepSpec.Point p, BackendSource backends, ProgressListener progress) {
        p.apply(base);
        RunSettings s = base.settings();
        SpecRun run = new SpecRun(base.name(), new RunSettings(s.duration(), s.dt(), p.seed(), s.backend(), s.precision()),
                base.network(), base.populations(), base.spikes(), base.states(), base.synapses(), base.synapseStates(),
                base.places(), base.inputs(), base.plots());
        Path out = Outputs.prepare(dir.resolve(p.folder()));
        RunPlan.check(run, out);
        SegmentedRun segmented = new SegmentedRun(run.network(), s.dt(), s.duration(), List.of(), backends, progress);
        String status = RunReport.COMPLETED;
        RuntimeException stop = null;
        long start = System.nanoTime();
        try (segmented) {
            segmented.run();
        } catch (ProgressBar.Interrupted e) {
            status = RunReport.INTERRUPTED;
            stop = e;
        } catch (BrainJException e) {
            status = RunReport.FAILED;
            stop = run.located(e);
        }
        RunReport report = RunReport.of(spec, run, status, status.equals(RunReport.FAILED) ? stop.getMessage() : null,
                (System.nanoTime() - start) * 1e-9, segmented.spans());
        Outputs.write(out, report);
        if (stop instanceof ProgressBar.Interrupted) {
            throw stop;
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        report.rates().forEach(r -> rates.put(r.population() + ".rate_hz", r.hz()));
        Map<String, Double> measured = new LinkedHashMap<>();
        if (status.equals(RunReport.COMPLETED)) {
            for (SweepSpec.Measure m : sweep.measures()) {
                measured.put(m.column(), measures.of(m.name(), base.spikes().get(m.population()), s.dt(),
                        base.network().currentStep(), m.parameters()));
            }
        }
        return new SweepTable.Row(p.index(), p.folder(), p.repeat(), p.seed(), p.values(), status,
                status.equals(RunReport.FAILED) ? stop.getMessage() : null, report.wallSeconds(), rates, measured);
    }
}
