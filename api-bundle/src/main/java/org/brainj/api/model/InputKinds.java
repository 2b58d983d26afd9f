package org.brainj.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The stimuli a spec names besides models, as data: each kind by the name a spec writes, where
 * it is written, its parameters (name, unit, default, meaning) and the reference it follows. The
 * spec reader takes each kind's keys from here and {@code brainj list} prints this table, so the
 * two cannot drift.
 */
public final class InputKinds {
    /** The unit of a value that drives a variable: the variable's own unit, checked where the model declares it. */
    public static final String TARGET_UNIT = "the target's unit";
    /** The unit of a jump of the membrane: the membrane variable's own unit. */
    public static final String MEMBRANE_UNIT = "the membrane's unit";
    /** The default of a window's end: the run's end. */
    public static final String RUN_END = "end of run";

    /** Where a spec writes a kind. */
    public enum Place {
        /** An entry of the top-level {@code inputs:}, with {@code type:} and {@code target:}. */
        INPUTS("inputs: - {type: %s, target: P.I, ...}"),
        /** A population's {@code generator:} in place of a model. */
        GENERATOR("populations: P: {size: N, generator: {type: %s, ...}}"),
        /** A population's own key, onto its membrane. */
        POPULATION_KEY("populations: P: {..., %s: {...}}");

        private final String form;

        Place(String form) {
            this.form = form;
        }

        /** How a spec writes {@code kind} here. */
        public String form(String kind) {
            return form.formatted(kind);
        }
    }

