package io.aidos.serving.internal.http.protocol;

import io.aidos.api.InvalidInputException;
import io.aidos.api.Prediction;
import io.aidos.api.Task;
import io.aidos.serving.internal.signature.ModelSignature;

import java.util.List;
import java.util.Map;

/**
 * Bodies of MLflow's scoring server ({@code POST /invocations}): JSON or CSV requests in, {@code {"predictions":
 * [...]}} and {@code {"error_code", "message"}} out. Requests hold at most {@value RowLimit#MAX_ROWS} rows.
 */
public final class MlflowCodec {
    private MlflowCodec() {
    }

    /**
     * The rows of an {@code application/json} request; see {@link MlflowJsonRows} for the four formats.
     *
     * @throws InvalidInputException naming the format key, row, column or input at fault
     */
    public static List<Map<String, Object>> parseJson(byte[] body, ModelSignature signature) {
        return MlflowJsonRows.parse(body, signature);
    }

    /**
     * The rows of a {@code text/csv} request; see {@link MlflowCsvRows}.
     *
     * @throws InvalidInputException naming the line and column at fault
     */
    public static List<Map<String, Object>> parseCsv(byte[] body, ModelSignature signature) {
        return MlflowCsvRows.parse(body, signature);
    }

    /**
     * {@code {"predictions": [...]}}: labels for tabular classification, clustering and anomaly detection and for
     * tensor models whose predictions carry scores; numbers otherwise (NaN as null).
     */
    public static byte[] predictions(List<Prediction> predictions, ModelSignature signature) {
        boolean labels = signature.tabular()
                ? signature.task() != Task.REGRESSION : OipOutputs.hasLabels(predictions);
        return JsonBodies.write(64 + predictions.size() * 20, json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("predictions");
            for (Prediction p : predictions) {
                if (labels) {
                    json.writeString(p.label());
                } else {
                    JsonBodies.number(json, p.value());
                }
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** {@code {"error_code": errorCode, "message": message}}, as MLflow answers errors (e.g. BAD_REQUEST). */
    public static byte[] error(String errorCode, String message) {
        return JsonBodies.write(48 + (message == null ? 0 : message.length()), json -> {
            json.writeStartObject();
            json.writeStringField("error_code", errorCode);
            json.writeStringField("message", message);
            json.writeEndObject();
        });
    }
}
