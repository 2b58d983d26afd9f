package org.brainj.launcher.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.measure.Unit;
import org.brainj.api.model.InputKinds;
import org.brainj.api.sim.Input;
import org.brainj.api.sim.Inputs;
import org.brainj.api.sim.MemoryPlan;
import org.brainj.api.sim.Noise;
import org.brainj.api.sim.Population;
import org.brainj.api.sim.WholeSteps;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.spec.NetworkSpec.Located;
import org.brainj.launcher.spec.NetworkSpec.Stimulus;

/**
 * One entry of a spec's {@code inputs:} as an API {@link Input}: a constant {@code value}, or a
 * {@code type:} of the reference's input helpers ({@code section}, {@code constant}, {@code spike},
 * {@code ramp}, {@code sinusoidal}, {@code square}, {@code wiener}, {@code ou}) or NEST's current
 * generators ({@code dc_generator}, {@code step_current_generator}, {@code noise_generator}) with
 * their parameter names. Values are in the target variable's unit (checked where the model's
 * equations declare it), times in a time unit, frequencies in Hz. Waveforms become one value per
 * step of the run, held on the backend; noise is drawn there at each step. The types and their keys
 * are {@link InputKinds}' table, which {@code brainj list} prints.
 */
final class InputSpec {
    /** Each type with the keys it takes besides {@code target}/{@code population}/{@code variable}, {@code op} and {@code type}. */
    static final Map<String, List<String>> TYPES = InputKinds.at(InputKinds.Place.INPUTS).stream()
            .collect(Collectors.toMap(InputKinds.Kind::name, InputKinds.Kind::keys, (a, b) -> a, LinkedHashMap::new));

    /** The keys that say what an entry drives and how, not how much: a sweep changes none. */
    static final List<String> FIXED_KEYS = List.of("type", "target", "population", "variable", "op");

    private static final Unit<?> HZ = PhysicalUnits.parse("Hz");

    private final Function<Located<String>, Population> populations;
    private final BiFunction<Population, String, Unit<?>> units;
    private final RunSettings settings;
    private int noises;

    /**
     * @param populations a population, view or {@code P[a:b]} by its name, for an error at its place
     * @param units       the unit of a population's variable, or null where the model does not declare it
     */
    InputSpec(Function<Located<String>, Population> populations, BiFunction<Population, String, Unit<?>> units,
              RunSettings settings) {
        this.populations = populations;
        this.units = units;
        this.settings = settings;
    }

    /** The keys an entry of {@code type} (null: a constant {@code value}, else one of {@link #TYPES}) takes. */
    static List<String> keys(String type) {
        List<String> keys = new ArrayList<>(FIXED_KEYS);
        keys.addAll(type == null ? List.of("value") : TYPES.get(type));
        return keys;
    }

