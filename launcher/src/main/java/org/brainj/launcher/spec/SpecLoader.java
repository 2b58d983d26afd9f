package org.brainj.launcher.spec;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.brainj.api.BrainJException;

/**
 * Loads a spec file into a runnable network in two steps: {@link SpecReader} reads the YAML into
 * a {@link NetworkSpec}, {@link SpecAssembler} turns that into API objects, with models,
 * connectors and the backend found in a {@link Catalog}.
 */
public final class SpecLoader {
    private SpecLoader() {
    }

    /**
     * Reads {@code file} (named {@code shownAs} in messages) into a network on the backend the
     * settings name.
     */
    public static SpecRun load(Path file, String shownAs, RunSettings.Overrides overrides, Catalog catalog) {
        return SpecAssembler.assemble(read(file, shownAs, overrides), catalog);
    }

    /**
     * Starts reading {@code file} on a thread of its own, as {@link #load} would, for a caller
     * with other work meanwhile: reading, and compiling the models the spec writes as equations,
     * need no catalog, so they overlap the platform's start.
     */
    public static ReadAhead readAhead(Path file, String shownAs, RunSettings.Overrides overrides) {
        FutureTask<Read> task = new FutureTask<>(() -> {
            NetworkSpec spec = read(file, shownAs, overrides);
            return new Read(spec, new CompiledAhead(spec));
        });
        Thread reader = new Thread(task, "brainj-spec-reader");
        reader.setDaemon(true); // a caller that fails first leaves it behind
        reader.start();
        return new ReadAhead(task);
    }

    /** A spec file being read by {@link #readAhead}. */
    public static final class ReadAhead {
        private final FutureTask<Read> task;

        private ReadAhead(FutureTask<Read> task) {
            this.task = task;
        }

        /** Waits for the reading, then assembles the network as {@link #load} does; its errors are the reading's. */
        public SpecRun assemble(Catalog catalog) {
            Read read;
            try {
                read = task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BrainJException("interrupted while reading the spec file", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                } else if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("reading the spec file failed", e.getCause());
            }
            return SpecAssembler.assemble(read.spec(), catalog, read.models());
        }
    }

    /** A spec read, and the models it writes as equations compiled. */
    private record Read(NetworkSpec spec, CompiledAhead models) {
    }

    private static NetworkSpec read(Path file, String shownAs, RunSettings.Overrides overrides) {
        return SpecReader.read(SpecReader.parse(file, shownAs), defaultName(file), overrides, file.toAbsolutePath().getParent());
    }

    private static String defaultName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** A time for messages, without the binary noise of multiples of dt. */
    public static String ms(double time) {
        return java.math.BigDecimal.valueOf(time).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }
}
