package io.winrminvoke.cli.run;

import io.winrminvoke.engine.InvalidInputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the files named by options, turning every way that can fail into one line naming the option. */
final class InputFiles {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private InputFiles() {
    }

    static void requireReadable(Path file, String option) {
        if (!Files.exists(file)) {
            throw new InvalidInputException(option + ": " + file + " does not exist");
        }
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(option + ": " + file + " is not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new InvalidInputException(option + ": " + file + " is not readable");
        }
    }

    /** The file's text, UTF-8; a leading byte order mark (Notepad writes one) is dropped. */
    static String readText(Path file, String option) {
        requireReadable(file, option);
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException(option + ": " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InvalidInputException(option + ": cannot read " + file + ": " + e.getMessage());
        }
    }

    static List<String> readLines(Path file, String option) {
        return new ArrayList<>(readText(file, option).lines().toList());
    }
}
