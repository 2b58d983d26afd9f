package org.brainj.backend.aparapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.brainj.api.BrainJException;
import org.brainj.api.program.Bindings;
import org.brainj.api.program.Kernel;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.Shapes;
import org.brainj.api.tensor.Tensor;

/**
 * A step program bound to tensors of one Aparapi backend: a block of the device's generated
 * kernel (StepSource, StepKernels) that addresses the tensors in the pools, so each
 * {@link #run} is one launch over the population with state read and written in place. A
 * program that lists its events then lists them in the step's row of the events ring by a
 * parallel compaction (three more launches), in index order as the CPU backend lists them.
 */
final class CompiledStep implements Kernel {
    private final Device device;
    private final long seed;
    private final List<RandomDraw> noise;
    private final int population;
    private final int index;
    /** The flags the events are listed from and the events ring, or null for a program without events. */
    private final DeviceTensor flags;
    private final DeviceTensor[] events;
    /** The compaction's count per block of flags. */
    private final DeviceTensor blocks;
    /** The bound tensors: the code addresses their pool ranges, which must not be released while it runs. */
    @SuppressWarnings("unused")
    private final List<Tensor> bound;

    CompiledStep(AparapiBackend backend, StepProgram program, Bindings bindings) {
        Map<String, StepSource.Place> state = new LinkedHashMap<>();
        Map<String, StepSource.Place> params = new LinkedHashMap<>();
        int[] shape = null;
        String shapeFrom = null;
        for (String name : new TreeSet<>(program.state())) {
            DeviceTensor t = bind(backend, bindings, name, "state variable");
            if (shape == null) {
                shape = t.shapeRef();
                shapeFrom = name;
            }
            requireShape(t, name, shape, shapeFrom);
            state.put(name, new StepSource.Place(t.dtype() == DType.FLOAT32, t.offset(), "i"));
        }
        if (shape == null) {
            throw new BrainJException("compile: the step program has no state variable; a step updates at least one");
        }
        for (String name : new TreeSet<>(program.params())) {
            DeviceTensor t = bind(backend, bindings, name, "parameter");
            if (t.rank() > 0) {
                requireShape(t, name, shape, shapeFrom);
            }
            params.put(name, new StepSource.Place(t.dtype() == DType.FLOAT32, t.offset(), t.rank() == 0 ? "" : "i"));
        }
        Set<String> names = new HashSet<>(Set.of("t", "dt"));
        List<String> declared = new ArrayList<>(program.state());
        declared.addAll(program.params());
        program.noise().forEach(d -> declared.add(d.name()));
        for (String name : declared) {
            if (!names.add(name)) {
                throw new BrainJException("compile: '" + name + "' is declared twice among time (t, dt), the state"
                        + " variables, parameters and random draws of the step program; give each its own name");
            }
        }
        for (int s = 0; s < program.body().size(); s++) {
            String target = program.body().get(s).target();
            if (program.params().contains(target) || target.equals("t") || target.equals("dt")
                    || program.noise().stream().anyMatch(d -> d.name().equals(target))) {
                throw new BrainJException("compile: statement " + (s + 1) + " of the step program assigns '" + target
                        + "', which is a parameter, time or a random draw; assign a state variable or a new name");
            }
        }
        this.device = backend.device();
        this.index = device.addProgram(k -> new StepSource(StepKernels.prefix(k), state, params, program.noise(),
                program.body()));
        this.seed = bindings.seed();
        this.noise = program.noise();
        this.population = Shapes.size(shape);
        this.bound = List.copyOf(bindings.tensors().values());
        this.flags = program.events() == null ? null : backend.own("compile", bindings.tensors().get(program.events()),
                "events variable '" + program.events() + "'");
        this.events = program.events() == null ? null : ring(backend, bindings, population);
        this.blocks = program.events() == null ? null : backend.zeros(DType.INT32, Device.eventBlocks(population));
    }

    private static DeviceTensor[] ring(AparapiBackend backend, Bindings bindings, int population) {
        if (bindings.events() == null || bindings.events().isEmpty()) {
            throw new BrainJException("compile: the step program lists its events but the bindings have no events"
                    + " ring; bind int32 rows of " + (population + 1) + " elements");
        }
        DeviceTensor[] rows = new DeviceTensor[bindings.events().size()];
        for (int r = 0; r < rows.length; r++) {
            DeviceTensor row = backend.own("compile", bindings.events().get(r), "events ring row " + r);
            if (row.dtype() != DType.INT32 || row.rank() != 1 || row.size() != population + 1) {
                throw new BrainJException("compile: row " + r + " of the events ring has dtype " + row.dtype()
                        + " and shape " + Shapes.format(row.shapeRef()) + " but must be 1-d int32 of "
                        + (population + 1) + " elements (the count, then one index per element)");
            }
            rows[r] = row;
        }
        return rows;
    }

    private static DeviceTensor bind(AparapiBackend backend, Bindings bindings, String name, String role) {
        Tensor t = bindings.tensors().get(name);
        if (t == null) {
            throw new BrainJException("compile: the step program's " + role + " '" + name
                    + "' has no tensor in the bindings; bound: " + new TreeSet<>(bindings.tensors().keySet()));
        }
        DeviceTensor d = backend.own("compile", t, role + " '" + name + "'");
        if (!d.dtype().isFloat()) {
            throw new BrainJException("compile: " + role + " '" + name + "' has dtype " + d.dtype()
                    + "; step programs compute on float32 or float64 tensors, convert it with astype");
        }
        return d;
    }

    private static void requireShape(DeviceTensor t, String name, int[] shape, String shapeFrom) {
        if (!Arrays.equals(t.shapeRef(), shape)) {
            throw new org.brainj.api.tensor.ShapeMismatchException("compile: '" + name + "' has shape "
                    + Shapes.format(t.shapeRef()) + " but '" + shapeFrom + "' has shape " + Shapes.format(shape)
                    + "; per-element tensors share the population's shape, a value shared by all is a 0-d tensor");
        }
    }

    @Override
    public void run(double t, double dt, long step) {
        if (!noise.isEmpty() && (step < 0 || step > 0xFFFF_FFFFL)) {
            throw new BrainJException("step " + step + " is outside 0 to 2^32 - 1, the counters of the program's random draws;"
                    + " start a new stream");
        }
        device.step(index, population, t, dt, seed, step);
        if (events != null) {
            DeviceTensor row = events[(int) Math.floorMod(step, (long) events.length)];
            row.block().written();
            device.eventList(row.slot(), flags.slot(), blocks.slot(), population);
        }
    }
}
