package io.aidos.serving.internal.predictor.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import io.aidos.api.InvalidInputException;
import io.aidos.serving.internal.signature.RowTensor;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows stacked into tensors of each element type a graph input may have, with open dimensions filled in. */
class TensorStackTest {
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();

    @Test
    void integerRowsWithAnOpenLengthStackIntoAnInt64Tensor() throws Exception {
        TensorStack stack = new TensorStack(new GraphInput(TensorSpec.of("ids", "INT64", -1, -1), OnnxJavaType.INT64));
        stack.add("ids", new long[] {3, 1, 4});
        stack.add("ids", List.of(1, 5, 9));
        try (OnnxTensor t = stack.build(env)) {
            assertThat(t.getInfo().getShape()).containsExactly(2, 3);
            assertThat((long[][]) t.getValue()).isDeepEqualTo(new long[][] {{3, 1, 4}, {1, 5, 9}});
        }
        assertThatThrownBy(() -> stack.add("ids in row 2", new double[] {1, 2}))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input ids in row 2 must have the same shape in every row of a batch, and the first"
                        + " row's is [3] but was '[2]'");
        assertThatThrownBy(() -> stack.add("ids", new double[] {1.5, 2, 3})).isInstanceOf(InvalidInputException.class)
                .hasMessage("input ids must hold whole numbers that fit INT64 but was '1.5'");
    }

    @Test
    void aRowTensorGivesTheShapeOfAnImageLikeInput() throws Exception {
        GraphInput image = new GraphInput(TensorSpec.of("image", "FP64", -1, 2, -1, -1), OnnxJavaType.DOUBLE);
        TensorStack stack = new TensorStack(image);
        stack.add("image", new RowTensor(List.of(2L, 1L, 3L), new double[] {1, 2, 3, 4, 5, 6}));
        try (OnnxTensor t = stack.build(env)) {
            assertThat(t.getInfo().getShape()).containsExactly(1, 2, 1, 3);
            assertThat(((double[][][][]) t.getValue())[0][1][0]).containsExactly(4, 5, 6);
        }
        assertThatThrownBy(() -> new TensorStack(image).add("image", new double[6]))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must be a RowTensor with its shape");
        assertThatThrownBy(() -> new TensorStack(image).add("image",
                new RowTensor(List.of(3L, 1L, 2L), new double[6])))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input image must have a shape that fits the graph's [-1, 2, -1, -1] after the batch"
                        + " but was '[3, 1, 2]'");
    }

    @Test
    void booleanAndStringInputsTakeTheirOwnValues() throws Exception {
        TensorStack flags = new TensorStack(new GraphInput(TensorSpec.of("flags", "BOOL", -1, 2), OnnxJavaType.BOOL));
        flags.add("flags", new boolean[] {true, false});
        flags.add("flags", List.of(0, 1));
        try (OnnxTensor t = flags.build(env)) {
            assertThat((boolean[][]) t.getValue()).isDeepEqualTo(new boolean[][] {{true, false}, {false, true}});
        }
        assertThatThrownBy(() -> flags.add("flags", List.of(2, 0))).isInstanceOf(InvalidInputException.class)
                .hasMessage("input flags must hold booleans (or 0 and 1) but was '2.0'");

        TensorStack words = new TensorStack(new GraphInput(TensorSpec.of("text", "BYTES", -1), OnnxJavaType.STRING));
        words.add("text", "hello");
        words.add("text", List.of("world"));
        try (OnnxTensor t = words.build(env)) {
            assertThat((String[]) t.getValue()).containsExactly("hello", "world");
        }
        assertThatThrownBy(() -> words.add("text", 3)).isInstanceOf(InvalidInputException.class)
                .hasMessage("input text must be a string, a String[] or a list of strings but was 'Integer'");
    }

    @Test
    void floatRowsOfAFixedSliceStackIntoAFloatTensor() throws Exception {
        TensorStack stack = new TensorStack(new GraphInput(TensorSpec.of("x", "FP32", -1, 2), OnnxJavaType.FLOAT));
        stack.add("x", new double[] {0.5, -1});
        stack.add("x", new float[] {2, 3});
        try (OnnxTensor t = stack.build(env)) {
            assertThat((float[][]) t.getValue()).isDeepEqualTo(new float[][] {{0.5f, -1f}, {2f, 3f}});
        }
        TensorStack scalars = new TensorStack(new GraphInput(TensorSpec.of("s", "INT32", -1), OnnxJavaType.INT32));
        scalars.add("s", 7);
        try (OnnxTensor t = scalars.build(env)) {
            assertThat(t.getInfo().getShape()).containsExactly(1);
            assertThat((int[]) t.getValue()).containsExactly(7);
        }
        assertThatThrownBy(() -> scalars.add("s", 1L << 40)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("must hold whole numbers that fit INT32");
    }
}
