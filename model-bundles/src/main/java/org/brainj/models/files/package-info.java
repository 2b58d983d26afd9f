/**
 * Models as data: the model file format ({@link org.brainj.models.files.ModelFile}), its
 * compilation with the API's model language into neuron models
 * ({@link org.brainj.models.files.FileModel}) and synapse models
 * ({@link org.brainj.models.files.FileSynapse}), and the extender that registers the files of
 * any bundle with a {@code BrainJ-Models} header.
 */
package org.brainj.models.files;
