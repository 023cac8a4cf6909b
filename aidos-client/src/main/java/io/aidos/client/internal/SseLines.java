package io.aidos.client.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Follows a job log served as Server-Sent Events: yields the data of each {@code log} event and ends at the
 * {@code end} event (or when the server closes the stream). Closing the stream disconnects.
 */
final class SseLines {

    private SseLines() {
    }

    static Stream<String> follow(Rest rest, HttpUrl.Builder url) {
        Request request = new Request.Builder().url(url.build()).header("Accept", "text/event-stream").get().build();
        Response response = rest.transport.sendStreaming(request, r -> r);
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body().byteStream(),
                StandardCharsets.UTF_8));
        Iterator<String> events = new Iterator<>() {
            private String next;
            private boolean ended;

            @Override
            public boolean hasNext() {
                if (next == null && !ended) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String line = next;
                next = null;
                return line;
            }

            private String read() {
                try {
                    String event = "message";
                    StringBuilder data = null;
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (line.isEmpty()) {
                            if (data == null) {
                                continue;
                            }
                            if (event.equals("end")) {
                                ended = true;
                                return null;
                            }
                            if (event.equals("log")) {
                                return data.toString();
                            }
                            event = "message";
                            data = null;
                        } else if (line.startsWith("event:")) {
                            event = line.substring(6).trim();
                        } else if (line.startsWith("data:")) {
                            String d = line.substring(5);
                            d = d.startsWith(" ") ? d.substring(1) : d;
                            data = data == null ? new StringBuilder(d) : data.append('\n').append(d);
                        }
                    }
                    ended = true;
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException("the job log stream broke off: " + e.getMessage(), e);
                }
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(events, Spliterator.ORDERED), false)
                .onClose(response::close);
    }
}
