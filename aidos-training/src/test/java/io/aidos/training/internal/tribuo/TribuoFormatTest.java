package io.aidos.training.internal.tribuo;

import io.aidos.api.AiDosException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A serialized tree model file is read through an allow-list: anything else is refused, not instantiated. */
class TribuoFormatTest {
    @TempDir
    Path folder;

    @Test
    void aSerializedFileWithForeignClassesIsRefused() throws Exception {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(
                folder.resolve(TribuoModel.SERIALIZED_FILE)))) {
            out.writeObject(new AtomicLong(7)); // a JDK class outside the allow-list stands in for a gadget
        }
        assertThatThrownBy(() -> new TribuoFormat().load(folder, folder, null)).isInstanceOf(AiDosException.class)
                .hasMessageContaining("is not a Tribuo model");
    }
}
