package io.aidos.serving.internal.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlidingMaxTest {

    @Test
    void answersTheLargestValueRecordedWithinTheWindow() {
        SlidingMax max = new SlidingMax(10);
        assertThat(max.record(0, 5)).isEqualTo(5);
        assertThat(max.record(3, 2)).isEqualTo(5);
        assertThat(max.record(6, 4)).isEqualTo(5);
        assertThat(max.record(9, 1)).as("5 was recorded 9 ns ago").isEqualTo(5);
        assertThat(max.record(10, 1)).as("5 is 10 ns old: out; 4 from t=6 is the largest left").isEqualTo(4);
        assertThat(max.record(16, 3)).as("4 is out, 3 now").isEqualTo(3);
        assertThat(max.record(17, 7)).as("a rise is at once").isEqualTo(7);
    }

    @Test
    void aWindowMustBePositive() {
        assertThatThrownBy(() -> new SlidingMax(0)).hasMessageContaining("positive but was 0 ns");
    }
}
