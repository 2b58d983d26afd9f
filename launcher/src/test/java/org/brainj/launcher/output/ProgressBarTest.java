package org.brainj.launcher.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void withoutATerminalItPrintsOneLinePerTenth() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), false, () -> false);
        for (int percent = 1; percent <= 100; percent++) {
            bar.progress(percent / 100.0, percent / 50.0); // 2 s for the whole run
        }
        String[] lines = err.toString().split(System.lineSeparator());
        assertEquals(10, lines.length);
        // at 50% after 1 s, the other half takes 1 s more at the same pace
        assertEquals("run  50% 1.0 s, 1.0 s left", lines[4]);
        assertEquals("run 100% 2.0 s", lines[9]);
    }

    @Test
    void onATerminalItRedrawsOneLine() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), true, () -> false);
        bar.progress(0.5, 1.0);
        assertEquals("\r[###############...............]  50% 1.0 s, 1.0 s left   ", err.toString());
    }

    @Test
    void aStopRequestEndsTheRunAtTheNextReport() {
        AtomicBoolean stop = new AtomicBoolean();
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), false, stop::get);
        bar.progress(0.1, 0.1);
        stop.set(true);
        assertThrows(ProgressBar.Interrupted.class, () -> bar.progress(0.2, 0.2));
        assertTrue(stop.get());
    }
}
