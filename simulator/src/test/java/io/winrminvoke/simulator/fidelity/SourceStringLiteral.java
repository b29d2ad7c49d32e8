package io.winrminvoke.simulator.fidelity;

/**
 * A string constant found in a Python or Go source file: which file, which variable, its text.
 *
 * @param source the file it was read from, for messages
 * @param name the variable the literal is assigned to
 * @param text the literal's content, exactly as the source spells it
 */
record SourceStringLiteral(String source, String name, String text) {

    String describe() {
        return source + " " + name;
    }
}
