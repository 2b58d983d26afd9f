package org.brainj.launcher.spec;

import java.nio.file.Path;

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
        NetworkSpec spec = SpecReader.read(SpecReader.parse(file, shownAs), defaultName(file), overrides,
                file.toAbsolutePath().getParent());
        return SpecAssembler.assemble(spec, catalog);
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
