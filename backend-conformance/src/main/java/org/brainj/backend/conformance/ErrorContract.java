package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.brainj.api.BrainJException;
import org.brainj.api.random.RandomKey;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.DType;
import org.brainj.api.tensor.DTypeMismatchException;
import org.brainj.api.tensor.ShapeMismatchException;
import org.brainj.api.tensor.Tensor;
import org.brainj.api.tensor.TensorIndexException;
import org.brainj.api.tensor.UnaryOp;
import org.junit.jupiter.api.Test;

/** Bad input gets a specific exception whose message names the shapes, dtypes, indices or names at fault. */
public abstract class ErrorContract extends BackendContract {

    @Test
    void shapesThatDoNotBroadcastAreNamed() {
        Backend b = backend();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> b.add(b.zeros(DType.FLOAT64, 2, 3), b.zeros(DType.FLOAT64, 4)));
        assertMentions(e, "(2, 3)", "(4,)");
        assertThrows(ShapeMismatchException.class,
                () -> b.where(b.zeros(DType.BOOL, 5), b.zeros(DType.FLOAT32, 5), b.zeros(DType.FLOAT32, 3)));
    }

    @Test
    void mixedDtypesAreNamed() {
        Backend b = backend();
        DTypeMismatchException e = assertThrows(DTypeMismatchException.class,
                () -> b.add(b.zeros(DType.FLOAT32, 2), b.zeros(DType.FLOAT64, 2)));
        assertMentions(e, "float32", "float64");
        assertThrows(DTypeMismatchException.class,
                () -> b.where(b.zeros(DType.FLOAT64, 2), b.zeros(DType.FLOAT64, 2), b.zeros(DType.FLOAT64, 2)));
        assertThrows(DTypeMismatchException.class,
                () -> b.concatenate(0, b.zeros(DType.FLOAT64, 2), b.zeros(DType.INT32, 2)));
    }

    @Test
    void operationsOutsideTheirDtypesAreRefused() {
        Backend b = backend();
        assertMentions(assertThrows(DTypeMismatchException.class, () -> b.exp(b.zeros(DType.INT32, 2))), "int32");
        assertThrows(DTypeMismatchException.class, () -> b.logicalNot(b.zeros(DType.FLOAT64, 2)));
        assertThrows(DTypeMismatchException.class, () -> b.logicalAnd(b.zeros(DType.FLOAT64, 2), b.zeros(DType.FLOAT64, 2)));
        assertThrows(DTypeMismatchException.class, () -> b.add(b.zeros(DType.BOOL, 2), b.zeros(DType.BOOL, 2)));
        assertThrows(DTypeMismatchException.class, () -> b.unary(UnaryOp.SQRT, b.zeros(DType.BOOL, 2), null));
        assertThrows(DTypeMismatchException.class, () -> b.uniform(new RandomKey(1, 0, 0), 0, 1, b.zeros(DType.INT32, 2)));
        assertThrows(DTypeMismatchException.class, () -> b.poisson(new RandomKey(1, 0, 0), 1, b.zeros(DType.FLOAT64, 2)));
        assertThrows(DTypeMismatchException.class, () -> b.bernoulli(new RandomKey(1, 0, 0), 0.5, b.zeros(DType.INT32, 2)));
    }

    @Test
    void outputsOfTheWrongShapeOrDtypeAreNamed() {
        Backend b = backend();
        Tensor x = b.zeros(DType.FLOAT64, 2, 3);
        ShapeMismatchException shape = assertThrows(ShapeMismatchException.class,
                () -> b.binary(BinaryOp.ADD, x, x, b.zeros(DType.FLOAT64, 3, 2)));
        assertMentions(shape, "(3, 2)", "(2, 3)");
        DTypeMismatchException dtype = assertThrows(DTypeMismatchException.class,
                () -> b.binary(BinaryOp.ADD, x, x, b.zeros(DType.FLOAT32, 2, 3)));
        assertMentions(dtype, "float32", "float64");
        assertThrows(DTypeMismatchException.class, () -> b.binary(BinaryOp.LT, x, x, b.zeros(DType.FLOAT64, 2, 3)));
        assertThrows(ShapeMismatchException.class, () -> b.reduce(org.brainj.api.tensor.Reduction.SUM, x, 0,
                b.zeros(DType.FLOAT64, 2)));
        assertThrows(ShapeMismatchException.class, () -> b.unary(UnaryOp.EXP, x, b.zeros(DType.FLOAT64, 6)));
    }

    @Test
    void outOfRangeSlicesAndAxesAreNamed() {
        Backend b = backend();
        Tensor x = b.zeros(DType.FLOAT64, 4, 2);
        assertMentions(assertThrows(TensorIndexException.class, () -> b.slice(x, 2, 5)), "5", "(4, 2)");
        assertThrows(TensorIndexException.class, () -> b.slice(x, -1, 2));
        assertThrows(TensorIndexException.class, () -> b.slice(x, 3, 2));
        assertThrows(TensorIndexException.class, () -> b.slice(b.scalar(DType.FLOAT64, 1), 0, 1));
        assertMentions(assertThrows(TensorIndexException.class, () -> b.sum(x, 2)), "2");
        assertThrows(TensorIndexException.class, () -> b.sum(x, -3));
        assertThrows(TensorIndexException.class, () -> b.concatenate(2, x, x));
    }

    @Test
    void shapesThatCannotBeMadeAreNamed() {
        Backend b = backend();
        Tensor x = b.zeros(DType.FLOAT32, 6);
        assertMentions(assertThrows(ShapeMismatchException.class, () -> b.reshape(x, 4, 2)), "(6,)", "(4, 2)");
        assertThrows(ShapeMismatchException.class, () -> b.reshape(x, -1, 4));
        assertThrows(ShapeMismatchException.class, () -> b.reshape(x, -1, -1));
        assertMentions(assertThrows(ShapeMismatchException.class, () -> b.asTensor(new double[] {1, 2, 3}, 2, 2)),
                "(2, 2)");
        assertMentions(assertThrows(ShapeMismatchException.class,
                () -> b.concatenate(0, b.zeros(DType.FLOAT32, 2, 3), b.zeros(DType.FLOAT32, 2, 4))), "(2, 3)", "(2, 4)");
        assertThrows(ShapeMismatchException.class, () -> b.zeros(DType.FLOAT64, 2, -1));
        assertThrows(ShapeMismatchException.class, () -> b.scalar(DType.FLOAT64, 1).reshape(2).item());
        assertThrows(ShapeMismatchException.class, () -> b.zeros(DType.FLOAT64, 2).item());
    }

    @Test
    void invalidParametersAreRefused() {
        Backend b = backend();
        RandomKey key = new RandomKey(1, 0, 0);
        assertThrows(BrainJException.class, () -> b.bernoulli(key, 1.5, 2));
        assertThrows(BrainJException.class, () -> b.poisson(key, -1, 2));
        assertThrows(BrainJException.class, () -> b.normal(key, DType.FLOAT64, 0, -1, 2));
        assertThrows(BrainJException.class, () -> b.uniform(key, DType.FLOAT64, 1, 0, 2));
        assertThrows(BrainJException.class, () -> b.arange(DType.FLOAT64, 0, 1, 0));
        assertThrows(BrainJException.class, () -> b.clip(b.zeros(DType.FLOAT64, 2), 1, 0));
        assertThrows(BrainJException.class, () -> b.div(b.asTensor(new int[] {1}), b.asTensor(new int[] {0})));
    }
}
