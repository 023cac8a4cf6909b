package io.aidos.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import io.aidos.api.RunQuery;
import org.junit.jupiter.api.Test;

/** The shared input rules and how errors show bad values. */
class ArgumentsTest {

    @Test
    void identifiersKeysAndPaths() {
        assertThat(Arguments.identifier("name", "iris-v2.1_x")).isEqualTo("iris-v2.1_x");
        assertThat(Arguments.key("key", "val loss/epoch:1")).isEqualTo("val loss/epoch:1");
        assertThat(Arguments.artifactPath("path", "model/weights.bin")).isEqualTo("model/weights.bin");
        assertThatThrownBy(() -> Arguments.identifier("name", "a..b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Arguments.key("key", "x;y")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Arguments.artifactPath("path", "a/./b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Arguments.displayName("name", " padded")).isInstanceOf(InvalidInputException.class);
        assertThat(Arguments.text("description", null)).isNull();
        assertThat(Arguments.text("description", "two\nlines\tok")).isEqualTo("two\nlines\tok");
    }

    @Test
    void errorsNameTheFieldAndShortenAndEscapeTheValue() {
        InvalidInputException e = new InvalidInputException("param value", "x".repeat(5000) + "\u0000", "is too long");
        assertThat(e.field()).isEqualTo("param value");
        assertThat(e.value()).hasSizeLessThan(150).contains("(5001 characters)");
        assertThat(e.getMessage()).startsWith("param value is too long but was 'xxx").hasSizeLessThan(200);
        InvalidInputException ctl = new InvalidInputException("name", "a\u0001b", "is bad");
        assertThat(ctl.getMessage()).contains("a\\u0001b");
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.errorCode()).isEqualTo("INVALID_INPUT");
    }

    @Test
    void builderValidatesEachSetterWithTheValueInTheMessage() {
        assertThatThrownBy(() -> AiDosConfig.builder().poolSize(0)).hasMessage("poolSize must be between 1 and 1000 but was '0'");
        assertThatThrownBy(() -> AiDosConfig.builder().build()).hasMessageContaining("uri is required");
        assertThat(AiDosConfig.builder().uri("local:x").apiKey("secret-key").build().toString()).doesNotContain("secret-key");
        assertThatThrownBy(() -> RunQuery.in("e").limit(RunQuery.MAX_LIMIT + 1)).isInstanceOf(InvalidInputException.class);
        assertThat(RunQuery.in("e").where("metrics.a > 1").orderBy("metrics.a DESC").limit(5).limit()).isEqualTo(5);
    }
}
