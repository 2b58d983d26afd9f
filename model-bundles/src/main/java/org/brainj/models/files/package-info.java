/**
 * Neuron models as data: the model file format ({@link org.brainj.models.files.ModelFile}), its
 * compilation with the API's model language ({@link org.brainj.models.files.FileModel}), and the
 * extender that registers the files of any bundle with a {@code BrainJ-Models} header.
 */
package org.brainj.models.files;
