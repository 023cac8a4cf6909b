package io.aidos.training.internal.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What it takes to rebuild a network's block: its kind and sizes ({@code net.json} next to the parameters).
 * {@code mlp}: {@code hiddenLayers} x (Linear({@code hiddenUnits}) + ReLU), then Linear({@code outputs}).
 * {@code cnn} (LeNet-like): the pixel row reshaped to (channels, height, width), conv 5x5 (6) + ReLU + max-pool 2,
 * conv 5x5 (16) + ReLU + max-pool 2, dense 120 + ReLU, dense 84 + ReLU, dense {@code outputs}.
 */
record NetShape(String kind, int inputs, int outputs, int hiddenUnits, int hiddenLayers, int width, int height,
                int channels) {
    static final String FILE = "net.json";
    static final String MLP = "mlp";
    static final String CNN = "cnn";
    private static final ObjectMapper JSON = new ObjectMapper();

    static NetShape mlp(int inputs, int outputs, int hiddenUnits, int hiddenLayers) {
        return new NetShape(MLP, inputs, outputs, hiddenUnits, hiddenLayers, 0, 0, 0);
    }

    static NetShape cnn(int inputs, int outputs, int width, int height, int channels) {
        return new NetShape(CNN, inputs, outputs, 0, 0, width, height, channels);
    }

    Block newBlock() {
        SequentialBlock net = new SequentialBlock();
        if (kind.equals(CNN)) {
            int c = channels;
            int h = height;
            int w = width;
            net.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, c, h, w)), "pixels"));
            net.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).optPadding(new Shape(2, 2)).setFilters(6)
                    .build());
            net.add(Activation.reluBlock());
            net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            net.add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build());
            net.add(Activation.reluBlock());
            net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            net.add(Blocks.batchFlattenBlock());
            net.add(Linear.builder().setUnits(120).build());
            net.add(Activation.reluBlock());
            net.add(Linear.builder().setUnits(84).build());
            net.add(Activation.reluBlock());
        } else {
            for (int i = 0; i < hiddenLayers; i++) {
                net.add(Linear.builder().setUnits(hiddenUnits).build());
                net.add(Activation.reluBlock());
            }
        }
        net.add(Linear.builder().setUnits(outputs).build());
        return net;
    }

    /** The input shape the block is initialised with (one row of features). */
    Shape inputShape() {
        return new Shape(1, inputs);
    }

    void write(Path folder) throws IOException {
        JSON.writeValue(folder.resolve(FILE).toFile(), JSON.valueToTree(this));
    }

    static NetShape read(Path folder) throws IOException {
        JsonNode o = JSON.readTree(folder.resolve(FILE).toFile());
        if (!(o instanceof ObjectNode)) {
            throw new IOException(folder.resolve(FILE) + " is not a JSON object");
        }
        return JSON.treeToValue(o, NetShape.class);
    }
}
