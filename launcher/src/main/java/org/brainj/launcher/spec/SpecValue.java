package org.brainj.launcher.spec;

import java.util.List;
import javax.measure.Quantity;
import javax.measure.Unit;
import org.brainj.api.BrainJException;
import org.brainj.api.expr.Source;
import org.brainj.api.units.Coherent;
import org.brainj.api.units.PhysicalUnits;

/**
 * A value of a spec as written, with its place, once the YAML is read: what the reader hands
 * the assembler where a value's meaning depends on the model (a parameter, an initial value, a
 * weight), so the assembler can check it against the model's units and still point at the
 * user's line.
 */
public sealed interface SpecValue {
    Where where();

    default SpecException error(String message) {
        return new SpecException(where(), message);
    }

    /** Whether the key was written without a value. */
    default boolean isNothing() {
        return false;
    }

    /** The scalar this is; a list or mapping here is an error saying what was found. */
    Scalar scalar();

    /** The items of a list; anything else is an error saying what was found. */
    default List<SpecValue> items() {
        throw error("expected a list ('- item' lines or [a, b]), found " + (this instanceof Scalar s ? "'" + s.text() + "'"
                : ((NotAValue) this).found()));
    }

    /** The same value at another place: one written elsewhere (a sweep's) in place of this key. */
    SpecValue at(Where place);

    /**
     * One scalar: its text (trimmed) and its {@link Source}, the text with the line and column
     * where it starts in the file.
     */
    record Scalar(String text, Source source, Where where) implements SpecValue {
        @Override
        public Scalar scalar() {
            return this;
        }

        @Override
        public Scalar at(Where place) {
            return new Scalar(text, source, place);
        }

        public long integer() {
            try {
                return Long.parseLong(text.replace("_", ""));
            } catch (NumberFormatException e) {
                throw error("'" + text + "' is not a whole number; give one such as 4000");
            }
        }

        public boolean bool() {
            return switch (text) {
                case "true", "True", "yes" -> true;
                case "false", "False", "no" -> false;
                default -> throw error("'" + text + "' is not true or false");
            };
        }

        /** A quantity such as {@code 20 ms}; a plain number is dimensionless. */
        public Quantity<?> quantity() {
            try {
                return parseQuantity(text);
            } catch (BrainJException e) {
                throw error("'" + text + "' is not a quantity: " + e.getMessage());
            }
        }

        /** A quantity checked to have the dimension of {@code unit}. */
        public Quantity<?> quantityOf(Unit<?> unit, String what) {
            Quantity<?> q = quantity();
            if (!PhysicalUnits.sameDimension(q.getUnit(), unit)) {
                throw error(PhysicalUnits.mismatch(text, q.getUnit(), unit, what));
            }
            return q;
        }

        /** A quantity of the dimension of {@code unit}, as a number in the {@link Coherent} system. */
        public double quantity(Unit<?> unit, String what) {
            return Coherent.value(quantityOf(unit, what));
        }

        /** A time, in ms. */
        public double time() {
            return quantity(PhysicalUnits.SECOND, "a time");
        }
    }

    /** A list of values. */
    record Listed(List<SpecValue> items, Where where) implements SpecValue {
        public Listed {
            items = List.copyOf(items);
        }

        @Override
        public Scalar scalar() {
            throw error("expected a value, found a list");
        }

        @Override
        public List<SpecValue> items() {
            return items;
        }

        @Override
        public Listed at(Where place) {
            return new Listed(items, place);
        }
    }

    /** A mapping or nothing where a value belongs: an error when it is read, saying what was found. */
    record NotAValue(String found, Where where) implements SpecValue {
        @Override
        public boolean isNothing() {
            return found.equals("nothing");
        }

        @Override
        public Scalar scalar() {
            throw error("expected a value, found " + found);
        }

        @Override
        public NotAValue at(Where place) {
            return new NotAValue(found, place);
        }
    }

    /** Quantity text, refusing numbers beyond the double range (which the unit library cannot hold). */
    static Quantity<?> parseQuantity(String text) {
        try {
            return PhysicalUnits.quantity(text);
        } catch (IllegalArgumentException e) {
            throw new BrainJException("its number is out of range; give a finite number");
        }
    }
}
