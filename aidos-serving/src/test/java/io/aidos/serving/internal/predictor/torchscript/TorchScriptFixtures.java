package io.aidos.serving.internal.predictor.torchscript;

import io.aidos.api.AiDos;
import io.aidos.api.ModelVersion;
import io.aidos.api.Predictor;
import io.aidos.api.Run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes real TorchScript files without Python: the zip archive {@code torch.jit.save} makes, by hand. Layout, every
 * entry stored uncompressed under one folder named after the file:
 * <pre>
 * NAME/data.pkl            pickle (protocol 2) of the module object: GLOBAL '__torch__' CLASS, EMPTY_TUPLE, NEWOBJ,
 *                          then its attribute dict {'training': False} and BUILD
 * NAME/code/__torch__.py   TorchScript source of class CLASS(Module) with forward()
 * NAME/constants.pkl       pickle of the empty tuple (the source holds its constants as literals)
 * NAME/version             file format version "3", what torch.jit.save writes for plain operators
 * </pre>
 * Weights are literals in the source ({@code torch.tensor([[...]])}), so no tensor storages are needed.
 */
public final class TorchScriptFixtures {

    private TorchScriptFixtures() {
    }

    /**
     * Logs {@code model} (a file, or a folder's files under one artifact path) in a new run of experiment
     * {@code torchscript}, registers it as the next version of {@code name} and loads that version.
     */
    static Predictor load(AiDos aidos, String name, Path model) {
        String artifact = Files.isDirectory(model) ? name : model.getFileName().toString();
        String runId;
        try (Run run = aidos.experiments().getOrCreate("torchscript").startRun()) {
            if (Files.isDirectory(model)) {
                run.logArtifacts(artifact, model);
            } else {
                run.logArtifact(artifact, model);
            }
            runId = run.id();
        }
        ModelVersion version = aidos.models().register(name, runId, artifact);
        return aidos.models().load(version);
    }

    /** A module computing {@code x · weightsᵀ + bias} for {@code x} of shape {@code [N, weights[0].length]}. */
    public static Path linear(float[][] weights, float[] bias, Path out) {
        if (weights.length != bias.length) {
            throw new IllegalArgumentException(weights.length + " weight rows but " + bias.length + " biases");
        }
        StringBuilder w = new StringBuilder("[");
        for (int i = 0; i < weights.length; i++) {
            w.append(i == 0 ? "" : ", ").append(list(weights[i]));
        }
        w.append(']');
        return module("Linear", "x: Tensor", String.join("\n",
                "    w = torch.tensor(" + w + ")",
                "    b = torch.tensor(" + list(bias) + ")",
                "    return torch.add(torch.matmul(x, torch.t(w)), b)"), out);
    }

    /**
     * A module of class {@code className} whose {@code forward} takes {@code parameters} (TorchScript, e.g.
     * {@code "a: Tensor, b: Tensor"}) and runs {@code body} (indented four spaces).
     */
    static Path module(String className, String parameters, String body, Path out) {
        String source = String.join("\n",
                "class " + className + "(Module):",
                "  __parameters__ = []",
                "  __buffers__ = []",
                "  training : bool",
                "  def forward(self: __torch__." + className + ",",
                "    " + parameters + ") -> Tensor:",
                body,
                "");
        String name = out.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        try (OutputStream file = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(file)) {
            stored(zip, name + "/data.pkl", modulePickle(className));
            stored(zip, name + "/code/__torch__.py", source.getBytes(StandardCharsets.UTF_8));
            stored(zip, name + "/constants.pkl", new byte[] {(byte) 0x80, 2, ')', '.'});
            stored(zip, name + "/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** {@code __torch__.CLASS()} with state {@code {'training': False}}, as torch's pickler writes a module. */
    private static byte[] modulePickle(String className) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        p.write(0x80); // PROTO
        p.write(2);
        p.writeBytes(("c__torch__\n" + className + "\n").getBytes(StandardCharsets.US_ASCII)); // GLOBAL
        p.write(')'); // EMPTY_TUPLE
        p.write(0x81); // NEWOBJ
        p.write('}'); // EMPTY_DICT
        p.write('('); // MARK
        byte[] key = "training".getBytes(StandardCharsets.UTF_8);
        p.write('X'); // BINUNICODE, 4-byte little-endian length
        p.write(key.length);
        p.write(0);
        p.write(0);
        p.write(0);
        p.writeBytes(key);
        p.write(0x89); // NEWFALSE
        p.write('u'); // SETITEMS
        p.write('b'); // BUILD
        p.write('.'); // STOP
        return p.toByteArray();
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    private static String list(float[] values) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException("TorchScript literals must be finite but got " + values[i]);
            }
            s.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return s.append(']').toString();
    }
}
