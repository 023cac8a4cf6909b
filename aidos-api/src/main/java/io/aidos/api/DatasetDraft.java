package io.aidos.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content of a dataset version being made. Choose exactly one source, then {@link #commit(String)}.
 * Nothing is stored until the commit succeeds; a malformed source leaves no version behind.
 */
public interface DatasetDraft {

    /** The dataset's description (applies when the commit creates the dataset). */
    DatasetDraft description(String description);

    /** An RFC 4180 CSV file in UTF-8 with a header row. */
    DatasetDraft fromCsv(Path file);

    /** A CSV stream (read once, at commit); {@code sourceName} names it in error messages. */
    DatasetDraft fromCsv(InputStream csv, String sourceName);

    /** A JSON Lines file: one JSON object per line, keys are columns. */
    DatasetDraft fromJsonLines(Path file);

    /** Rows given in memory; the first row's keys (in order) plus later new keys are the columns. */
    DatasetDraft fromRows(List<Map<String, Object>> rows);

    /**
     * Images and labels in IDX files (the MNIST format; raw or gzip, told apart by the file's first bytes): one row
     * per image with columns {@code label} then {@code pixel_0 .. pixel_{w*h-1}} (row-major), all LONG 0..255.
     * Both files must hold the same number of items. A wrong magic number, a count mismatch or a truncated file is
     * an {@link InvalidInputException} naming the file, and nothing is stored.
     */
    DatasetDraft fromIdx(Path images, Path labels);

    /** {@link #fromIdx(Path, Path)} keeping only the first {@code maxRows} images (at least 1). */
    DatasetDraft fromIdx(Path images, Path labels, int maxRows);

    /**
     * Unquoted CSV cells that mean "missing". Default: empty, {@code NA}, {@code N/A}, {@code null}, {@code NULL}.
     * A quoted cell is always text.
     */
    DatasetDraft nullValues(Set<String> tokens);

    /** Validates and stores the version; identical content to an existing version stores no second copy. */
    DatasetVersion commit(String message);
}
