package io.aidos.core.internal.dataset;

import io.aidos.api.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads an IDX file of unsigned bytes (the MNIST format), raw or gzip-compressed (told apart by the gzip magic
 * bytes): a big-endian header {@code 0x00 0x00 0x08 dims}, one int per dimension, then the items. Every problem is
 * an {@link InvalidInputException} naming the file.
 */
final class IdxReader implements AutoCloseable {
    private static final int UNSIGNED_BYTE = 0x08;

    private final Path file;
    private final DataInputStream in;
    private final int count;
    private final int itemSize;
    private long itemsRead;

    private IdxReader(Path file, DataInputStream in, int count, int itemSize) {
        this.file = file;
        this.in = in;
        this.count = count;
        this.itemSize = itemSize;
    }

    /** Opens {@code file} and checks it holds {@code dims} dimensions ({@code 1}: labels, {@code 3}: images). */
    static IdxReader open(Path file, int dims, String kind) {
        DataInputStream in = null;
        try {
            in = new DataInputStream(decompressed(file));
            int magic = in.readInt();
            if ((magic >>> 8) != UNSIGNED_BYTE || (magic & 0xff) != dims) {
                throw new InvalidInputException("file", file, String.format("is not an IDX file of %s: magic number"
                        + " 0x%08X, expected 0x%08X (unsigned bytes, %d dimension%s)", kind, magic,
                        (UNSIGNED_BYTE << 8) | dims, dims, dims == 1 ? "" : "s"));
            }
            int count = in.readInt();
            long size = 1;
            for (int d = 1; d < dims; d++) {
                size *= in.readInt();
            }
            if (count < 0 || size <= 0 || size > Integer.MAX_VALUE - 8) {
                throw new InvalidInputException("file", file, "has an impossible IDX header: " + count + " items of "
                        + size + " bytes");
            }
            return new IdxReader(file, in, count, (int) size);
        } catch (EOFException e) {
            close(in);
            throw new InvalidInputException("file", file, "is truncated: it ends inside the IDX header");
        } catch (IOException e) {
            close(in);
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(in);
            throw e;
        }
    }

    private static InputStream decompressed(Path file) throws IOException {
        InputStream raw;
        try {
            raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("file", file, "does not exist");
        }
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            try {
                return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
            } catch (IOException e) {
                raw.close();
                throw new InvalidInputException("file", file, "starts like gzip but is not: " + e.getMessage());
            }
        }
        return raw;
    }

    int count() {
        return count;
    }

    /** Bytes per item: 1 for a label, width x height for an image. */
    int itemSize() {
        return itemSize;
    }

    /** Reads the next item into {@code buffer} (at least {@link #itemSize()} long). */
    void next(byte[] buffer) {
        try {
            in.readFully(buffer, 0, itemSize);
            itemsRead++;
        } catch (EOFException e) {
            throw new InvalidInputException("file", file, "is truncated: its header promises " + count
                    + " items but item " + (itemsRead + 1) + " is incomplete");
        } catch (IOException e) {
            throw new InvalidInputException("file", file, "cannot be read after item " + itemsRead + ": "
                    + e.getMessage());
        }
    }

    private static void close(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException ignored) {
                // the read error is the one to report
            }
        }
    }

    @Override
    public void close() {
        close(in);
    }
}
