package org.brainj.api.sim;

import java.util.function.DoubleUnaryOperator;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.Tensor;

/**
 * The reference's {@code (target, value, op)}: before every step, {@code target op= value} on
 * a population's variable. The value is a constant, an array over time (one value per step,
 * or one row of per-neuron values per step), a function of time, or {@link Noise} drawn on the
 * backend at each step.
 */
public final class Input {
    /** How the value combines with the target. */
    public enum Op {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), SET("=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            throw new SimulationException("input operation '" + symbol + "' is not one of + - * / =");
        }

        @Override
        public String toString() {
            return symbol;
        }
    }

    private final Population target;
    private final String variable;
    private final Op op;
    // the values: replaced by assign, so a sweep's point changes an input without rebuilding the network
    private Double constant;
    private double[] overTime;
    private int width;
    private DoubleUnaryOperator function;
    private int[] eventNeurons;
    private double[] eventTimes;
    private Noise noise;
    private long noiseSeed;
    private int noiseStream;
    private NoiseDrive drive;

    private Backend backend;
    private double dt;
    private Tensor tensor;
    private Tensor values;
    private Tensor always;
    private long steps;

    private Input(Population target, String variable, Op op, Double constant, double[] overTime, int width,
                  DoubleUnaryOperator function) {
        this(target, variable, op, constant, overTime, width, function, null, null);
    }

    private Input(Population target, String variable, Op op, Double constant, double[] overTime, int width,
                  DoubleUnaryOperator function, int[] eventNeurons, double[] eventTimes) {
        this.eventNeurons = eventNeurons;
        this.eventTimes = eventTimes;
        this.target = target;
        this.variable = variable;
        this.op = op;
        this.constant = constant;
        this.overTime = overTime;
        this.width = width;
        this.function = function;
        if (!target.group().variables().contains(variable)) {
            throw new org.brainj.api.UnknownNameException("variable of group " + target.group().name(), variable,
                    target.group().variables());
        }
    }

    /** {@code target.variable op= value} at every step. */
    public static Input constant(Population target, String variable, double value, Op op) {
        return new Input(target, variable, op, value, null, 0, null);
    }

    /** Step {@code k} uses {@code values[k]} (the reference's arrays from {@link Inputs}). */
    public static Input overTime(Population target, String variable, double[] values, Op op) {
        return new Input(target, variable, op, null, values.clone(), 1, null);
    }

    /** Step {@code k} uses row {@code k} of {@code values}, one value per neuron. */
    public static Input overTime(Population target, String variable, double[][] values, Op op) {
        int n = target.size();
        double[] flat = new double[values.length * n];
        for (int k = 0; k < values.length; k++) {
            if (values[k].length != n) {
                throw new SimulationException("input to " + target.name() + "." + variable + ": row " + k + " has "
                        + values[k].length + " values for " + n + " neurons; give one value per neuron");
            }
            System.arraycopy(values[k], 0, flat, k * n, n);
        }
        return new Input(target, variable, op, null, flat, n, null);
    }

    /** Step {@code k} uses {@code f(t_k)}. */
    public static Input ofTime(Population target, String variable, DoubleUnaryOperator f, Op op) {
        return new Input(target, variable, op, null, null, 0, f);
    }

    /**
     * Adds 1 to {@code variable} of neuron {@code neurons[k]} in the step that starts at
     * {@code times[k]} (rounded to the nearest step): with a model that spikes when its input is
     * set, a spike-time generator. Per step the work is one event op over that step's events.
     */
    public static Input events(Population target, String variable, int[] neurons, double[] times) {
        if (neurons.length != times.length) {
            throw new SimulationException("events for " + target.name() + ": " + neurons.length + " neurons but "
                    + times.length + " times; give one time per event");
        }
        for (int i : neurons) {
            if (i < 0 || i >= target.size()) {
                throw new SimulationException("events for " + target.name() + ": neuron " + i + " is outside 0.."
                        + (target.size() - 1));
            }
        }
        return new Input(target, variable, Op.ADD, null, null, 0, null, neurons.clone(), times.clone());
    }

    /**
     * {@code target.variable op= noise}, one independent value per neuron and step, drawn on the
     * backend from {@code seed} on a stream of its own: give each noise input of a network a
     * different {@code index}.
     */
    public static Input noise(Population target, String variable, Noise noise, Op op, long seed, int index) {
        Input in = new Input(target, variable, op, null, null, 0, null);
        in.noise = noise;
        in.noiseSeed = seed;
        in.noiseStream = Math.floorMod(java.util.Objects.hash("input", target.name(), variable, index), Integer.MAX_VALUE);
        return in;
    }

    /** A noise input draws from {@code seed} from now on (its own stream kept); other inputs draw nothing. */
    void reseed(long seed) {
        if (noise != null) {
            noiseSeed = seed;
            if (drive != null) {
                drive.reseed(seed);
            }
        }
    }

    public Population target() {
        return target;
    }

    public String name() {
        return target.name() + "." + variable;
    }

    /**
     * Takes the values of {@code other}, an input of the same kind onto the same neurons and
     * variable with the same operation (a sweep's next amplitude, mean or waveform): the steps from
     * now on apply them. Nothing is compiled; a noise input keeps its own random stream.
     */
    public void assign(Input other) {
        boolean sameNeurons = other.target.group() == target.group() && other.target.offset() == target.offset()
                && other.target.size() == target.size();
        if (!sameNeurons || !other.variable.equals(variable) || other.op != op || !other.kind().equals(kind())) {
            throw new SimulationException("input " + name() + " (" + kind() + ", " + op + "=) cannot take the values of input "
                    + other.name() + " (" + other.kind() + ", " + other.op + "=); give an input of the same kind onto the"
                    + " same neurons and variable");
        }
        constant = other.constant;
        overTime = other.overTime;
        width = other.width;
        function = other.function;
        eventNeurons = other.eventNeurons;
        eventTimes = other.eventTimes;
        noise = other.noise;
        if (backend != null) {
            drive = null;
            build(backend, dt);
        }
    }

    private String kind() {
        return noise != null ? "noise" : eventNeurons != null ? "events" : constant != null ? "constant"
                : overTime != null ? "values over time" : "function of time";
    }

    void build(Backend backend, double dt) {
        this.backend = backend;
        this.dt = dt;
        always = backend.full(org.brainj.api.tensor.DType.BOOL, 1);
        Tensor whole = target.group().variable(variable);
        if (whole.rank() == 0) {
            throw new SimulationException("input to " + name() + ": '" + variable + "' is a parameter shared by the whole"
                    + " group; change it with group.set(\"" + variable + "\", value), or give inputs a per-neuron variable");
        }
        tensor = whole.size() == target.size() ? whole : whole.slice(target.offset(), target.offset() + target.size());
        if (noise != null) {
            drive = new NoiseDrive(noise, backend, tensor.dtype(), tensor.shape(), dt, noiseSeed, noiseStream,
                    drive == null ? null : drive.carry());
        } else if (eventNeurons != null) {
            buildEvents(dt);
        } else if (constant != null) {
            values = backend.full(tensor.dtype(), constant, tensor.shape());
        } else if (overTime != null) {
            steps = overTime.length / width;
            values = backend.astype(backend.asTensor(overTime), tensor.dtype(), null).reshape((int) steps, width);
        } else {
            values = backend.full(tensor.dtype(), 0);
        }
    }

    private Tensor eventPtr;
    private Tensor eventTargets;
    private Tensor one;

    /** The events as CSR over steps: row k holds the neurons due in step k. */
    private void buildEvents(double dt) {
        Integer[] order = new Integer[eventTimes.length];
        long[] stepOf = new long[eventTimes.length];
        for (int k = 0; k < order.length; k++) {
            order[k] = k;
            stepOf[k] = Times.step(eventTimes[k], dt);
            if (stepOf[k] < 0) {
                throw new SimulationException("events for " + target.name() + ": time " + eventTimes[k] + " is negative");
            }
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(k -> stepOf[k]));
        steps = order.length == 0 ? 0 : stepOf[order[order.length - 1]] + 1;
        int[] ptr = new int[(int) steps + 2];
        int[] targets = new int[order.length];
        for (int k = 0; k < order.length; k++) {
            ptr[(int) stepOf[order[k]] + 1]++;
            targets[k] = eventNeurons[order[k]];
        }
        for (int s = 1; s < ptr.length; s++) {
            ptr[s] += ptr[s - 1];
        }
        eventPtr = backend.asTensor(ptr);
        eventTargets = backend.asTensor(targets);
        one = backend.full(org.brainj.api.tensor.DType.BOOL, 1, 1);
        values = backend.full(tensor.dtype(), 1);
    }

    /** Refuses a run that would need values past the end of an array input. */
    void checkCovers(long endStep, double dt) {
        if (overTime != null && eventNeurons == null && endStep > steps) {
            throw new SimulationException("input to " + name() + " has values for " + steps + " steps (to t = "
                    + Times.format(steps * dt) + ") but the run goes to step " + endStep + " (t = " + Times.format(endStep * dt)
                    + "); give a longer array or a shorter run");
        }
    }

    void apply(long step, double t) {
        if (eventNeurons != null) {
            if (step < steps) {
                // one source "neuron" whose row is this step's slice of the event CSR
                backend.csrEventAdd(one, eventPtr.slice((int) step, (int) step + 2), eventTargets, values, tensor);
            }
            return;
        }
        Tensor value = values;
        if (drive != null) {
            value = drive.at(step);
        } else if (overTime != null) {
            value = values.slice((int) step, (int) step + 1).reshape(width);
        } else if (function != null) {
            backend.copy(backend.full(values.dtype(), function.applyAsDouble(t)), values);
        }
        if (op == Op.SET) {
            if (value.size() == tensor.size()) {
                backend.copy(value, tensor);
            } else {
                backend.where(always, value, tensor, tensor);
            }
            return;
        }
        backend.binary(switch (op) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case SET -> throw new IllegalStateException();
        }, tensor, value, tensor);
    }
}
