package org.brainj.analysis;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainj.analysis.plot.Figure;
import org.brainj.analysis.plot.Plots;
import org.brainj.api.analysis.AnalysisJob;
import org.brainj.api.analysis.DynamicsAnalysis;
import org.osgi.service.component.annotations.Component;

/**
 * Runs an {@link AnalysisJob}: builds the subsystem, runs the phase-plane, bifurcation or
 * fast-slow analysis, and writes {@code analysis.json} and the pictures. A plain class
 * ({@code new Analyzer().analyze(job, folder)}) and the bundle's {@link DynamicsAnalysis} service.
 */
@Component(service = DynamicsAnalysis.class)
public final class Analyzer implements DynamicsAnalysis {
    @Override
    public List<Path> analyze(AnalysisJob job, Path folder) {
        List<String> targets = List.copyOf(job.targetVars().keySet());
        List<VariableRange> ranges = ranges(job.targetVars());
        List<VariableRange> pars = ranges(job.targetPars());
        Map<String, Double> values = new HashMap<>(job.values());
        // a swept name still needs a base value for the subsystem: the middle of its range
        pars.forEach(p -> values.putIfAbsent(p.name(), (p.min() + p.max()) / 2));
        Subsystem system = Subsystem.of(job.system(), targets, values);
        AnalysisJson json = new AnalysisJson(job);
        List<Path> written = new ArrayList<>();
        switch (job.kind()) {
            case PHASE_PLANE -> {
                PhasePlane plane = new PhasePlane(system, ranges, job.resolution());
                PhasePlane.Result r = plane.analyze(job.trajectories(), job.duration(), job.dt());
                json.phasePlane(r);
                written.addAll(Plots.phasePlane(plane, r).write(folder.resolve("phase_plane")));
            }
            case BIFURCATION -> {
                Bifurcation b = new Bifurcation(system, ranges, pars, job.resolution(),
                        new Bifurcation.Simulation(job.duration(), job.dt()));
                Bifurcation.Result r = b.analyze();
                json.bifurcation(r);
                if (pars.size() == 2) {
                    written.addAll(Plots.bifurcation(b, r, targets.get(0)).write(folder.resolve("bifurcation")));
                } else {
                    for (String v : targets) {
                        written.addAll(Plots.bifurcation(b, r, v).write(folder.resolve("bifurcation_" + v)));
                    }
                }
            }
            case FAST_SLOW -> {
                FastSlow fs = new FastSlow(system, ranges, pars, job.resolution(), null);
                FastSlow.Result r = fs.analyze(job.trajectories(), job.duration(), job.dt());
                json.bifurcation(r.bifurcation());
                if (pars.size() == 1) {
                    for (String v : targets) {
                        written.addAll(Plots.fastSlow(fs, r, v).write(folder.resolve("fast_slow_" + v)));
                    }
                }
            }
        }
        Path file = folder.resolve("analysis.json");
        Figure.writeFile(file, json.toString().getBytes(StandardCharsets.UTF_8));
        written.add(0, file);
        return written;
    }

    private static List<VariableRange> ranges(Map<String, double[]> given) {
        List<VariableRange> out = new ArrayList<>();
        given.forEach((name, r) -> {
            if (r.length != 2) {
                throw new AnalysisException("the range of '" + name + "' has " + r.length + " numbers; give [min, max]");
            }
            out.add(new VariableRange(name, r[0], r[1]));
        });
        return out;
    }
}
