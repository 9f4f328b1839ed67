package dev.rollback.agent.internal;

import dev.rollback.annotation.Propagation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads a rules file (format in the weaver's README). Every mistake is reported with the file, the
 * line and what was expected, before any class is transformed.
 */
final class RulesParser {

    private static final Set<String> WITH_ROLLBACK_ATTRIBUTES = new TreeSet<>(List.of("name", "rollbackFor", "noRollbackFor",
            "propagation", "parallelCompensation", "durable"));
    private static final Set<String> COMPENSATE_ATTRIBUTES = new TreeSet<>(List.of("by", "handler", "priority", "timeoutMillis",
            "retries", "description"));
    private static final Pattern JAVA_NAME = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*");
    private static final Pattern CLASS_NAME = Pattern.compile(JAVA_NAME + "(\\." + JAVA_NAME + ")*");
    private static final Pattern TYPE_NAME = Pattern.compile(CLASS_NAME + "(\\[])*");

    private final Path file;

    private RulesParser(Path file) {
        this.file = file;
    }

    /**
     * @param file the rules file
     * @return its rules, in file order
     * @throws AgentConfigurationException when the file cannot be read or a line is malformed
     */
    static List<Rule> parse(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AgentConfigurationException("Rollback agent: rules file " + file + " cannot be read: " + e, e);
        }
        RulesParser parser = new RulesParser(file);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            List<String> tokens = RuleTokenizer.tokens(stripComment(lines.get(i)), parser.where(i + 1));
            if (!tokens.isEmpty()) {
                rules.add(parser.rule(tokens, i + 1));
            }
        }
        return rules;
    }

    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private String where(int line) {
        return "rules file " + file + ", line " + line;
    }

    private AgentConfigurationException malformed(int line, String expected, String found) {
        return new AgentConfigurationException("Rollback agent: " + where(line) + ": expected " + expected + ", found '"
                + found + "'");
    }

    private Rule rule(List<String> tokens, int line) {
        Rule.Kind kind = kind(tokens.get(0), line);
        if (tokens.size() < 2) {
            throw malformed(line, "<class>#<method> or <class>#<method>(<parameter types>) after " + kind.keyword,
                    "end of line");
        }
        String target = tokens.get(1);
        int hash = target.indexOf('#');
        int open = target.indexOf('(');
        String typeName = hash < 0 ? "" : target.substring(0, hash);
        String methodName = hash < 0 ? "" : target.substring(hash + 1, open < 0 ? target.length() : open);
        if (!CLASS_NAME.matcher(typeName.replace('$', '_')).matches() || !JAVA_NAME.matcher(methodName).matches()
                || (open >= 0 && !target.endsWith(")"))) {
            throw malformed(line, "<class>#<method> or <class>#<method>(<parameter types>)", target);
        }
        if (CandidateFilter.ignoredByName(typeName.replace('.', '/'))) {
            throw malformed(line, "a class the agent may transform: none of the JDK's, AspectJ's, SLF4J's or"
                    + " Rollback's own", typeName);
        }
        List<String> parameters = open < 0 ? null : parameters(target.substring(open + 1, target.length() - 1), line);
        Map<String, String> attributes = attributes(kind, tokens.subList(2, tokens.size()), line);
        return new Rule(kind, typeName, methodName, parameters, attributes, where(line));
    }

    private Rule.Kind kind(String keyword, int line) {
        for (Rule.Kind kind : Rule.Kind.values()) {
            if (kind.keyword.equals(keyword)) {
                return kind;
            }
        }
        throw malformed(line, "with-rollback or compensate", keyword);
    }

    private List<String> parameters(String list, int line) {
        if (list.isBlank()) {
            return List.of();
        }
        List<String> parameters = new ArrayList<>();
        for (String parameter : list.split(",")) {
            String type = parameter.strip();
            if (!TYPE_NAME.matcher(type.replace('$', '_')).matches()) {
                throw malformed(line, "a parameter type such as java.lang.String, int or byte[]", type);
            }
            parameters.add(type);
        }
        return List.copyOf(parameters);
    }

    private Map<String, String> attributes(Rule.Kind kind, List<String> tokens, int line) {
        Set<String> accepted = kind == Rule.Kind.WITH_ROLLBACK ? WITH_ROLLBACK_ATTRIBUTES : COMPENSATE_ATTRIBUTES;
        Map<String, String> attributes = new LinkedHashMap<>();
        for (String token : tokens) {
            int equals = token.indexOf('=');
            String name = equals < 0 ? token : token.substring(0, equals);
            if (equals <= 0 || !accepted.contains(name) || attributes.containsKey(name)) {
                throw malformed(line, "an attribute of " + kind.keyword + " given once as name=value, one of "
                        + String.join("=, ", accepted) + "=", token);
            }
            String value = RuleTokenizer.unquote(token.substring(equals + 1));
            check(name, value, line);
            attributes.put(name, value);
        }
        if (kind == Rule.Kind.COMPENSATE && attributes.containsKey("by") == attributes.containsKey("handler")) {
            throw malformed(line, "exactly one of by=<compensating method> and handler=<class> for compensate",
                    String.join(" ", tokens));
        }
        return Map.copyOf(attributes);
    }

    private void check(String name, String value, int line) {
        switch (name) {
            case "priority", "retries", "timeoutMillis" -> number(name, value, line);
            case "propagation" -> propagation(value, line);
            case "parallelCompensation", "durable" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw malformed(line, name + "=true or " + name + "=false", name + '=' + value);
                }
            }
            case "rollbackFor", "noRollbackFor", "handler" -> {
                for (String type : value.split(",", -1)) {
                    if (!CLASS_NAME.matcher(type.replace('$', '_')).matches()) {
                        throw malformed(line, "a fully qualified class name" + ("handler".equals(name) ? "" : " list")
                                + " for " + name + "=", name + '=' + value);
                    }
                }
            }
            case "by" -> {
                if (!JAVA_NAME.matcher(value).matches()) {
                    throw malformed(line, "a method name for by=", "by=" + value);
                }
            }
            default -> {
                // name= and description= take any text
            }
        }
    }

    private void number(String name, String value, int line) {
        try {
            if (name.equals("timeoutMillis")) {
                Long.parseLong(value);
            } else {
                Integer.parseInt(value);
            }
        } catch (NumberFormatException e) {
            throw malformed(line, "an integer for " + name + "=", name + '=' + value);
        }
    }

    private void propagation(String value, int line) {
        List<String> accepted = new ArrayList<>();
        for (Propagation propagation : Propagation.values()) {
            if (propagation.name().equals(value)) {
                return;
            }
            accepted.add("propagation=" + propagation.name());
        }
        throw malformed(line, String.join(" or ", accepted), "propagation=" + value);
    }
}
