package io.aidos.core.internal.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortIntegerTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+0", "7", "-7", "+7", "007", "-007", "000000000000000000", "42",
        "999999999999999999", "-999999999999999999", "+123456789012345678", "9007199254740993", "-9007199254740993",
        "123456789012345677"})
    void parsesAsTheJdkDoes(String s) {
        long v = ShortInteger.parse(s);
        assertThat(v).isEqualTo(Long.parseLong(s));
        assertThat(ShortInteger.asDouble(v, s)).isEqualTo(Double.parseDouble(s)); // -0.0 included
        assertThat(Double.doubleToRawLongBits(ShortInteger.asDouble(v, s)))
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
    }

    /** Not short integers: left to the general checks, which treat overflow, decimals and words. */
    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "--1", "+-1", "1-", " 1", "1 ", "1.0", "1e3", "0x10", "NaN", "Infinity",
        "-Infinity", "1_000", "١٢", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        "1234567890123456789", "0000000000000000000", "99999999999999999999", "true", "/", ":"})
    void leavesEverythingElse(String s) {
        assertThat(ShortInteger.parse(s)).isEqualTo(ShortInteger.NONE);
    }

    @Test
    void randomIntegersMatchTheJdk() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long v = random.nextLong() / (1L << random.nextInt(64));
            String s = (random.nextBoolean() && v >= 0 ? "+" : "") + v;
            if (s.length() - (Character.isDigit(s.charAt(0)) ? 0 : 1) <= 18) {
                assertThat(ShortInteger.parse(s)).isEqualTo(Long.parseLong(s));
                assertThat(ShortInteger.asDouble(ShortInteger.parse(s), s)).isEqualTo(Double.parseDouble(s));
            } else {
                assertThat(ShortInteger.parse(s)).isEqualTo(ShortInteger.NONE);
            }
        }
    }
}
