package org.brainj.launcher;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.brainj.api.BrainJException;
import org.brainj.api.analysis.AnalysisJob;
import org.brainj.api.analysis.DynamicsAnalysis;
import org.brainj.launcher.platform.Platform;
import org.brainj.launcher.spec.AnalysisSpec;
import org.osgi.util.tracker.ServiceTracker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Run a dynamics analysis spec (the reference's phase plane, bifurcation or fast-slow analysis) and"
                + " write analysis.json (fixed points with stability and eigenvalues, nullclines, branches, limit cycles)"
                + " with PNG and SVG pictures.",
                "Examples are in examples/analysis/."})
final class AnalyzeCommand implements Callable<Integer> {
    /** Declarative Services registers the analysis component a moment after its bundle starts. */
    static final long SERVICE_WAIT_MS = 5000;

    @Parameters(paramLabel = "SPEC", description = "The analysis spec file (YAML).")
    Path spec;

    @Option(names = "--out", paramLabel = "DIR", description = "The output folder (default: out/<spec name>).")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() throws InterruptedException {
        if (!Files.isReadable(spec)) {
            throw new BrainJException("analysis spec '" + spec + "' cannot be read; give the path of a YAML file");
        }
        Path dir = out != null ? out : Path.of("out", name(spec));
        PrintWriter stdout = command.commandLine().getOut();
        try (Platform platform = Platform.start(Platform.defaultBundleDir())) {
            AnalysisJob job = AnalysisSpec.load(spec, spec.toString(), new RegistryCatalog(platform));
            ServiceTracker<DynamicsAnalysis, DynamicsAnalysis> tracker =
                    new ServiceTracker<>(platform.context(), DynamicsAnalysis.class, null);
            tracker.open();
            try {
                DynamicsAnalysis analysis = tracker.waitForService(SERVICE_WAIT_MS);
                if (analysis == null) {
                    throw new BrainJException("no dynamics analysis service is running; the analysis bundle did not start ("
                            + String.join("; ", platform.problems()) + ")");
                }
                List<Path> files = analysis.analyze(job, dir);
                stdout.println(job.kind().label() + " of " + String.join(", ", job.targetVars().keySet()) + ": wrote "
                        + String.join(", ", files.stream().map(Path::toString).toList()));
                stdout.flush();
            } finally {
                tracker.close();
            }
        }
        return 0;
    }

    private static String name(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
