package org.brainj.analysis.plot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.brainj.analysis.AnalysisException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;

/** A drawn chart, encoded on demand as PNG or SVG. */
public final class Figure {
    final XYChart chart; // package-private: the SVG test draws it through the reference writer too

    Figure(XYChart chart) {
        this.chart = chart;
    }

    public String title() {
        return chart.getTitle();
    }

    /** The names of the series drawn, in the legend's order. */
    public List<String> series() {
        return List.copyOf(chart.getSeriesMap().keySet());
    }

    public int width() {
        return chart.getWidth();
    }

    public int height() {
        return chart.getHeight();
    }

    public byte[] png() {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw '" + title() + "' as PNG", e);
        }
    }

    public byte[] svg() {
        return Svg.of(chart);
    }

    /**
     * Writes {@code base.png} and {@code base.svg} (each through a temporary file, so a reader
     * never sees half a picture) and returns the two paths.
     */
    public List<Path> write(Path base) {
        Path png = base.resolveSibling(base.getFileName() + ".png");
        Path svg = base.resolveSibling(base.getFileName() + ".svg");
        writeFile(png, png());
        writeFile(svg, svg());
        return List.of(png, svg);
    }

    /** Writes a file through a temporary one beside it, so a reader never sees half of it. */
    public static void writeFile(Path file, byte[] bytes) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AnalysisException("cannot write " + file + " (" + e.getMessage() + "); give a writable folder");
        }
    }
}
