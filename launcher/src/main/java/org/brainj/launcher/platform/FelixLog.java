package org.brainj.launcher.platform;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Sends Felix's own messages (resolution failures, bundle errors) to java.util.logging, so one
 * setting decides what the launcher shows, instead of Felix printing to stdout. Felix's debug
 * level (every wire the resolver makes) maps to FINER, below what {@code --debug} shows.
 */
final class FelixLog extends org.apache.felix.framework.Logger {
    private static final Logger LOG = Logger.getLogger("org.apache.felix.framework");

    /** The {@code felix.log.level} (1 error ... 4 debug) that lets through what java.util.logging shows. */
    static String felixLevel() {
        if (LOG.isLoggable(Level.FINER)) {
            return "4";
        }
        if (LOG.isLoggable(Level.FINE)) {
            return "3";
        }
        return LOG.isLoggable(Level.WARNING) ? "2" : "1";
    }

    /** Whether details (framework traces) are shown: {@code --debug}. */
    static boolean details() {
        return LOG.isLoggable(Level.FINE);
    }

    @Override
    protected void doLog(Bundle bundle, ServiceReference sr, int level, String msg, Throwable throwable) {
        String where = bundle == null ? "" : bundle.getSymbolicName() + ": ";
        LOG.log(julLevel(level), where + msg, throwable);
    }

    /** The resolver's messages come this way. */
    @Override
    protected void doLog(int level, String msg, Throwable throwable) {
        LOG.log(julLevel(level), msg, throwable);
    }

    private static Level julLevel(int osgiLevel) {
        return switch (osgiLevel) {
            case LOG_ERROR -> Level.SEVERE;
            case LOG_WARNING -> Level.WARNING;
            case LOG_INFO -> Level.FINE;
            default -> Level.FINER;
        };
    }
}
