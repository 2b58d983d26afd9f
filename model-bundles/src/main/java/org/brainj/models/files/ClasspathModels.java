package org.brainj.models.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.brainj.api.model.OutputModelFactory;
import org.brainj.api.model.SynapseModelFactory;
import org.brainj.api.sim.NeuronModelFactory;

/**
 * The catalog's model files on a plain classpath (no OSGi), offered through
 * {@link java.util.ServiceLoader} as one {@link NeuronModelFactory.Provider}, one
 * {@link SynapseModelFactory.Provider} and one {@link OutputModelFactory.Provider}: the files in {@value #FOLDER} of the jar or classes
 * folder this class was loaded from.
 */
public final class ClasspathModels implements NeuronModelFactory.Provider, SynapseModelFactory.Provider,
        OutputModelFactory.Provider {
    /** The folder of the catalog's model files, as the bundle header {@code BrainJ-Models} names it too. */
    public static final String FOLDER = "models";

    private static volatile List<NeuronModelFactory> loaded;
    private static volatile List<SynapseModelFactory> loadedSynapses;
    private static volatile List<OutputModelFactory> loadedOutputs;

    @Override
    public List<NeuronModelFactory> models() {
        List<NeuronModelFactory> all = loaded;
        if (all == null) {
            all = List.copyOf(ModelFiles.models(files(), ModelFiles.Compile.ON_FIRST_USE, e -> {
                throw e; // the catalog's own files are checked by its tests: a fault here is a build fault
            }));
            loaded = all;
        }
        return all;
    }

    @Override
    public List<SynapseModelFactory> synapses() {
        List<SynapseModelFactory> all = loadedSynapses;
        if (all == null) {
            all = List.copyOf(ModelFiles.synapses(files(), ModelFiles.Compile.ON_FIRST_USE, e -> {
                throw e;
            }));
            loadedSynapses = all;
        }
        return all;
    }

    @Override
    public List<OutputModelFactory> outputs() {
        List<OutputModelFactory> all = loadedOutputs;
        if (all == null) {
            all = List.copyOf(ModelFiles.outputs(files(), ModelFiles.Compile.ON_FIRST_USE, e -> {
                throw e;
            }));
            loadedOutputs = all;
        }
        return all;
    }

    private static Map<String, String> files() {
        Map<String, String> files = new TreeMap<>();
        try {
            Path code = Path.of(ClasspathModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                try (Stream<Path> list = Files.list(code.resolve(FOLDER))) {
                    for (Path f : list.filter(f -> ModelFiles.isModelFile(f.getFileName().toString())).toList()) {
                        files.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(code.toFile())) {
                    for (JarEntry e : jar.stream().filter(ClasspathModels::isModel).toList()) {
                        files.put(e.getName().substring(FOLDER.length() + 1),
                                new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read BrainJ's model files: " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where BrainJ's model catalog was loaded from", e);
        }
        return files;
    }

    private static boolean isModel(JarEntry e) {
        return e.getName().startsWith(FOLDER + "/") && ModelFiles.isModelFile(e.getName())
                && e.getName().indexOf('/', FOLDER.length() + 1) < 0;
    }
}
