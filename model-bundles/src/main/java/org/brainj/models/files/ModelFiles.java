package org.brainj.models.files;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The models of a set of model files: each neuron file's model and its aliases, each synapse
 * file's synapse model, each output file's synaptic output. A set is one bundle's folder (see {@link ModelFileExtender}) or the
 * catalog's own folder on a plain classpath.
 */
public final class ModelFiles {
    /** The extension of neuron model files. */
    public static final String EXTENSION = ".model";
    /** The extension of synapse model files. */
    public static final String SYNAPSE_EXTENSION = ".synapse";
    /** The extension of synaptic output files. */
    public static final String OUTPUT_EXTENSION = ".output";

    /**
     * When the files' equations are compiled. What a listing shows is always read, and names given
     * twice refused, when the files are loaded.
     */
    public enum Compile {
        /** At load, so that a file at fault is left out and reported then: a plugin's files. */
        AT_LOAD,
        /**
         * When a model is first used, once: the catalog's own files, which its build checks, and of
         * which a run uses a few (issue 11). A fault then fails that use, named by file and line.
         */
        ON_FIRST_USE
    }

    private ModelFiles() {
    }

    /** Whether a file is one this class reads. */
    static boolean isModelFile(String fileName) {
        return fileName.endsWith(EXTENSION) || fileName.endsWith(SYNAPSE_EXTENSION) || fileName.endsWith(OUTPUT_EXTENSION);
    }

    /**
     * The neuron models of the {@value #EXTENSION} files among {@code files} (name as messages give
     * it, to text), compiled as {@code compile} says; a name given twice is refused. A file found at fault
     * when loaded is given to {@code onFault} and left out.
     */
    public static List<FileModel> models(Map<String, String> files, Compile compile, Consumer<ModelFileException> onFault) {
        Map<String, FileModel> byName = new LinkedHashMap<>();
        read(files, EXTENSION, onFault, file -> {
            FileModel model = new FileModel(file);
            if (compile == Compile.AT_LOAD) {
                model.compileNow();
            }
            List<FileModel> all = new ArrayList<>();
            all.add(model);
            file.aliases().forEach(a -> all.add(model.alias(a)));
            all.forEach(m -> add(file, m.name(), m, byName, FileModel::file));
        });
        return List.copyOf(byName.values());
    }

    /** The synapse models of the {@value #SYNAPSE_EXTENSION} files among {@code files}, as {@link #models}. */
    public static List<FileSynapse> synapses(Map<String, String> files, Compile compile,
                                             Consumer<ModelFileException> onFault) {
        Map<String, FileSynapse> byName = new LinkedHashMap<>();
        read(files, SYNAPSE_EXTENSION, onFault, file -> {
            if (!file.aliases().isEmpty()) {
                throw new ModelFileException(file.origin(), file.lineOf("aliases"), "a synapse model has one name; remove"
                        + " 'aliases'", null);
            }
            FileSynapse synapse = new FileSynapse(file);
            if (compile == Compile.AT_LOAD) {
                synapse.compileNow();
            }
            add(file, file.name(), synapse, byName, FileSynapse::file);
        });
        return List.copyOf(byName.values());
    }

    /** The synaptic outputs of the {@value #OUTPUT_EXTENSION} files among {@code files}, as {@link #models}. */
    public static List<FileOutput> outputs(Map<String, String> files, Compile compile,
                                           Consumer<ModelFileException> onFault) {
        Map<String, FileOutput> byName = new LinkedHashMap<>();
        read(files, OUTPUT_EXTENSION, onFault, file -> {
            if (!file.aliases().isEmpty()) {
                throw new ModelFileException(file.origin(), file.lineOf("aliases"), "an output has one name; remove"
                        + " 'aliases'", null);
            }
            FileOutput output = new FileOutput(file);
            if (compile == Compile.AT_LOAD) {
                output.compileNow();
            }
            add(file, file.name(), output, byName, FileOutput::file);
        });
        return List.copyOf(byName.values());
    }

    private interface FileReader {
        void read(ModelFile file);
    }

    private static void read(Map<String, String> files, String extension, Consumer<ModelFileException> onFault,
                             FileReader reader) {
        files.forEach((origin, text) -> {
            if (origin.endsWith(extension)) {
                try {
                    reader.read(ModelFile.parse(origin, text));
                } catch (ModelFileException e) {
                    onFault.accept(e);
                }
            }
        });
    }

    private static <T> void add(ModelFile file, String name, T model, Map<String, T> byName,
                                java.util.function.Function<T, ModelFile> fileOf) {
        T before = byName.putIfAbsent(name, model);
        if (before != null) {
            throw new ModelFileException(file.origin(), 1, "model '" + name + "' is defined in "
                    + fileOf.apply(before).origin() + " already; give it another name", null);
        }
    }
}
