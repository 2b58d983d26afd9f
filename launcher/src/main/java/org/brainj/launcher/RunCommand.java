package org.brainj.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.brainj.api.BrainJException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the network described by a spec file, headless.",
                "Not available yet: it arrives with the simulation runtime (issue 5)."})
final class RunCommand implements Callable<Integer> {
    /** Relative paths mean relative to the user's working folder (the brainj script keeps it). */
    @Parameters(paramLabel = "SPEC", description = "The network spec file (YAML or JSON).")
    Path spec;

    @Override
    public Integer call() {
        checkReadable(spec);
        throw new BrainJException("running network specs is not available yet (the simulation runtime, issue 5,"
                + " has not landed); `brainj list` works");
    }

    static void checkReadable(Path spec) {
        Path absolute = spec.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new BrainJException("spec file '" + spec + "' not found (no file at " + absolute + ")");
        }
        if (Files.isDirectory(absolute)) {
            throw new BrainJException("'" + spec + "' is a folder, not a spec file; give the path of a YAML or JSON spec");
        }
        if (!Files.isReadable(absolute)) {
            throw new BrainJException("spec file '" + spec + "' cannot be read; check its permissions");
        }
    }
}
