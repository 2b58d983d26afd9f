package org.brainj.backend.aparapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import org.brainj.api.tensor.BinaryOp;
import org.brainj.api.tensor.Reduction;
import org.brainj.api.tensor.UnaryOp;
import org.junit.jupiter.api.Test;

/**
 * The backend passes an operation's ordinal as the kernel's function code: the kernel's constant
 * of the same name must hold that ordinal, for every operation of the API.
 */
class OpcodeTableTest {
    private static int constant(String name) throws ReflectiveOperationException {
        Field f = OpKernel.class.getDeclaredField(name);
        return f.getInt(null);
    }

    @Test
    void everyApiOperationHasTheKernelCodeOfItsOrdinal() throws ReflectiveOperationException {
        for (UnaryOp op : UnaryOp.values()) {
            assertEquals(op.ordinal(), constant(op.name()), "unary " + op);
        }
        for (BinaryOp op : BinaryOp.values()) {
            assertEquals(op.ordinal(), constant(op.name()), "binary " + op);
        }
        for (Reduction op : Reduction.values()) {
            assertEquals(op.ordinal(), constant(op.name()), "reduction " + op);
        }
    }
}
