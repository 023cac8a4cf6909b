package io.aidos.core.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerHeaderTest {

    @Test
    void readsTheTokenOfTheBearerSchemeOnly() {
        assertThat(BearerHeader.token("Bearer aidos_abc_123")).hasValue("aidos_abc_123");
        assertThat(BearerHeader.token("bearer   tok  ")).as("the scheme is case-insensitive, the token trimmed")
                .hasValue("tok");
        assertThat(BearerHeader.token("BEARER tok")).hasValue("tok");
        assertThat(BearerHeader.token(null)).isEmpty();
        assertThat(BearerHeader.token("Bearer ")).isEmpty();
        assertThat(BearerHeader.token("Bearer")).isEmpty();
        assertThat(BearerHeader.token("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(BearerHeader.token("Bearertok")).isEmpty();
    }
}