    /**
     * One parameter of a kind.
     *
     * @param unit         a unit as text ({@code "ms"}, {@code "Hz"}), {@code ""} for a plain number,
     *                     or {@link #TARGET_UNIT}
     * @param defaultValue the default as text, or null when the parameter is required
     * @param example      a value a spec may write, in this unit
     */
    public record Parameter(String name, String unit, String defaultValue, String description, String example) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(description, "description");
        }

        public boolean isRequired() {
            return defaultValue == null;
        }
    }

    /** One kind: its spec name, place, parameters, a one-line description and the reference it follows. */
    public record Kind(String name, Place place, List<Parameter> parameters, String description, String reference) {
        public Kind {
            parameters = List.copyOf(parameters);
        }

        /** The keys its entry takes, in the table's order. */
        public List<String> keys() {
            return parameters.stream().map(Parameter::name).toList();
        }
    }

    private static final Parameter T_START = optional("t_start", "ms", "0 ms", "when it starts", "2 ms");
    private static final Parameter T_END = optional("t_end", "ms", RUN_END, "when it ends", "8 ms");

    /** Every kind, inputs first, then generators. */
    public static final List<Kind> ALL = List.of(
            kind("section", Place.INPUTS, "value values[k] for durations[k], one after another, then 0",
                    "BrainPy brainpy.inputs.section_input",
                    required("values", TARGET_UNIT, "the value of each section", "[0 nA, 1 nA]"),
                    required("durations", "ms", "the length of each section", "[2 ms, 3 ms]")),
            kind("constant", Place.INPUTS, "[value, duration] pairs one after another, then 0",
                    "BrainPy brainpy.inputs.constant_input",
                    required("I_and_duration", TARGET_UNIT + " and ms", "the [value, duration] pairs",
                            "[[0 nA, 2 ms], [1 nA, 3 ms]]")),
            kind("spike", Place.INPUTS, "rectangular pulses at given times", "BrainPy brainpy.inputs.spike_input",
                    required("points", "ms", "when each pulse starts", "[1 ms, 4 ms]"),
                    required("lengths", "ms", "each pulse's length, or one for all", "1 ms"),
                    required("sizes", TARGET_UNIT, "each pulse's height, or one for all", "[0.5 nA, 2 nA]")),
            kind("ramp", Place.INPUTS, "a linear ramp from c_start to c_end between t_start and t_end, 0 outside",
                    "BrainPy brainpy.inputs.ramp_input",
                    required("c_start", TARGET_UNIT, "the value at t_start", "0 nA"),
                    required("c_end", TARGET_UNIT, "the value reached at t_end", "1 nA"), T_START, T_END),
            kind("sinusoidal", Place.INPUTS, "amplitude sin(2 pi frequency (t - t_start)) between t_start and t_end",
                    "BrainPy brainpy.inputs.sinusoidal_input", periodic()),
            kind("square", Place.INPUTS, "amplitude sign(sin(2 pi frequency (t - t_start))) between t_start and t_end",
                    "BrainPy brainpy.inputs.square_input", periodic()),
            kind("wiener", Place.INPUTS, "sigma dW each step, dW ~ N(0, dt) with dt in ms, drawn on the backend",
                    "BrainPy brainpy.inputs.wiener_process",
                    required("sigma", TARGET_UNIT, "the increments' scale, per sqrt(ms)", "0.1 nA"), T_START, T_END),
            kind("ou", Place.INPUTS, "x += (mean - x) dt / tau + sigma dW from mean, drawn on the backend",
                    "BrainPy brainpy.inputs.ou_process",
                    required("mean", TARGET_UNIT, "the value it relaxes to", "0.5 nA"),
                    required("sigma", TARGET_UNIT, "the noise scale, per sqrt(ms)", "0.1 nA"),
                    required("tau", "ms", "the relaxation time", "5 ms"), T_START, T_END),
            kind("dc_generator", Place.INPUTS, "a constant current between start and stop",
                    "NEST dc_generator (amplitude in pA there)",
                    required("amplitude", TARGET_UNIT, "the current", "300 pA"),
                    optional("start", "ms", "0 ms", "when it switches on", "2 ms"),
                    optional("stop", "ms", RUN_END, "when it switches off", "8 ms")),
            kind("step_current_generator", Place.INPUTS, "amplitude_values[k] from amplitude_times[k] on",
                    "NEST step_current_generator (amplitude_values in pA there)",
                    required("amplitude_times", "ms", "when each value starts", "[2 ms, 5 ms]"),
                    required("amplitude_values", TARGET_UNIT, "the value from each time on", "[100 pA, -50 pA]")),
            kind("noise_generator", Place.INPUTS, "Gaussian current noise, one draw per neuron held for dt",
                    "NEST noise_generator (mean, std, std_mod in pA there)",
                    optional("mean", TARGET_UNIT, "0", "the mean", "0.2 nA"),
                    optional("std", TARGET_UNIT, "0", "the standard deviation", "50 pA"),
                    optional("dt", "ms", "1 ms", "how long each draw is held: whole steps", "1 ms"),
                    optional("std_mod", TARGET_UNIT, "0", "the standard deviation's modulation, <= std", "20 pA"),
                    optional("frequency", "Hz", "0 Hz", "the modulation's frequency", "50 Hz"),
                    optional("phase", "", "0", "the modulation's phase in degrees", "90"),
                    optional("start", "ms", "0 ms", "when it switches on", "2 ms"),
                    optional("stop", "ms", RUN_END, "when it switches off", "8 ms")),
            kind("spike_generator", Place.GENERATOR, "neuron indices[k] spikes at times[k], or the rows of a file",
                    "Brian2 SpikeGeneratorGroup, NEST spike_generator (spike_times)",
                    optional("times", "ms", "None", "the spike times (or give file)", "[1 ms, 2.5 ms]"),
                    optional("indices", "", "0 for each time when size is 1", "the neuron of each time", "[0, 1]"),
                    optional("file", "", "None", "a .csv (time in ms, index) or .npy of shape (n, 2), relative"
                            + " to the spec, in place of times and indices", null)),
            kind("poisson", Place.GENERATOR, "independent Poisson trains at a rate that may depend on t",
                    "Brian2 PoissonGroup(N, rates='...')",
                    required("rates", "Hz", "the rate, an expression of t with units", "'20*Hz + 10*Hz*sin(2*pi*5*Hz*t)'")),
            kind("sinusoidal_poisson_generator", Place.GENERATOR,
                    "independent Poisson trains at rate + amplitude sin(2 pi frequency t + phase)",
                    "NEST sinusoidal_poisson_generator (individual_spike_trains true)",
                    optional("rate", "Hz", "0 Hz", "the mean rate", "10 Hz"),
                    optional("amplitude", "Hz", "0 Hz", "the rate's modulation", "5 Hz"),
                    optional("frequency", "Hz", "0 Hz", "the modulation's frequency", "4 Hz"),
                    optional("phase", "", "0", "the modulation's phase in degrees", "90")),
            kind("poisson_input", Place.POPULATION_KEY, "each neuron's membrane jumps by weight at each event of an"
                    + " independent Poisson train (one entry or a list)", "NEST poisson_generator, Brian2 PoissonInput",
                    required("rate", "Hz", "the events' rate", "100 Hz"),
                    required("weight", MEMBRANE_UNIT, "the jump per event", "0.5 mV")));

    private InputKinds() {
    }

    /** The kind a spec names {@code name}, if there is one. */
    public static Optional<Kind> of(String name) {
        return ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /** The kind named {@code name}: one of this table's, for a reader that names it in code. */
    public static Kind named(String name) {
        return of(name).orElseThrow(() -> new IllegalArgumentException("no input kind '" + name + "'"));
    }

    /** The kinds written at {@code place}, in the table's order. */
    public static List<Kind> at(Place place) {
        return ALL.stream().filter(k -> k.place() == place).toList();
    }

    private static Parameter[] periodic() {
        return new Parameter[] {required("amplitude", TARGET_UNIT, "the amplitude", "1 nA"),
                required("frequency", "Hz", "the frequency", "100 Hz"), T_START, T_END,
                optional("bias", "", "false", "true: shifted up by amplitude, so it stays >= 0", "true")};
    }

    private static Kind kind(String name, Place place, String description, String reference, Parameter... parameters) {
        return new Kind(name, place, List.of(parameters), description, reference);
    }

    private static Parameter required(String name, String unit, String description, String example) {
        return new Parameter(name, unit, null, description, example);
    }

    private static Parameter optional(String name, String unit, String defaultValue, String description, String example) {
        return new Parameter(name, unit, defaultValue, description, example);
    }
}
