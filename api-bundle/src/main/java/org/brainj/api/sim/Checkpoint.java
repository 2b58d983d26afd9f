package org.brainj.api.sim;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.brainj.api.BrainJException;

/**
 * A network's state at a step boundary as one versioned file ({@link Network#save}): the step
 * (which is also the position of every random stream, the draws being keyed by step), the seed,
 * dt, and named arrays that the state's owners contribute: each group's tensors and its spike
 * history (the spikes still in flight in the delays), each projection's and synapses object's
 * state, and what each monitor recorded so far, synapse monitors included. Arrays are stored as
 * float64 (exact for float32, integers below 2^53 and flags) with their shapes.
 *
 * <p>Format 1, big-endian: the text {@value #MAGIC}, an int version, the step (long), the seed
 * (long), dt (double), the count of arrays, then per array its name (modified UTF-8), its rank,
 * its dimensions (ints) and its values (doubles).
 */
public final class Checkpoint {
    static final String MAGIC = "BRAINJ-CHECKPOINT";
    static final int VERSION = 1;

    /** An array and its shape. */
    record Array(int[] shape, double[] values) {
    }

    final long step;
    final long seed;
    final double dt;
    final Map<String, Array> arrays;

    Checkpoint(long step, long seed, double dt, Map<String, Array> arrays) {
        this.step = step;
        this.seed = seed;
        this.dt = dt;
        this.arrays = arrays;
    }

    /** The step the state is at: a resumed run continues with it. */
    public long step() {
        return step;
    }

    /** Writes the file under a temporary name, then moves it into place: a reader never sees half a checkpoint. */
    void write(Path file) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
            out.writeBytes(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(step);
            out.writeLong(seed);
            out.writeDouble(dt);
            out.writeInt(arrays.size());
            for (Map.Entry<String, Array> e : arrays.entrySet()) {
                out.writeUTF(e.getKey());
                int[] shape = e.getValue().shape();
                out.writeInt(shape.length);
                for (int d : shape) {
                    out.writeInt(d);
                }
                for (double v : e.getValue().values()) {
                    out.writeDouble(v);
                }
            }
        } catch (IOException e) {
            throw new BrainJException("cannot write the checkpoint " + file + " (" + e.getMessage() + "); free disk space or"
                    + " give another folder", e);
        }
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BrainJException("cannot write the checkpoint " + file + " (" + e.getMessage() + ")", e);
        }
    }

    /** Reads a checkpoint file; anything else (another format, a later version, a cut file) is refused in one line. */
    public static Checkpoint read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            byte[] magic = new byte[MAGIC.length()];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new BrainJException("'" + file + "' is not a BrainJ checkpoint; give a file Network.save or --checkpoint-every wrote");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new BrainJException("checkpoint '" + file + "' has format " + version + "; this BrainJ reads format " + VERSION
                        + "; resume it with the BrainJ that wrote it");
            }
            long step = in.readLong();
            long seed = in.readLong();
            double dt = in.readDouble();
            int n = in.readInt();
            Map<String, Array> arrays = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                String name = in.readUTF();
                int[] shape = new int[in.readInt()];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readInt();
                    size *= shape[d];
                }
                double[] values = new double[Math.toIntExact(size)];
                for (int i = 0; i < values.length; i++) {
                    values[i] = in.readDouble();
                }
                arrays.put(name, new Array(shape, values));
            }
            return new Checkpoint(step, seed, dt, arrays);
        } catch (java.io.EOFException e) {
            throw new BrainJException("checkpoint '" + file + "' ends early (cut off while written?); give a complete one", e);
        } catch (IOException e) {
            throw new BrainJException("cannot read the checkpoint '" + file + "' (" + e.getMessage() + ")", e);
        }
    }
}
