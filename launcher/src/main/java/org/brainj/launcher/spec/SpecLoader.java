package org.brainj.launcher.spec;

import java.nio.file.Path;
import java.util.function.Supplier;
import javax.measure.Unit;
import org.brainj.api.sim.Initializer;

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
        NetworkSpec spec = SpecReader.read(parse(file, shownAs), defaultName(file), overrides,
                file.toAbsolutePath().getParent());
        return SpecAssembler.assemble(spec, catalog);
    }

    /** The YAML tree of a spec file; see {@link SpecReader#parse}. */
    static SpecNode parse(Path file, String shownAs) {
        return SpecReader.parse(file, shownAs);
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

    /** A quantity as a number in {@code unitText} (a catalog's unit, "" for dimensionless). */
    static double inUnit(SpecNode v, String unitText, String what) {
        return SpecAssembler.inUnit(v.scalar(), unitText, what);
    }

    /** {@code normal(mean, std)}, {@code uniform(low, high)} or a constant. */
    static Initializer initializer(SpecNode v, Unit<?> unit, String what) {
        return SpecAssembler.initializer(v.scalar(), unit, what);
    }

    /** Runs {@code f}; a runtime or catalog error becomes a spec error at {@code at}. */
    static <T> T wrap(SpecNode at, Supplier<T> f) {
        return SpecAssembler.wrap(at.where(), f);
    }
}
