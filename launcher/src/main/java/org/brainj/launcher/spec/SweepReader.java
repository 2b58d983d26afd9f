package org.brainj.launcher.spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainj.launcher.spec.NetworkSpec.Located;
import org.brainj.launcher.spec.NetworkSpec.MeasureEntry;
import org.brainj.launcher.spec.NetworkSpec.PopulationSpec;
import org.brainj.launcher.spec.NetworkSpec.SweepSection;

/**
 * Reads a spec's {@code sweep:} section (the schema in {@link SweepSpec}) into a
 * {@link SweepSection}, as {@link SpecReader} reads the network's sections: the shape checked
 * here, what each key names checked by {@link SweepSpec} against the network built.
 */
final class SweepReader {
    private SweepReader() {
    }

    /** The {@code sweep:} section of a spec's tree, and its populations, for {@code brainj sweep}. */
    static SweepSection read(SpecNode root, Path folder) {
        SpecNode sweep = root.mapping().get("sweep");
        if (sweep == null) {
            throw root.error("no 'sweep:' section; add one, e.g. sweep: {grid: {populations.P.parameters.tau: [10 ms, 20 ms]}}");
        }
        SpecNode.Fields f = sweep.fields("grid", "points", "repeat", "measures");
        if (f.has("grid") == f.has("points")) {
            throw sweep.error(f.has("grid") ? "give either 'grid' or 'points', not both"
                    : "nothing to sweep; give 'grid: {KEY: [values]}' or 'points: [{KEY: value}, ...]'");
        }
        List<Map<String, SpecValue>> rows = f.has("grid") ? grid(f.optional("grid")) : listed(f.optional("points"));
        Located<Integer> repeat = f.has("repeat") ? new Located<>(f.optional("repeat").integer(1), f.optional("repeat").where())
                : null;
        if (rows.get(0).containsKey(SweepSpec.SEED) && repeat != null && repeat.value() > 1) {
            throw repeat.error("the sweep gives the seeds ('" + SweepSpec.SEED + "'): each is a repeat; remove"
                    + " 'repeat' or the '" + SweepSpec.SEED + "' key");
        }
        List<MeasureEntry> measures = new ArrayList<>();
        if (f.has("measures")) {
            for (SpecNode m : f.optional("measures").sequence()) {
                Map<String, SpecNode> entries = m.mapping();
                SpecNode.Fields mf = m.fields(entries.keySet().toArray(String[]::new));
                Map<String, SpecValue> parameters = new LinkedHashMap<>();
                entries.forEach((k, v) -> {
                    if (!k.equals("name") && !k.equals("population")) {
                        parameters.put(k, v.value());
                    }
                });
                measures.add(new MeasureEntry(m.where(), SpecReader.text(mf.required("name")), SpecReader.text(mf.required("population")),
                        parameters));
            }
        }
        Map<String, PopulationSpec> populations = new LinkedHashMap<>();
        root.mapping().get("populations").mapping().forEach((n, section) -> populations.put(n, SpecReader.population(n, section, folder)));
        return new SweepSection(root.where(), rows, repeat, measures, populations);
    }

    /** Every combination of the grid's values, the first key outermost. */
    private static List<Map<String, SpecValue>> grid(SpecNode grid) {
        List<Map<String, SpecValue>> rows = new ArrayList<>();
        rows.add(new LinkedHashMap<>());
        if (grid.mapping().isEmpty()) {
            throw grid.error("the grid is empty; give at least one KEY: [values]");
        }
        grid.mapping().forEach((key, list) -> {
            if (!list.isSequence() || list.sequence().isEmpty()) {
                throw list.error("give the values of '" + key + "' as a list, e.g. [1, 2, 3]");
            }
            List<Map<String, SpecValue>> next = new ArrayList<>();
            for (Map<String, SpecValue> row : rows) {
                for (SpecNode v : list.sequence()) {
                    Map<String, SpecValue> longer = new LinkedHashMap<>(row);
                    longer.put(key, v.value());
                    next.add(longer);
                }
            }
            rows.clear();
            rows.addAll(next);
        });
        return rows;
    }

    /** Listed points: a table, so every point names the same keys. */
    private static List<Map<String, SpecValue>> listed(SpecNode list) {
        List<Map<String, SpecValue>> rows = new ArrayList<>();
        for (SpecNode p : list.sequence()) {
            Map<String, SpecValue> row = new LinkedHashMap<>();
            p.mapping().forEach((k, v) -> row.put(k, v.value()));
            if (!rows.isEmpty() && !row.keySet().equals(rows.get(0).keySet())) {
                throw p.error("this point gives " + row.keySet() + " but the first gives " + rows.get(0).keySet()
                        + "; give every point the same keys");
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw list.error("no points; give at least one, e.g. - {populations.P.parameters.tau: 10 ms}");
        }
        return rows;
    }
}
