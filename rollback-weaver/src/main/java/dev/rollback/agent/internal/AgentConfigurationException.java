package dev.rollback.agent.internal;

/**
 * The agent's options or rules file are malformed. Thrown while the agent starts, so that a typo
 * never leaves an application running without the rollbacks it was meant to have.
 */
public final class AgentConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    AgentConfigurationException(String message) {
        super(message);
    }

    AgentConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
