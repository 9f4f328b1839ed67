package dev.rollback.agent.internal;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The options after {@code -javaagent:...=}: comma-separated, each {@code rules=<file>} or
 * {@code debug}.
 *
 * @param rules the rules file, when one is named
 * @param debug whether to log each transformed class and method
 */
record AgentOptions(Optional<Path> rules, boolean debug) {

    static final String ACCEPTED = "accepted: rules=<file> and debug, separated by commas";

    /**
     * @param text the options, or {@code null} for none
     * @return them, parsed
     * @throws AgentConfigurationException naming the option that is not understood
     */
    static AgentOptions parse(String text) {
        Path rules = null;
        boolean debug = false;
        if (text == null || text.isBlank()) {
            return new AgentOptions(Optional.empty(), false);
        }
        for (String option : text.split(",")) {
            String trimmed = option.strip();
            if (trimmed.equals("debug")) {
                debug = true;
            } else if (trimmed.startsWith("rules=") && trimmed.length() > "rules=".length() && rules == null) {
                rules = Path.of(trimmed.substring("rules=".length()));
            } else {
                throw new AgentConfigurationException("Rollback agent options '" + text + "': option '" + trimmed
                        + "' is not understood; " + ACCEPTED + " (rules= at most once)");
            }
        }
        return new AgentOptions(Optional.ofNullable(rules), debug);
    }
}
