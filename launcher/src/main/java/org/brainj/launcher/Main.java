package org.brainj.launcher;

import java.io.PrintWriter;

/** The launcher jar's entry point: {@code java -jar brainj-launcher.jar list}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = BrainJCommand.execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
        System.exit(code);
    }
}
