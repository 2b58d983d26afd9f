package org.brainj.models.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModelFactory;

/**
 * What a folder of model files registers, one {@link Entry} per service: its kind, its file and the
 * service properties a listing shows. The catalog's build writes its own folder's entries to
 * {@value #FILE} beside the files ({@link #main}, from the files themselves; a test checks it
 * against them), and its extender registers from that at start-up, parsing no file until a spec
 * names its model: a run uses a few of the 42 files, and reading them all was a third of the
 * platform's start (issue 11). Public for the build's {@code exec:java} alone; the package is not exported.
 */
public final class CatalogIndex {
    /** The index's file name, in the folder of the files it lists. */
    static final String FILE = "catalog.index";

    /** The three kinds of model file: the service each registers, and the prefix of its properties. */
    enum Kind {
        MODEL(NeuronModelFactory.class, "model"), SYNAPSE(SynapseModelFactory.class, "synapse"),
        OUTPUT(OutputModelFactory.class, "output");

        final Class<?> service;
        final String prefix;

        Kind(Class<?> service, String prefix) {
            this.service = service;
            this.prefix = prefix;
        }

        /** The property naming the service ({@code model.name}, ...), as each factory interface's NAME_PROPERTY says. */
        String nameProperty() {
            return prefix + ".name";
        }

        /** The property saying where the file is: its bundle, folder and name. */
        String sourceProperty() {
            return prefix + ".source";
        }
    }

    /** One service a folder registers: its kind, the file it is defined in, its properties but the source. */
    record Entry(Kind kind, String file, Map<String, String> properties) {
        Entry {
            properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        }

        String name() {
            return properties.get(kind.nameProperty());
        }
    }

    private CatalogIndex() {
    }

    static Entry of(FileModel model) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(NeuronModelFactory.NAME_PROPERTY, model.name());
        props.put("model.method", model.method());
        props.put("model.dt", model.dt() + " ms");
        reference(model.file(), Kind.MODEL, props);
        return new Entry(Kind.MODEL, model.file().origin(), props);
    }

    static Entry of(FileSynapse synapse) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(SynapseModelFactory.NAME_PROPERTY, synapse.name());
        // what a spec's 'on:' names for it
        props.put("synapse.on", synapse.summed() ? "a per-neuron variable it sets every step (a current)"
                : "a variable it adds to at spikes (default: the membrane potential)");
        reference(synapse.file(), Kind.SYNAPSE, props);
        return new Entry(Kind.SYNAPSE, synapse.file().origin(), props);
    }

    static Entry of(FileOutput output) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put(OutputModelFactory.NAME_PROPERTY, output.name());
        reference(output.file(), Kind.OUTPUT, props);
        return new Entry(Kind.OUTPUT, output.file().origin(), props);
    }

    private static void reference(ModelFile file, Kind kind, Map<String, String> props) {
        String reference = file.text("reference");
        if (reference != null) {
            props.put(kind.prefix + ".reference", reference);
        }
    }

    /** The entries of {@code files} (file name to text): neuron models and their aliases, synapses, outputs, in that order. */
    static List<Entry> of(Map<String, String> files, Consumer<ModelFileException> onFault) {
        List<Entry> entries = new ArrayList<>();
        ModelFiles.models(files, ModelFiles.Compile.ON_FIRST_USE, onFault).forEach(m -> entries.add(of(m)));
        ModelFiles.synapses(files, ModelFiles.Compile.ON_FIRST_USE, onFault).forEach(s -> entries.add(of(s)));
        ModelFiles.outputs(files, ModelFiles.Compile.ON_FIRST_USE, onFault).forEach(o -> entries.add(of(o)));
        return entries;
    }

    /** The index's text, ASCII: {@code N.kind}, {@code N.file} and each property as {@code N.key}, sorted, with no date in it. */
    static String write(List<Entry> entries) {
        Properties p = new Properties();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String n = String.format("%03d.", i);
            p.setProperty(n + "kind", e.kind().name());
            p.setProperty(n + "file", e.file());
            e.properties().forEach((k, v) -> p.setProperty(n + k, v));
        }
        // to bytes, which Properties.store writes in ASCII (other characters escaped), as load(InputStream) reads them
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        // Properties.store begins with the date: left out, so that the same files give the same index
        return out.toString(StandardCharsets.ISO_8859_1).lines().filter(l -> !l.startsWith("#")).sorted()
                .collect(Collectors.joining("\n", "# what the model files register; made by the build from them\n", "\n"));
    }

    /** The entries of an index {@link #write} made, in its order. */
    static List<Entry> read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        Map<Integer, Map<String, String>> byNumber = new TreeMap<>();
        p.stringPropertyNames().forEach(key -> {
            int dot = key.indexOf('.');
            byNumber.computeIfAbsent(Integer.parseInt(key.substring(0, dot)), n -> new TreeMap<>())
                    .put(key.substring(dot + 1), p.getProperty(key));
        });
        List<Entry> entries = new ArrayList<>();
        byNumber.values().forEach(props -> {
            Kind kind = Kind.valueOf(props.remove("kind"));
            String file = props.remove("file");
            entries.add(new Entry(kind, file, props));
        });
        return entries;
    }

    /** Writes the index of the model files in the folder {@code args[0]} into it; a file at fault fails the build. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("give the folder of the model files, e.g. target/classes/models");
        }
        Path folder = Path.of(args[0]);
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.filter(f -> ModelFiles.isModelFile(f.getFileName().toString())).toList()) {
                files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        Files.writeString(folder.resolve(FILE), write(of(files, e -> {
            throw e;
        })), StandardCharsets.US_ASCII);
    }
}
