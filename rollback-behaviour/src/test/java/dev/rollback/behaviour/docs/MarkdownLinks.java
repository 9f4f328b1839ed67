package dev.rollback.behaviour.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the relative links of a Markdown file that do not resolve: a file or directory that does not
 * exist or lies outside the repository, or an {@code #anchor} that no heading of the target page has
 * (anchors as GitHub makes them). Links inside code blocks and code spans are not links.
 */
final class MarkdownLinks {

    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*(\\S+)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+).*?\\1");
    private static final Pattern HEADING = Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    private MarkdownLinks() {
    }

    /** @return one line per broken link: {@code file:line: link: why}, the file relative to {@code root} */
    static List<String> brokenLinks(Path root, Path document) throws IOException {
        List<String> broken = new ArrayList<>();
        List<String> lines = proseLines(document);
        for (int i = 0; i < lines.size(); i++) {
            for (String link : links(lines.get(i))) {
                String problem = problem(root, document, link);
                if (problem != null) {
                    broken.add(root.relativize(document) + ":" + (i + 1) + ": " + link + ": " + problem);
                }
            }
        }
        return broken;
    }

    /** The lines of a document with fenced code blocks blanked out, so that line numbers stay right. */
    private static List<String> proseLines(Path document) throws IOException {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : Files.readAllLines(document)) {
            String stripped = line.strip();
            if (fence == null && (stripped.startsWith("```") || stripped.startsWith("~~~"))) {
                fence = stripped.substring(0, 3);
                lines.add("");
            } else if (fence != null) {
                if (stripped.startsWith(fence)) {
                    fence = null;
                }
                lines.add("");
            } else {
                lines.add(line);
            }
        }
        return lines;
    }

    private static List<String> links(String line) {
        String prose = CODE_SPAN.matcher(line).replaceAll("");
        List<String> links = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(prose);
        while (inline.find()) {
            links.add(inline.group(1));
        }
        Matcher reference = REFERENCE_LINK.matcher(prose);
        if (reference.find()) {
            links.add(reference.group(1));
        }
        return links;
    }

    /** @return why the link does not resolve, or {@code null} when it does (or is not relative) */
    private static String problem(Path root, Path document, String link) throws IOException {
        if (SCHEME.matcher(link).find()) {
            return null;
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        Path target = path.isEmpty() ? document : document.getParent().resolve(path).normalize();
        if (!target.startsWith(root)) {
            return "leaves the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (anchor == null || !target.toString().endsWith(".md")) {
            return null;
        }
        Set<String> anchors = anchors(target);
        return anchors.contains(anchor) ? null
                : "no heading with anchor #" + anchor + " in " + root.relativize(target) + "; its anchors: " + anchors;
    }

    /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, -1, -2 for repeats. */
    static Set<String> anchors(Path page) throws IOException {
        Set<String> anchors = new LinkedHashSet<>();
        for (String line : proseLines(page)) {
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                String slug = slug(heading.group(1));
                String unique = slug;
                for (int n = 1; anchors.contains(unique); n++) {
                    unique = slug + "-" + n;
                }
                anchors.add(unique);
            }
        }
        return anchors;
    }

    private static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}
