package org.brainj.launcher;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.brainj.launcher.platform.Platform;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Start the platform and print the backends, neuron and synapse models and connectors it offers, with their"
                + " service properties, then the inputs and generators a spec names, with their parameters and units.")
final class ListCommand implements Callable<Integer> {
    @Option(names = "--plugins", paramLabel = "DIR", description = "A folder of plugin bundles (jars) to install first.")
    Path plugins;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (Platform platform = BrainJCommand.platform(spec, plugins)) {
            PrintWriter err = spec.commandLine().getErr();
            platform.problems().forEach(p -> err.println(spec.qualifiedName() + ": warning: " + p));
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.print(ServiceListing.of(platform.context()).format());
            out.print(InputListing.format());
            out.flush();
        }
        return 0;
    }
}
