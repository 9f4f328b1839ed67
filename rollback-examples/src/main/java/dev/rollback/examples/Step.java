package dev.rollback.examples;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The steps that create an agent, in order. Each acquires one real resource through a
 * {@code @Compensate} method.
 */
public enum Step {
    WORKSPACE, ROW, PORT, WORKER, WINDOW;

    /** @return the name used on the command line */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a step name as typed
     * @return the step
     * @throws IllegalArgumentException naming the accepted steps
     */
    public static Step parse(String text) {
        for (Step step : values()) {
            if (step.cliName().equalsIgnoreCase(text.trim())) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown step '" + text + "'; accepted: "
                + Arrays.stream(values()).map(Step::cliName).collect(Collectors.joining(", ")));
    }
}
