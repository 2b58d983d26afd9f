package org.brainj.api.analysis;

import java.nio.file.Path;
import java.util.List;

/** Runs analysis jobs; a service of the analysis bundle, and a plain class there for Java users. */
public interface DynamicsAnalysis {
    /**
     * Runs {@code job} and writes {@code analysis.json} and the pictures (PNG and SVG) into
     * {@code folder}, made if missing; returns the files written.
     */
    List<Path> analyze(AnalysisJob job, Path folder);
}
