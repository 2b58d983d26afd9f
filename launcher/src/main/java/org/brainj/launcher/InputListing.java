package org.brainj.launcher;

import java.util.stream.Collectors;
import org.brainj.api.model.InputKinds;

/**
 * What {@code brainj list} shows after the registry's services: the inputs and generators a spec
 * names, from {@link InputKinds}' table (the one the spec reader takes their keys from).
 */
final class InputListing {
    static final String TITLE = "Inputs and generators";

    private InputListing() {
    }

    /** The section as the command prints it: each kind with its parameters, what it does, how a spec writes it, its reference. */
    static String format() {
        StringBuilder out = new StringBuilder(TITLE).append(":\n");
        for (InputKinds.Kind kind : InputKinds.ALL) {
            out.append("  ").append(kind.name()).append(": parameters ").append(kind.parameters().stream()
                    .map(p -> ServiceListing.parameter(p.name(), p.unit(), p.defaultValue())).collect(Collectors.joining(", ")))
                    .append('\n');
            out.append("    ").append(kind.description()).append('\n');
            out.append("    written: ").append(kind.place().form(kind.name())).append('\n');
            out.append("    reference: ").append(kind.reference()).append('\n');
        }
        return out.toString();
    }
}
