package dev.rollback.agent.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a rules-file line at white space, except inside a parameter list, so that
 * {@code Tabs#open(java.lang.String, int)} stays one token, and inside double quotes, so that
 * {@code description="remove the row"} does.
 */
final class RuleTokenizer {

    private RuleTokenizer() {
    }

    static List<String> tokens(String line, String where) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            }
            if (Character.isWhitespace(c) && !quoted && depth == 0) {
                if (!token.isEmpty()) {
                    tokens.add(token.toString());
                    token.setLength(0);
                }
            } else {
                token.append(c);
            }
        }
        if (quoted || depth != 0) {
            throw new AgentConfigurationException("Rollback agent: " + where + ": expected a closing "
                    + (quoted ? "double quote" : "parenthesis") + ", found '" + token + "' at the end of the line");
        }
        if (!token.isEmpty()) {
            tokens.add(token.toString());
        }
        return tokens;
    }

    /** @return the value without its surrounding double quotes, if it has them */
    static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1)
                : value;
    }
}
