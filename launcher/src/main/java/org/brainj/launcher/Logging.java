package org.brainj.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * java.util.logging while a command runs: warnings as one line on stderr, details (with stack
 * traces) under {@code --debug}; the framework's messages come here too. Closing restores the
 * root logger as it was, so running a command in-process (tests) leaves no trace. A user's own
 * {@code java.util.logging.config.file} wins: then nothing is changed.
 */
final class Logging implements AutoCloseable {
    private final Logger root = Logger.getLogger("");
    private final Level savedLevel;
    private final List<Handler> savedHandlers;
    private final Handler console;

    private Logging(boolean debug) {
        savedLevel = root.getLevel();
        savedHandlers = List.of(root.getHandlers());
        Level level = debug ? Level.FINE : Level.WARNING;
        console = new ConsoleHandler(); // stderr
        console.setLevel(level);
        console.setFormatter(new OneLine(debug));
        savedHandlers.forEach(root::removeHandler);
        root.addHandler(console);
        root.setLevel(level);
    }

    /** Sets up logging for one command; null when the user configured logging themselves. */
    static Logging configure(boolean debug) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return null;
        }
        return new Logging(debug);
    }

    @Override
    public void close() {
        console.flush();
        root.removeHandler(console);
        savedHandlers.forEach(root::addHandler);
        root.setLevel(savedLevel);
    }

    /** {@code brainj: warning: message}; under --debug with the logger name and stack trace. */
    private static final class OneLine extends Formatter {
        private final boolean debug;

        OneLine(boolean debug) {
            this.debug = debug;
        }

        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder("brainj: ")
                    .append(record.getLevel().getName().toLowerCase()).append(": ");
            if (debug) {
                line.append('[').append(record.getLoggerName()).append("] ");
            }
            line.append(formatMessage(record)).append(System.lineSeparator());
            if (debug && record.getThrown() != null) {
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
