/**
 * Measures of simulated activity, as the reference's {@code brainpy.measure}: population
 * {@link org.brainj.analysis.measure.Measures#firingRate firing rate}, the
 * {@link org.brainj.analysis.measure.Measures#crossCorrelation coherence} of spike trains,
 * {@link org.brainj.analysis.measure.Measures#voltageFluctuation voltage fluctuation},
 * {@link org.brainj.analysis.measure.Measures#rasterPlot raster data}, ISI coefficients of
 * variation, Fano factors and {@link org.brainj.analysis.measure.Measures#functionalConnectivity
 * functional connectivity}. Spikes are events ({@link org.brainj.analysis.measure.Spikes}), as
 * BrainJ's spike monitors record them; time is in ms and rates in Hz, as in the reference.
 */
@Export
@Version("0.1.0")
package org.brainj.analysis.measure;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
