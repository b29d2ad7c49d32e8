package io.winrminvoke.engine.winrm.protocol;

/**
 * One rsp:Stream element of a ReceiveResponse.
 *
 * @param stream    stream name, {@code stdout} or {@code stderr}
 * @param commandId the command it belongs to, or null when the host left it out
 * @param data      the decoded bytes (may be empty)
 * @param end       the stream ended with this chunk
 */
public record OutputChunk(String stream, String commandId, byte[] data, boolean end) {

    @Override
    public String toString() {
        return "OutputChunk[" + stream + ", " + data.length + " bytes" + (end ? ", end" : "") + "]";
    }
}
