package io.winrminvoke.engine.winrm.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * What every request to one endpoint carries in its header besides the action.
 *
 * @param endpointUri      the a:To address, e.g. {@code http://host:5985/wsman}
 * @param operationTimeout sent as w:OperationTimeout; how long the host may hold a Receive open
 * @param maxEnvelopeSize  sent as w:MaxEnvelopeSize; the largest response the client accepts
 * @param locale           sent as w:Locale and p:DataLocale
 */
public record RequestContext(String endpointUri, Duration operationTimeout, int maxEnvelopeSize, String locale) {

    /** What Windows' own winrs client and pywinrm send. */
    public static final int DEFAULT_MAX_ENVELOPE_SIZE = 153600;
    public static final String DEFAULT_LOCALE = "en-US";

    public RequestContext {
        Objects.requireNonNull(endpointUri, "endpointUri");
        Objects.requireNonNull(operationTimeout, "operationTimeout");
        Objects.requireNonNull(locale, "locale");
    }

    public static RequestContext of(String endpointUri, Duration operationTimeout) {
        return new RequestContext(endpointUri, operationTimeout, DEFAULT_MAX_ENVELOPE_SIZE, DEFAULT_LOCALE);
    }
}
