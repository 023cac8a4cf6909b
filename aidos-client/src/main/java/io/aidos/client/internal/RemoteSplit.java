package io.aidos.client.internal;

import io.aidos.api.DatasetSlice;
import io.aidos.api.DatasetSplit;
import io.aidos.api.DatasetVersion;
import io.aidos.api.Row;
import java.util.stream.Stream;

/** A split computed by the server (the same algorithm as every backend); slices stream their rows. */
record RemoteSplit(RemoteDatasetVersion source, double trainFraction, long seed, long trainRows, long testRows)
        implements DatasetSplit {

    @Override
    public DatasetSlice train() {
        return slice("train", trainRows);
    }

    @Override
    public DatasetSlice test() {
        return slice("test", testRows);
    }

    private DatasetSlice slice(String side, long count) {
        return new DatasetSlice() {
            @Override
            public DatasetVersion source() {
                return source;
            }

            @Override
            public long rowCount() {
                return count;
            }

            @Override
            public Stream<Row> rows() {
                return source.rows(side, trainFraction, seed);
            }
        };
    }
}
