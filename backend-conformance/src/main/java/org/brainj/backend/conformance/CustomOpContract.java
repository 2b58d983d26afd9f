package org.brainj.backend.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.brainj.api.UnknownNameException;
import org.brainj.api.tensor.Backend;
import org.brainj.api.tensor.CustomOp;
import org.junit.jupiter.api.Test;

/** Named custom operations: every listed name resolves to an op of this backend; others are refused with the list. */
public abstract class CustomOpContract extends BackendContract {

    @Test
    void everyListedOperationResolves() {
        Backend b = backend();
        for (String name : b.opNames()) {
            CustomOp op = b.op(name);
            assertEquals(name, op.name());
            assertEquals(b.name(), op.backendName(), "op " + name + " is written for this backend");
        }
    }

    @Test
    void unknownOperationListsTheKnownOnes() {
        Backend b = backend();
        UnknownNameException e = assertThrows(UnknownNameException.class, () -> b.op("no-such-op"));
        assertEquals("no-such-op", e.name());
        assertEquals(java.util.List.copyOf(new java.util.TreeSet<>(b.opNames())), e.known());
        assertMentions(e, "no-such-op");
        for (String known : b.opNames()) {
            assertMentions(e, known);
        }
    }
}
