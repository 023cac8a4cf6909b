package io.aidos.api;

/** A train/test partition of one dataset version. */
public interface DatasetSplit {

    DatasetSlice train();

    DatasetSlice test();

    double trainFraction();

    long seed();
}
