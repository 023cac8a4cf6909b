package io.aidos.serving.internal.http;

import io.aidos.api.AiDosConfig;
import io.aidos.api.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServingSettingsTest {
    private static ServingSettings of(String key, String value) {
        AiDosConfig.Builder b = AiDosConfig.builder().uri("local:/tmp/unused");
        if (key != null) {
            b.property(key, value);
        }
        return ServingSettings.from(b.build());
    }

    @Test
    void defaultsBindLocallyOnAFreePortWithOneRequestThreadPerCore() {
        ServingSettings s = of(null, null);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isZero();
        assertThat(s.maxRequestBytes()).isEqualTo(16L << 20);
        assertThat(s.httpThreads()).isEqualTo(Math.max(4, Runtime.getRuntime().availableProcessors() + 2));
    }

    @Test
    void httpThreadsIsReadBoundedBelowAndZeroMeansJavalinsPool() {
        assertThat(of("serving.httpThreads", "12").httpThreads()).isEqualTo(12);
        assertThat(of("serving.httpThreads", "0").httpThreads()).isEqualTo(ServingSettings.JAVALIN_DEFAULT_POOL);
        assertThatThrownBy(() -> of("serving.httpThreads", "3")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("serving.httpThreads").hasMessageContaining("at least 4")
                .hasMessageContaining("or 0");
        assertThatThrownBy(() -> of("serving.httpThreads", "many")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("serving.httpThreads").hasMessageContaining("whole number");
    }

    @Test
    void httpsNeedsAReadableKeystoreAndAPassword() {
        assertThat(of(null, null).tls()).as("plain HTTP by default").isNull();
        assertThatThrownBy(() -> of("serving.tls.keystore", "/no/such/keystore.p12"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("serving.tls.keystore")
                .hasMessageContaining("readable PKCS12");
        assertThatThrownBy(() -> of("serving.tls.password", "secret")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("serving.tls.keystore").hasMessageContaining("required");
    }

    @Test
    void badPortsAndLimitsNameTheProperty() {
        assertThatThrownBy(() -> of("serving.port", "70000")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("serving.port");
        assertThatThrownBy(() -> of("serving.maxRequestBytes", "10")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("serving.maxRequestBytes");
    }
}