    /** The input one {@code inputs:} entry describes. */
    Input build(Stimulus f) {
        String type = f.type() == null ? null : f.type().value();
        Population target = populations.apply(f.population());
        String variable = f.variable().value();
        Unit<?> unit = units.apply(target, variable);
        Input.Op op = f.op() != null ? SpecAssembler.wrap(f.op().where(), () -> Input.Op.of(f.op().value())) : Input.Op.ADD;
        Values v = new Values(f, unit, variable);
        if (type != null && !List.of("wiener", "ou", "noise_generator").contains(type)) {
            requireRoom(f.where(), type);
        }
        double duration = settings.duration();
        double dt = settings.dt();
        return SpecAssembler.wrap(f.where(), () -> switch (type == null ? "value" : type) {
            case "value" -> Input.constant(target, variable, v.value("value"), op);
            case "section" -> over(target, variable, op, Inputs.sectionInput(
                    pad(v.values("values"), 0), pad(v.times("durations"), Math.max(0, duration - sum(v.times("durations")))), dt),
                    duration, dt);
            case "constant" -> over(target, variable, op, pairs(f.required("I_and_duration"), v, dt), duration, dt);
            case "spike" -> spike(target, variable, op, f, v, duration, dt);
            case "ramp" -> {
                double[] window = v.window("t_start", "t_end", duration);
                yield over(target, variable, op, Inputs.rampInput(v.value("c_start"), v.value("c_end"), duration,
                        window[0], window[1], dt), duration, dt);
            }
            case "sinusoidal", "square" -> {
                double[] window = v.window("t_start", "t_end", duration);
                boolean bias = f.has("bias") && f.required("bias").scalar().bool();
                double amplitude = v.value("amplitude");
                double frequency = f.required("frequency").scalar().quantity(HZ, "a frequency") * 1000;
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
                double interval = f.has("dt") ? steps(f.required("dt").scalar(), dt) : 1.0;
                double frequency = f.has("frequency") ? f.required("frequency").scalar().quantity(HZ, "a frequency") * 1000 : 0;
                double phase = f.has("phase") ? f.required("phase").scalar().quantity(PhysicalUnits.ONE, "a phase in degrees") : 0;
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
    private void requireRoom(Where at, String type) {
        long steps = settings.steps();
        String fix = "shorten the run or give Java more heap (BRAINJ_JAVA_OPTS=-Xmx8g)";
        if (steps > Integer.MAX_VALUE - 8) {
            throw new SpecException(at, "a " + type + " input holds one value per step, and " + steps + " steps are more than one"
                    + " array holds; " + fix);
        }
        SpecAssembler.wrap(at, () -> {
            new MemoryPlan().add(type + " input (" + steps + " steps)", 16.0 * steps).check(MemoryPlan.availableHeap(), fix);
            return null;
        });
    }

    /** A time that must be a whole number of steps, e.g. NEST's noise interval. */
    private static double steps(SpecValue.Scalar node, double dt) {
        double time = node.time();
        if (!WholeSteps.isWhole(time, dt) || WholeSteps.count(time, dt) < 1) {
            throw node.error(WholeSteps.notWhole(time, dt) + "; " + WholeSteps.nearest(time, dt));
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

    private static Input spike(Population target, String variable, Input.Op op, Stimulus f, Values v, double duration,
                               double dt) {
        double[] points = v.times("points");
        double[] lengths = f.required("lengths") instanceof SpecValue.Listed ? v.times("lengths")
                : filled(points.length, v.time("lengths"));
        double[] sizes = f.required("sizes") instanceof SpecValue.Listed ? v.values("sizes") : filled(points.length, v.value("sizes"));
        return over(target, variable, op, Inputs.spikeInput(points, lengths, sizes, duration, dt), duration, dt);
    }

    /** {@code constant_input}'s {@code [(value, duration), ...]}, then 0 to the end of the run. */
    private static double[] pairs(SpecValue list, Values v, double dt) {
        List<SpecValue> items = list.items();
        double[][] pairs = new double[items.size()][];
        for (int k = 0; k < pairs.length; k++) {
            List<SpecValue> pair = items.get(k).items();
            if (pair.size() != 2) {
                throw items.get(k).error("give [value, duration], e.g. [1 nA, 100 ms]");
            }
            pairs[k] = new double[] {v.of(pair.get(0)), pair.get(1).scalar().time()};
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
    private record Values(Stimulus f, Unit<?> unit, String variable) {
        double of(SpecValue n) {
            return unit == null ? Coherent.value(n.scalar().quantity()) : n.scalar().quantity(unit, "a value of " + variable);
        }

        double value(String key) {
            return of(f.required(key));
        }

        double optional(String key) {
            return f.has(key) ? of(f.required(key)) : 0;
        }

        double time(String key) {
            return f.required(key).scalar().time();
        }

        double[] values(String key) {
            return f.required(key).items().stream().mapToDouble(this::of).toArray();
        }

        double[] times(String key) {
            return f.required(key).items().stream().mapToDouble(t -> t.scalar().time()).toArray();
        }

        /** {@code [start, end]}: 0 and {@code end} when absent; an end before the start names the end. */
        double[] window(String startKey, String endKey, double end) {
            double start = f.has(startKey) ? time(startKey) : 0;
            double stop = f.has(endKey) ? time(endKey) : end;
            if (start < 0) {
                throw f.required(startKey).error(SpecLoader.ms(start) + " ms is before the run starts; give a time >= 0");
            }
            if (stop < start) {
                throw f.required(endKey).error(endKey + " " + SpecLoader.ms(stop) + " ms is before " + startKey + " "
                        + SpecLoader.ms(start) + " ms; give " + endKey + " >= " + startKey);
            }
            return new double[] {start, stop};
        }
    }
}
