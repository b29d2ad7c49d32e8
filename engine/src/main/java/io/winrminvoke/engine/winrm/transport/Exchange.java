package io.winrminvoke.engine.winrm.transport;

import io.winrminvoke.engine.winrm.FailureKind;
import io.winrminvoke.engine.winrm.WinRmException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.EntityUtils;

/**
 * One prepared POST. {@link #cancel()} from another thread aborts it at once, whether it is
 * waiting for a connection, connecting or waiting for the answer.
 */
public final class Exchange {

    /** Far above MaxEnvelopeSize; guards memory against a host that never stops sending. */
    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    private final CloseableHttpClient client;
    private final HttpHost target;
    private final HttpPost post;
    private final String endpoint;
    private final RequestTimeouts timeouts;

    Exchange(CloseableHttpClient client, HttpHost target, HttpPost post, String endpoint, RequestTimeouts timeouts) {
        this.client = client;
        this.target = target;
        this.post = post;
        this.endpoint = endpoint;
        this.timeouts = timeouts;
    }

    /**
     * Sends the request and reads the whole answer, whatever its status.
     *
     * @throws WinRmException for network, TLS and HTTP-level failures (never with commandStarted)
     */
    public HttpReply execute() throws WinRmException {
        try {
            return client.execute(target, post, Exchange::read);
        } catch (IOException e) {
            throw TransportFailures.classify(e, endpoint, timeouts);
        } catch (IllegalStateException e) {
            // A cancel that lands while HttpClient is between leasing and connecting surfaces as
            // "Endpoint not acquired / already released" rather than an IOException.
            if (post.isCancelled()) {
                throw new WinRmException(FailureKind.CANCELLED, false, "request cancelled (" + endpoint + ")", e);
            }
            throw e;
        }
    }

    /** Aborts the exchange (closing its connection if it has one); safe from any thread. */
    public void cancel() {
        post.cancel();
    }


    private static HttpReply read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity, MAX_BODY_BYTES);
        return new HttpReply(response.getCode(), body == null ? new byte[0] : body,
                offeredSchemes(response.getHeaders(HttpHeaders.WWW_AUTHENTICATE)));
    }

    /** Scheme names of the challenges, e.g. "Negotiate" and "Basic" from {@code Basic realm="WSMAN"}. */
    private static List<String> offeredSchemes(Header[] challenges) {
        List<String> schemes = new ArrayList<>();
        for (Header challenge : challenges) {
            // One header may hold several comma-separated challenges; a scheme is a token
            // without '=' at the start of one.
            for (String part : challenge.getValue().split(",")) {
                String token = part.strip().split("\\s+", 2)[0];
                if (!token.isEmpty() && !token.contains("=") && schemes.stream()
                        .noneMatch(s -> s.toLowerCase(Locale.ROOT).equals(token.toLowerCase(Locale.ROOT)))) {
                    schemes.add(token);
                }
            }
        }
        return schemes;
    }
}
