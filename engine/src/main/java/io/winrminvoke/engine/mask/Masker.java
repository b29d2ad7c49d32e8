package io.winrminvoke.engine.mask;

/**
 * Replaces secrets in text before it is shown or written anywhere. One masker serves the live
 * console, the in-memory results and every report writer.
 */
@FunctionalInterface
public interface Masker {

    Masker NONE = text -> text;

    String mask(String text);
}
