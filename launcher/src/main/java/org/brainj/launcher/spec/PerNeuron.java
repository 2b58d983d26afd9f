package org.brainj.launcher.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.EquationException;
import org.brainj.api.expr.Equations;
import org.brainj.api.expr.Expr;
import org.brainj.api.expr.Interpreter;
import org.brainj.api.expr.Statement;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;
import org.brainj.launcher.output.Npy;

/**
 * Values that differ from neuron to neuron, as a spec gives them for an initial value or a
 * parameter: a list with one quantity per neuron ({@code [-60 mV, -58 mV]}), a {@code .npy} file
 * of numbers in the model's units (ms, mV, nA; path relative to the spec), or an expression of
 * the neuron's index {@code i} and the population size {@code N} ({@code '-60*mV + 0.1*mV*i'}),
 * checked for units as equations are.
 */
final class PerNeuron {
    private PerNeuron() {
    }

    /** Whether {@code v} is given per neuron in one of those forms rather than as one quantity. */
    static boolean isPerNeuron(SpecValue v) {
        if (v instanceof SpecValue.Listed) {
            return true;
        }
        if (!(v instanceof SpecValue.Scalar s)) {
            return false; // not a value: reading it as one quantity says so
        }
        String text = s.text();
        if (text.endsWith(".npy")) {
            return true;
        }
        try {
            SpecValue.parseQuantity(text);
            return false;
        } catch (BrainJException | IllegalArgumentException e) {
            return text.matches(".*\\bi\\b.*");
        }
    }

    /**
     * The {@code n} values of {@code v} as numbers in the {@link Coherent} system.
     *
     * @param unit   the variable's unit, or null when unknown (values then as written)
     * @param folder the folder of the spec file, which {@code .npy} paths are relative to
     */
    static double[] values(SpecValue v, Unit<?> unit, int n, Path folder, String what) {
        double[] values;
        if (v instanceof SpecValue.Listed list) {
            List<SpecValue> items = list.items();
            values = new double[items.size()];
            for (int k = 0; k < values.length; k++) {
                SpecValue.Scalar item = items.get(k).scalar();
                values[k] = unit == null ? Coherent.value(item.quantity()) : item.quantity(unit, what);
            }
        } else if (v.scalar().text().endsWith(".npy")) {
            Path file = folder.resolve(v.scalar().text());
            try {
                values = Npy.read(Files.readAllBytes(file));
            } catch (IOException e) {
                throw v.error("cannot read " + file + " (" + e.getMessage() + "); give the path of a .npy file relative to the spec");
            } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
                throw v.error(file + ": " + e.getMessage());
            }
        } else {
            values = expression(v.scalar(), unit, n, what);
        }
        if (values.length != n) {
            throw v.error(values.length + " values for " + what + " of " + n + " neurons; give one per neuron");
        }
        return values;
    }

    private static double[] expression(SpecValue.Scalar v, Unit<?> unit, int n, String what) {
        Expr e;
        try {
            Statement s = Equations.parseCondition(v.source(), "(value)");
            Unit<?> declared = unit == null ? PhysicalUnits.ONE : unit;
            Statement typed = new Statement(s.kind(), s.variable(), s.rhs(), declared, s.flags(), s.line(), s.column(),
                    s.positions());
            Map<String, Unit<?>> index = Map.of("i", PhysicalUnits.ONE, "N", PhysicalUnits.ONE);
            Equations checked = new Equations(List.of(typed)).checkUnits(index);
            e = checked.statement("(value)").rhs();
        } catch (EquationException ex) {
            throw new SpecException(v.where().at(ex.line(), ex.column()), ex.problem().replace("(value)", what)
                    + "; an expression per neuron reads the index i and the size N", ex);
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Interpreter.eval(e, Map.of("i", (double) i, "N", (double) n));
        }
        return values;
    }
}
