package dev.rollback.test.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Cuts a region out of a source file, between {@code // snippet:NAME:begin} and
 * {@code // snippet:NAME:end}, without its common indentation: the text a guide must show verbatim.
 */
final class Snippets {

    private Snippets() {
    }

    static String region(Path source, String name) throws IOException {
        String text = Files.readString(source);
        String begin = "// snippet:" + name + ":begin\n";
        String end = "// snippet:" + name + ":end";
        int from = text.indexOf(begin);
        int to = text.indexOf(end, from);
        if (from < 0 || to < 0) {
            throw new IllegalArgumentException("no snippet '" + name + "' in " + source);
        }
        String region = text.substring(from + begin.length(), text.lastIndexOf('\n', to) + 1);
        int indent = Arrays.stream(region.split("\n")).filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return Arrays.stream(region.split("\n")).map(l -> l.length() >= indent ? l.substring(indent) : l.strip())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    /** @return the guide's fenced block of the given language that follows {@code <!-- snippet:NAME -->} */
    static String fenced(Path guide, String name, String language) throws IOException {
        String text = Files.readString(guide);
        int marker = text.indexOf("<!-- snippet:" + name + " -->");
        if (marker < 0) {
            throw new IllegalArgumentException("no <!-- snippet:" + name + " --> in " + guide);
        }
        String open = "```" + language + "\n";
        int from = text.indexOf(open, marker) + open.length();
        return text.substring(from, text.indexOf("```", from));
    }
}
