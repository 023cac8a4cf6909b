package io.aidos.serving.internal.http.protocol;

import static io.aidos.serving.internal.http.protocol.Signatures.HOUSES;
import static io.aidos.serving.internal.http.protocol.Signatures.IRIS;
import static io.aidos.serving.internal.http.protocol.Signatures.TOKENS;
import static io.aidos.serving.internal.http.protocol.Signatures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.aidos.api.InvalidInputException;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;
import io.aidos.serving.internal.signature.TensorSpec;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** MLflow scoring-server CSV requests: typed by the signature, quoted fields, empty cells. */
class MlflowCsvTest {

    @Test
    void cellsAreTypedByTheSignatureAndColumnsMayComeInAnyOrder() {
        String csv = "city,rooms,built,garden\nLyon,3,1999,true\nNantes,4.5,2010,FALSE\n";

        List<Map<String, Object>> rows = MlflowCodec.parseCsv(bytes(csv), HOUSES);

        assertThat(rows).containsExactly(
                Map.of("city", "Lyon", "rooms", 3.0, "built", 1999L, "garden", true),
                Map.of("city", "Nantes", "rooms", 4.5, "built", 2010L, "garden", false));
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaksAndEmptyCellsAreMissing() {
        String csv = "\uFEFFrooms,city,garden,built\r\n"
                + "3,\"Paris, 5e \"\"arr.\"\"\",,1999\r\n"
                + ",\"two\nlines\",true,\r\n"
                + "\r\n"
                + "2,\"\",false,\"2001\"\r\n";

        List<Map<String, Object>> rows = MlflowCodec.parseCsv(bytes(csv), HOUSES);

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo(withNull("garden", "rooms", 3.0, "city", "Paris, 5e \"arr.\"", "built",
                1999L));
        assertThat(rows.get(1)).containsEntry("rooms", null).containsEntry("built", null)
                .containsEntry("city", "two\nlines").containsEntry("garden", true);
        assertThat(rows.get(2)).isEqualTo(Map.of("rooms", 2.0, "city", "", "garden", false, "built", 2001L));
    }

    @Test
    void unknownAndMissingColumnsAreNamed() {
        assertRejected("sepal_length,sepal_width,petal_length,petal_widht\n1,2,3,4\n", IRIS,
                "request has unknown column 'petal_widht'");
        assertRejected("sepal_length,sepal_width,petal_length\n1,2,3\n", IRIS,
                "request is missing column 'petal_width'");
    }

    @Test
    void badRecordsAreNamedByLine() {
        assertRejected("sepal_length,sepal_width,petal_length,petal_width\n1,2,3,4\n1,2,3\n", IRIS,
                "CSV line 3 has 3 fields but the header has 4");
        assertRejected("sepal_length,sepal_width,petal_length,petal_width\n1,2,3,4\n1,two,3,4\n", IRIS,
                "CSV line 3 column 'sepal_width' must be a number but was 'two'");
        assertRejected("rooms,city,garden,built\n1,\"Lyon\n,yes,2\n", HOUSES,
                "CSV line 2 opens a quoted field that is never closed");
        assertRejected("rooms,city,garden,built\n1,Lyon,yes,2\n", HOUSES,
                "CSV line 2 column 'garden' must be true or false but was 'yes'");
        assertRejected("", IRIS, "CSV body is empty; it needs a header row of column names");
    }

    @Test
    void tensorModelsTakeOneNumberPerInputOrTheRowAsTheirOneInput() {
        ModelSignature scalars = new ModelSignature(List.of(TensorSpec.of("a", "FP32", -1),
                TensorSpec.of("b", "FP32", -1)), List.of(), false, Task.REGRESSION);
        ModelSignature vector = new ModelSignature(List.of(TensorSpec.of("x", "FP32", -1, 3)), List.of(), false,
                Task.REGRESSION);

        Map<String, Object> row = MlflowCodec.parseCsv(bytes("b,a\n2,1\n"), scalars).get(0);
        Object x = MlflowCodec.parseCsv(bytes("f1,f2,f3\n1,2,3\n"), vector).get(0).get("x");

        assertThat((double[]) row.get("a")).containsExactly(1);
        assertThat((double[]) row.get("b")).containsExactly(2);
        assertThat((double[]) x).containsExactly(1, 2, 3);
        assertRejected("f1,f2\n1,2\n", vector, "CSV body gives 2 values per row (2 columns) but the model's input"
                + " 'x' takes 3");
        assertRejected("b,a\n2,\n", scalars, "CSV line 2 column 'a' is empty; missing values are allowed only for"
                + " tabular models");
        assertRejected("ids,mask\n1,2\n", TOKENS, "CSV column 'ids' gives 1 values per row (one CSV value) but the"
                + " model's input 'ids' takes 4");
    }

    @Test
    void anInt64InputTakesTheCellExactly() {
        ModelSignature ids = new ModelSignature(List.of(TensorSpec.of("user", "INT64", -1, 1),
                TensorSpec.of("item", "INT64", -1, 1)), List.of(), false, Task.REGRESSION);

        Map<String, Object> row = MlflowCodec.parseCsv(bytes("user,item\n9007199254740993,3.0\n"), ids).get(0);

        assertThat((long[]) row.get("user")).containsExactly(9007199254740993L);
        assertThat((long[]) row.get("item")).containsExactly(3L);
        assertRejected("user,item\n1,2.5\n", ids, "CSV line 2 column 'item' must be a whole number that fits INT64"
                + " but was '2.5'");
    }

    @Test
    void aStringInputOfATensorModelTakesTheCellsText() {
        List<Map<String, Object>> rows = MlflowCodec.parseCsv(bytes("rooms,city\n3,Paris\n4,\"\"\n"),
                Signatures.PIPELINE);

        assertThat((String[]) rows.get(0).get("city")).containsExactly("Paris");
        assertThat((String[]) rows.get(1).get("city")).containsExactly("");
        assertThat((double[]) rows.get(1).get("rooms")).containsExactly(4);
        assertRejected("rooms,city\n3,\n", Signatures.PIPELINE, "CSV line 2 column 'city' is empty; missing values"
                + " are allowed only for tabular models (quote \"\" for an empty string)");
    }

    private static Map<String, Object> withNull(String nullKey, Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        m.put(nullKey, null);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static void assertRejected(String csv, ModelSignature signature, String message) {
        assertThatThrownBy(() -> MlflowCodec.parseCsv(bytes(csv), signature))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message);
    }
}
