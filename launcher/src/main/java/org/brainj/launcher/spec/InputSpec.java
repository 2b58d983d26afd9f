package org.brainj.launcher.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.measure.Unit;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Inputs;
import org.brainj.api.sim.MemoryPlan;
import org.brainj.api.sim.Noise;
import org.brainj.api.sim.Population;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;

/**
 * One entry of a spec's {@code inputs:} as an API {@link Input}: a constant {@code value}, or a
 * {@code type:} of the reference's input helpers ({@code section}, {@code constant}, {@code spike},
 * {@code ramp}, {@code sinusoidal}, {@code square}, {@code wiener}, {@code ou}) or NEST's current
 * generators ({@code dc_generator}, {@code step_current_generator}, {@code noise_generator}) with
 * their parameter names. Values are in the target variable's unit (checked where the model's
 * equations declare it), times in a time unit, frequencies in Hz. Waveforms become one value per
 * step of the run, held on the backend; noise is drawn there at each step.
 */
final class InputSpec {
    /** Each type with the keys it takes besides {@code target}/{@code population}/{@code variable}, {@code op} and {@code type}. */
    private static final Map<String, List<String>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("section", List.of("values", "durations"));
        TYPES.put("constant", List.of("I_and_duration"));
        TYPES.put("spike", List.of("points", "lengths", "sizes"));
        TYPES.put("ramp", List.of("c_start", "c_end", "t_start", "t_end"));
        TYPES.put("sinusoidal", List.of("amplitude", "frequency", "t_start", "t_end", "bias"));
        TYPES.put("square", List.of("amplitude", "frequency", "t_start", "t_end", "bias"));
        TYPES.put("wiener", List.of("sigma", "t_start", "t_end"));
        TYPES.put("ou", List.of("mean", "sigma", "tau", "t_start", "t_end"));
        TYPES.put("dc_generator", List.of("amplitude", "start", "stop"));
        TYPES.put("step_current_generator", List.of("amplitude_times", "amplitude_values"));
        TYPES.put("noise_generator", List.of("mean", "std", "dt", "std_mod", "frequency", "phase", "start", "stop"));
    }

    private static final Unit<?> HZ = PhysicalUnits.parse("Hz");

    private final BiFunction<SpecNode, String, Population> populations;
    private final BiFunction<Population, String, Unit<?>> units;
    private final RunSettings settings;
    private int noises;

    /**
     * @param populations a population, view or {@code P[a:b]} by its name, for an error at the node
     * @param units       the unit of a population's variable, or null where the model does not declare it
     */
    InputSpec(BiFunction<SpecNode, String, Population> populations, BiFunction<Population, String, Unit<?>> units, RunSettings settings) {
        this.populations = populations;
        this.units = units;
        this.settings = settings;
    }

    /** The input one {@code inputs:} entry describes. */
    Input read(SpecNode node) {
        Map<String, SpecNode> entries = node.mapping();
        SpecNode typeNode = entries.get("type");
        String type = typeNode == null ? null : typeNode.text();
        List<String> keys = new ArrayList<>(List.of("type", "target", "population", "variable", "op"));
        if (type == null) {
            keys.add("value");
        } else if (TYPES.containsKey(type)) {
            keys.addAll(TYPES.get(type));
        } else {
            throw typeNode.error("unknown input type '" + type + "'; known: " + String.join(", ", TYPES.keySet())
                    + " (or no type and a constant 'value:')");
        }
        SpecNode.Fields f = node.fields(keys.toArray(String[]::new));
        Population target;
        String variable;
        if (f.has("target")) {
            for (String key : List.of("population", "variable")) {
                if (f.has(key)) {
                    throw f.optional(key).error("give either 'target: POPULATION.VARIABLE' or 'population' and"
                            + " 'variable', not both");
                }
            }
            SpecNode t = f.optional("target");
            int dot = t.text().lastIndexOf('.');
            if (dot <= 0 || dot == t.text().length() - 1) {
                throw t.error("'" + t.text() + "' is not a target; write POPULATION.VARIABLE, e.g. E.I_ext");
            }
            target = populations.apply(t, t.text().substring(0, dot));
            variable = t.text().substring(dot + 1);
        } else {
            target = populations.apply(f.required("population"), f.required("population").text());
            variable = f.required("variable").name();
        }
        Unit<?> unit = units.apply(target, variable);
        Input.Op op = f.has("op") ? SpecLoader.wrap(f.optional("op"), () -> Input.Op.of(f.optional("op").text())) : Input.Op.ADD;
        Values v = new Values(f, unit, variable);
        if (type != null && !List.of("wiener", "ou", "noise_generator").contains(type)) {
            requireRoom(node, type);
        }
        double duration = settings.duration();
        double dt = settings.dt();
        return SpecLoader.wrap(node, () -> switch (type == null ? "value" : type) {
            case "value" -> Input.constant(target, variable, v.value("value"), op);
            case "section" -> over(target, variable, op, Inputs.sectionInput(
                    pad(v.values("values"), 0), pad(v.times("durations"), Math.max(0, duration - sum(v.times("durations")))), dt),
                    duration, dt);
            case "constant" -> over(target, variable, op, pairs(f.required("I_and_duration"), v, duration, dt), duration, dt);
            case "spike" -> spike(target, variable, op, f, v, duration, dt);
            case "ramp" -> {
                double[] window = v.window("t_start", "t_end", duration);
                yield over(target, variable, op, Inputs.rampInput(v.value("c_start"), v.value("c_end"), duration,
                        window[0], window[1], dt), duration, dt);
            }
            case "sinusoidal", "square" -> {
                double[] window = v.window("t_start", "t_end", duration);
                boolean bias = f.has("bias") && f.optional("bias").bool();
                double amplitude = v.value("amplitude");
                double frequency = f.required("frequency").quantity(HZ, "a frequency") * 1000;
                yield over(target, variable, op, type.equals("square")
                        ? Inputs.squareInput(amplitude, frequency, duration, window[0], window[1], bias, dt)
                        : Inputs.sinusoidalInput(amplitude, frequency, duration, window[0], window[1], bias, dt), duration, dt);
            }
            case "wiener" -> {
                double[] window = v.window("t_start", "t_end", Double.POSITIVE_INFINITY);
                yield noise(target, variable, op, new Noise.Wiener(v.value("sigma"), window[0], window[1]));
            }
            case "ou" -> {
                double[] window = v.window("t_start", "t_end", Double.POSITIVE_INFINITY);
                yield noise(target, variable, op, new Noise.OrnsteinUhlenbeck(v.value("mean"), v.value("sigma"),
                        v.time("tau"), window[0], window[1]));
            }
            case "dc_generator" -> {
                double[] window = v.window("start", "stop", duration);
                yield over(target, variable, op, Inputs.dcGenerator(v.value("amplitude"), window[0], window[1], duration, dt),
                        duration, dt);
            }
            case "step_current_generator" -> {
                double[] times = v.times("amplitude_times");
                double[] values = v.values("amplitude_values");
                if (times.length != values.length) {
                    throw f.required("amplitude_values").error(values.length + " values for " + times.length
                            + " amplitude_times; give one value per time");
                }
                yield over(target, variable, op, Inputs.stepCurrentGenerator(times, values, duration, dt), duration, dt);
            }
            case "noise_generator" -> {
                double[] window = v.window("start", "stop", Double.POSITIVE_INFINITY);
                double interval = f.has("dt") ? steps(f.optional("dt"), dt) : 1.0;
                double frequency = f.has("frequency") ? f.optional("frequency").quantity(HZ, "a frequency") * 1000 : 0;
                double phase = f.has("phase") ? f.optional("phase").quantity(PhysicalUnits.ONE, "a phase in degrees") : 0;
                yield noise(target, variable, op, new Noise.Gaussian(v.optional("mean"), v.optional("std"), interval,
                        v.optional("std_mod"), frequency, phase, window[0], window[1]));
            }
            default -> throw new IllegalStateException(type);
        });
    }

    /**
     * A waveform holds one value per step of the run, on the heap and again on the backend:
     * refused before it is made when that does not fit.
     */
    private void requireRoom(SpecNode node, String type) {
        long steps = settings.steps();
        String fix = "shorten the run or give Java more heap (BRAINJ_JAVA_OPTS=-Xmx8g)";
        if (steps > Integer.MAX_VALUE - 8) {
            throw node.error("a " + type + " input holds one value per step, and " + steps + " steps are more than one"
                    + " array holds; " + fix);
        }
        SpecLoader.wrap(node, () -> {
            new MemoryPlan().add(type + " input (" + steps + " steps)", 16.0 * steps).check(MemoryPlan.availableHeap(), fix);
            return null;
        });
    }

    /** A time that must be a whole number of steps, e.g. NEST's noise interval. */
    private static double steps(SpecNode node, double dt) {
        double time = node.time();
        double steps = time / dt;
        if (steps < 1 - 1e-9 || Math.abs(steps - Math.rint(steps)) > 1e-9 * steps) {
            throw node.error(SpecLoader.ms(time) + " ms is not a whole number of steps of dt = " + SpecLoader.ms(dt) + " ms; use "
                    + SpecLoader.ms(Math.max(1, Math.floor(steps)) * dt) + " ms or " + SpecLoader.ms(Math.ceil(steps) * dt) + " ms");
        }
        return time;
    }

    private Input noise(Population target, String variable, Input.Op op, Noise noise) {
        return Input.noise(target, variable, noise, op, settings.seed(), noises++);
    }

    /** A waveform over the run (the reference's arrays), cut or padded with 0 to the run's steps. */
    private static Input over(Population target, String variable, Input.Op op, double[] values, double duration, double dt) {
        long steps = Math.round(Math.ceil(duration / dt - 1e-9));
        return Input.overTime(target, variable, Arrays.copyOf(values, (int) steps), op);
    }

    private static Input spike(Population target, String variable, Input.Op op, SpecNode.Fields f, Values v, double duration,
                               double dt) {
        double[] points = v.times("points");
        double[] lengths = f.required("lengths").isSequence() ? v.times("lengths") : filled(points.length, v.time("lengths"));
        double[] sizes = f.required("sizes").isSequence() ? v.values("sizes") : filled(points.length, v.value("sizes"));
        return over(target, variable, op, Inputs.spikeInput(points, lengths, sizes, duration, dt), duration, dt);
    }

    /** {@code constant_input}'s {@code [(value, duration), ...]}, then 0 to the end of the run. */
    private static double[] pairs(SpecNode list, Values v, double duration, double dt) {
        List<SpecNode> items = list.sequence();
        double[][] pairs = new double[items.size()][];
        for (int k = 0; k < pairs.length; k++) {
            List<SpecNode> pair = items.get(k).sequence();
            if (pair.size() != 2) {
                throw items.get(k).error("give [value, duration], e.g. [1 nA, 100 ms]");
            }
            pairs[k] = new double[] {v.of(pair.get(0)), pair.get(1).time()};
        }
        return Inputs.constantInput(pairs, dt).values();
    }

    private static double[] filled(int n, double value) {
        double[] out = new double[n];
        Arrays.fill(out, value);
        return out;
    }

    private static double[] pad(double[] values, double last) {
        double[] out = Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    private static double sum(double[] values) {
        return Arrays.stream(values).sum();
    }

    /** The quantities of one entry: values in the target's unit, times in ms. */
    private record Values(SpecNode.Fields f, Unit<?> unit, String variable) {
        double of(SpecNode n) {
            return unit == null ? Coherent.value(n.quantity()) : n.quantity(unit, "a value of " + variable);
        }

        double value(String key) {
            return of(f.required(key));
        }

        double optional(String key) {
            return f.has(key) ? of(f.optional(key)) : 0;
        }

        double time(String key) {
            return f.required(key).time();
        }

        double[] values(String key) {
            return f.required(key).sequence().stream().mapToDouble(this::of).toArray();
        }

        double[] times(String key) {
            return f.required(key).sequence().stream().mapToDouble(SpecNode::time).toArray();
        }

        /** {@code [start, end]}: 0 and {@code end} when absent; an end before the start names the end. */
        double[] window(String startKey, String endKey, double end) {
            double start = f.has(startKey) ? f.optional(startKey).time() : 0;
            double stop = f.has(endKey) ? f.optional(endKey).time() : end;
            if (start < 0) {
                throw f.optional(startKey).error(SpecLoader.ms(start) + " ms is before the run starts; give a time >= 0");
            }
            if (stop < start) {
                throw f.optional(endKey).error(endKey + " " + SpecLoader.ms(stop) + " ms is before " + startKey + " "
                        + SpecLoader.ms(start) + " ms; give " + endKey + " >= " + startKey);
            }
            return new double[] {start, stop};
        }
    }
}
