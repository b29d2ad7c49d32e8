package io.winrminvoke.engine.report;

/** Which tool wrote a results.json. */
public record ResultsTool(String name, String version) {
}
