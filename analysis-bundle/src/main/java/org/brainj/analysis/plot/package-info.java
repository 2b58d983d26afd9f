/**
 * Pictures of simulations and analyses as PNG and SVG files, as the reference's
 * {@code brainpy.visualize}: {@link org.brainj.analysis.plot.Plots#lines line plots} and
 * {@link org.brainj.analysis.plot.Plots#raster raster plots} of monitor data, phase planes,
 * bifurcation diagrams and fast-slow diagrams. Drawn headless by XChart, once per figure, into
 * VectorGraphics2D ({@code Recording}); the SVG is written from that ({@code Svg}) and the PNG drawn
 * from it ({@code Bitmap}); both libraries are embedded in this bundle; no
 * XChart type appears in the API.
 */
@Export
@Version("0.1.0")
package org.brainj.analysis.plot;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
