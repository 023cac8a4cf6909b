package io.aidos.api;

import java.util.stream.Stream;

/** A subset of a dataset version's rows (one side of a split), in stored order. */
public interface DatasetSlice {

    DatasetVersion source();

    long rowCount();

    /** Streams the slice's rows; close the stream to release the file. */
    Stream<Row> rows();
}
