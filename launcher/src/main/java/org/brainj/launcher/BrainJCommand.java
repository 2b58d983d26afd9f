package org.brainj.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.brainj.api.BrainJException;
import org.brainj.api.sim.MemoryPlan;
import org.brainj.api.sim.RunTooLargeException;
import org.brainj.launcher.platform.Platform;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code brainj} command. Exit codes: 0 done, 1 the command failed (one line on stderr, the
 * stack trace only with {@code --debug}), 2 the command line is wrong (picocli's message and usage).
 */
@Command(name = "brainj", mixinStandardHelpOptions = true, versionProvider = BrainJCommand.Version.class,
        description = "Brain-dynamics programming on the JVM: run network specs, integrate equations, list what is installed.")
public final class BrainJCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order the usage lists them. Picocli builds a command's model by
     * reflection over its annotations, ~0.1 s of start-up for all six: a command line that starts
     * with one's name ({@code brainj run ...}) gets that one alone, which parses it the same way,
     * as a subcommand's arguments never name its siblings. Anything else ({@code brainj --help},
     * {@code brainj help run}, a misspelt name) gets them all, so that usage, help and suggestions
     * are whole.
     */
    static final List<Subcommand> SUBCOMMANDS = List.of(new Subcommand("list", ListCommand.class),
            new Subcommand("run", RunCommand.class), new Subcommand("sweep", SweepCommand.class),
            new Subcommand("integrate", IntegrateCommand.class), new Subcommand("analyze", AnalyzeCommand.class),
            new Subcommand("help", HelpCommand.class));

    /** A subcommand's name (its {@code @Command} name) and class. */
    record Subcommand(String name, Class<?> type) {
    }

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces and framework messages.")
    boolean debug;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing a command: list, run, integrate or help");
    }

    /** The platform started while the command line is parsed; null where the command needs none or it was taken. */
    private PlatformAhead platformAhead;

    /**
     * The platform for {@code command}, with the plugins in {@code pluginDir} (null for none): the one started
     * ahead for its command line where there is one, else one started now.
     */
    static Platform platform(CommandSpec command, Path pluginDir) {
        CommandSpec parent = command.parent();
        if (parent != null && parent.userObject() instanceof BrainJCommand top && top.platformAhead != null
                && top.platformAhead.available()) {
            return top.platformAhead.take(pluginDir);
        }
        return Platform.start(Platform.defaultBundleDir(), pluginDir);
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        // the framework's messages while it starts ahead are shown as the command's own would be (no --debug here)
        try (Logging logging = Logging.configure(false); PlatformAhead ahead = PlatformAhead.forArgs(args)) {
            BrainJCommand top = new BrainJCommand();
            top.platformAhead = ahead;
            return top.parseAndRun(out, err, args);
        }
    }

    private int parseAndRun(PrintWriter out, PrintWriter err, String[] args) {
        CommandLine commandLine = new CommandLine(this);
        subcommandsFor(args).forEach(s -> commandLine.addSubcommand(s.name(), s.type()));
        // the streams and handlers reach the subcommands added before them
        commandLine.setOut(out).setErr(err);
        commandLine.setExecutionStrategy(parsed -> {
            try (Logging logging = Logging.configure(debug)) {
                return new CommandLine.RunLast().execute(parsed);
            } catch (OutOfMemoryError | StackOverflowError e) {
                // what a plan could not foresee still ends in one line, not a trace of thousands
                List<CommandLine> chain = parsed.asCommandLineList();
                throw new CommandLine.ExecutionException(chain.get(chain.size() - 1), e.toString(), e);
            }
        });
        commandLine.setParameterExceptionHandler((e, args1) -> {
            CommandLine failed = e.getCommandLine();
            PrintWriter to = failed.getErr();
            to.println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage() + "; see '"
                    + failed.getCommandSpec().qualifiedName() + " --help'");
            to.flush();
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            PrintWriter to = failed.getErr();
            if (debug) {
                e.printStackTrace(to);
            } else {
                to.println(failed.getCommandSpec().qualifiedName() + ": " + userMessage(e));
            }
            to.flush();
            return 1;
        });
        return commandLine.execute(args);
    }

    /** The subcommands {@code args} need: the one they start with, where it needs no other, else all. */
    static List<Subcommand> subcommandsFor(String... args) {
        return SUBCOMMANDS.stream().filter(s -> args.length > 0 && !args[0].equals("help") && s.name().equals(args[0]))
                .findFirst().map(List::of).orElse(SUBCOMMANDS);
    }

    /** A BrainJException's message is meant for users; anything else is a bug, said so. */
    private static String userMessage(Exception e) {
        if (e instanceof RunTooLargeException) {
            return e.getMessage() + " (brainj gives java the options in BRAINJ_JAVA_OPTS, e.g. BRAINJ_JAVA_OPTS=-Xmx8g)";
        }
        if (e instanceof BrainJException) {
            return e.getMessage();
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return "out of memory (" + MemoryPlan.bytes(Runtime.getRuntime().maxMemory()) + " of heap); make the network"
                        + " or the recording smaller, or give more heap, e.g. BRAINJ_JAVA_OPTS=-Xmx8g";
            }
            if (c instanceof StackOverflowError) {
                return "an expression or spec is nested too deeply to process; split it into smaller parts";
            }
        }
        return "internal error: " + e + " (run again with --debug for the stack trace)";
    }

    /** The version from the launcher jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BrainJCommand.class.getPackage().getImplementationVersion();
            return new String[] {"BrainJ " + (version == null ? "(development build, not from the launcher jar)" : version)};
        }
    }
}
