package org.brainj.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.analysis.plot.Plots;
import org.brainj.api.BrainJException;
import org.brainj.api.UnknownNameException;
import org.brainj.api.expr.Equations;
import org.brainj.api.integrate.Odeint;
import org.brainj.api.integrate.Sdeint;
import org.brainj.api.integrate.Trajectory;
import org.brainj.api.model.CompiledNeuron;
import org.brainj.api.model.ModelTextException;
import org.brainj.api.model.NeuronText;
import org.brainj.api.units.Coherent;
import org.brainj.api.sim.MemoryPlan;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.output.AtomicFiles;
import org.brainj.launcher.spec.SpecValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "integrate", mixinStandardHelpOptions = true,
        description = {"Integrate a few differential equations stand-alone (the reference's odeint/sdeint) and write"
                + " the trajectory as CSV with a PNG plot beside it.",
                "EQUATIONS is Brian2-style text ('dV/dt = (10*mV - V) / tau : volt'; several separated by ';' or"
                        + " newlines) or a file holding it. Equations with units (in the text or on a --param) are"
                        + " checked dimensionally and computed in ms, mV, nA; text without units and plain numbers"
                        + " is unitless (BrainPy's style, time in ms)."})
final class IntegrateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "EQUATIONS", description = "The equations, or a file holding them.")
    String equations;

    @Option(names = "--method", paramLabel = "M", defaultValue = "rk4",
            description = "The method: an ODE method (euler, rk2, rk4, rkf45, exponential_euler, ...) or, for equations"
                    + " with noise terms xi, an SDE method (euler, heun, milstein, ...). Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--dt", paramLabel = "T", required = true, description = "The step, e.g. '0.01 ms'.")
    String dt;

    @Option(names = "--duration", paramLabel = "T", required = true, description = "The time integrated, e.g. '100 ms'.")
    String duration;

    @Option(names = "--init", paramLabel = "x=VALUE", description = "The initial value of a state variable (default 0).")
    Map<String, String> init = new LinkedHashMap<>();

    @Option(names = "--param", paramLabel = "p=VALUE", description = "The value of a parameter the equations read.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The seed of the noise (SDEs).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "integrate.csv",
            description = "The CSV file (default ${DEFAULT-VALUE}); the plot goes beside it as .png and .svg.")
    Path out;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        NeuronText text = NeuronText.of(text());
        params.forEach((p, v) -> text.parameter(p, quantity("--param " + p, v)));
        CompiledNeuron model;
        try {
            model = text.compile("integrate");
        } catch (ModelTextException e) {
            if (e.part().equals("parameters") && params.containsKey(e.key())) {
                throw new BrainJException("--param " + e.key() + ": " + e.problem(), e);
            }
            throw new BrainJException("the equations: " + (e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "")
                    + e.problem() + (e.part().equals("parameters") ? "; give each parameter with --param NAME=VALUE" : ""), e);
        }
        Equations eqs = model.equations();
        List<String> variables = eqs.stateVariables();
        if (variables.isEmpty()) {
            throw new BrainJException("the equations have no differential equation (dx/dt = ...); nothing to integrate");
        }
        double[] x0 = new double[variables.size()];
        for (Map.Entry<String, String> e : init.entrySet()) {
            int i = variables.indexOf(e.getKey());
            if (i < 0) {
                throw new UnknownNameException("state variable (--init)", e.getKey(), variables);
            }
            try {
                x0[i] = model.value(e.getKey(), quantity("--init " + e.getKey(), e.getValue()));
            } catch (ModelTextException ex) {
                throw new BrainJException("--init " + e.getKey() + ": " + ex.problem(), ex);
            }
        }
        Map<String, Double> values = model.parameters();
        double step = time("--dt", dt);
        double end = time("--duration", duration);
        if (step > end) {
            throw new BrainJException("--dt '" + dt + "' is longer than --duration '" + duration + "'; give a smaller --dt or a"
                    + " longer --duration");
        }
        long steps = MemoryPlan.steps(end, step);
        // the trajectory keeps every step: its time and each variable as float64
        new MemoryPlan().add("the trajectory (" + steps + " steps of " + variables.size() + " variables)",
                (steps + 1.0) * (variables.size() + 1) * 8 * 2)
                .check(MemoryPlan.availableHeap(), "give a larger --dt or a shorter --duration, or give Java more heap (-Xmx)");
        Trajectory trajectory = eqs.isStochastic()
                ? Sdeint.of(eqs, values).method(method).seed(seed).integrate(x0, 0, end, step)
                : Odeint.of(eqs, values).method(method).integrate(x0, 0, end, step);
        write(trajectory);
        command.commandLine().getOut().println("integrated " + variables + " with " + method + " over "
                + (trajectory.size() - 1) + " steps; final " + finalState(trajectory) + "; wrote " + out + ", "
                + picture(".png") + " and " + picture(".svg"));
        command.commandLine().getOut().flush();
        return 0;
    }

    private String text() {
        Path file = Path.of(equations);
        if (!equations.contains("=") && Files.isRegularFile(file)) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BrainJException("cannot read the equations file '" + equations + "': " + e.getMessage());
            }
        }
        if (!equations.contains("=")) {
            throw new BrainJException("'" + equations + "' is neither equations (dx/dt = ...) nor a readable file");
        }
        return equations;
    }

    private static Quantity<?> quantity(String what, String text) {
        try {
            return SpecValue.parseQuantity(text);
        } catch (BrainJException e) {
            throw new BrainJException(what + "='" + text + "' is not a number or quantity (" + e.getMessage()
                    + "); give e.g. 10 or '10 ms'");
        }
    }

    private static double time(String option, String text) {
        Quantity<?> q = quantity(option, text);
        if (!PhysicalUnits.sameDimension(q.getUnit(), PhysicalUnits.SECOND)) {
            throw new BrainJException(option + " '" + text + "' is not a time (its unit is " + q.getUnit()
                    + "); give e.g. '0.01 ms'");
        }
        double ms = Coherent.value(q);
        if (!(ms > 0)) {
            throw new BrainJException(option + " '" + text + "' must be greater than 0; give e.g. '0.1 ms'");
        }
        return ms;
    }

    private void write(Trajectory t) {
        Path parent = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new BrainJException("cannot create the folder of --out " + out + " (" + e.getMessage() + "); give a writable path");
        }
        StringBuilder csv = new StringBuilder("t_ms,").append(String.join(",", t.variables())).append('\n');
        for (int k = 0; k < t.size(); k++) {
            csv.append(num(t.times()[k]));
            for (double v : t.states()[k]) {
                csv.append(',').append(num(v));
            }
            csv.append('\n');
        }
        AtomicFiles.write(out, csv.toString().getBytes(StandardCharsets.UTF_8));
        double[][] columns = new double[t.size()][];
        for (int k = 0; k < t.size(); k++) {
            columns[k] = t.states()[k];
        }
        var figure = Plots.lines(String.join(", ", t.variables()), "value", t.times(), columns, t.variables());
        AtomicFiles.write(picture(".png"), figure.png());
        AtomicFiles.write(picture(".svg"), figure.svg());
    }

    /** The plot's file beside the CSV: {@code v.csv} gives {@code v.png} and {@code v.svg}. */
    private Path picture(String extension) {
        String name = out.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + extension);
    }

    private static String finalState(Trajectory t) {
        StringBuilder s = new StringBuilder();
        double[] last = t.last();
        for (int i = 0; i < last.length; i++) {
            s.append(i == 0 ? "" : ", ").append(t.variables().get(i)).append(" = ").append(num(last[i]));
        }
        return s.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
