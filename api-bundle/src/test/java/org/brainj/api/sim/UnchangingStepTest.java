package org.brainj.api.sim;

import static org.brainj.api.expr.ExpressionParser.parse;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.brainj.api.program.Assign;
import org.brainj.api.program.RandomDraw;
import org.brainj.api.program.StepProgram;
import org.junit.jupiter.api.Test;

class UnchangingStepTest {
    private static final List<RandomDraw> NO_NOISE = List.of();

    /** Euler's step of {@code dw/dt = 0} as GroupStep writes it: w's value goes through two locals and comes back. */
    @Test
    void aZeroDerivativeThroughLocalsLeavesTheStateAsItWas() {
        StepProgram step = new StepProgram(List.of(new Assign("w_new", parse("w + dt * 0")),
                new Assign("w__0", parse("w_new")), new Assign("w", parse("w__0"))), Set.of("w"), Set.of(), NO_NOISE);
        assertTrue(UnchangingStep.of(step, Set.of("w")));
    }

    /** A decay changes w; a local that is not a tensor may hold anything. */
    @Test
    void aStepThatChangesAWrittenTensorIsKept() {
        StepProgram decay = new StepProgram(List.of(new Assign("w_new", parse("w + dt * (-w / tau)")),
                new Assign("w", parse("w_new"))), Set.of("w"), Set.of("tau"), NO_NOISE);
        assertFalse(UnchangingStep.of(decay, Set.of("w", "tau")));
        // the input is not integrated state but a tensor the step clears: that is a change too
        StepProgram clearsInput = new StepProgram(List.of(new Assign("w_new", parse("w + dt * 0")),
                new Assign("w", parse("w_new")), new Assign("I", parse("0"))), Set.of("w"), Set.of(), NO_NOISE);
        assertFalse(UnchangingStep.of(clearsInput, Set.of("w", "I")));
    }

    /** Writing a variable and then writing it back leaves it as it was. */
    @Test
    void aWriteUndoneLaterInTheStepIsNoChange() {
        StepProgram undone = new StepProgram(List.of(new Assign("old", parse("w")), new Assign("w", parse("w + 1")),
                new Assign("w", parse("old"))), Set.of("w"), Set.of(), NO_NOISE);
        assertTrue(UnchangingStep.of(undone, Set.of("w")));
    }
}
