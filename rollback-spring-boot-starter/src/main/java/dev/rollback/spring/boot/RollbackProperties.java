package dev.rollback.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.logging.LogLevel;

import java.time.Duration;

/**
 * The {@code rollback.*} properties. Rollback's settings are the JVM's: a property that is not set
 * leaves Rollback's own default (or the system property that set it) in place.
 */
@ConfigurationProperties(prefix = "rollback")
public class RollbackProperties {

    /** Creates it; Spring or the application calls this. */
    public RollbackProperties() {
        // nothing to set up: every field has its initial value
    }

    /** The pause before retries of a failed compensation. */
    private final Retry retry = new Retry();
    /**
     * How long a rollback waits for its scope's wrapped tasks still running before it undoes what the
     * scope holds; 0 not to wait. Unset: Rollback's default, 10s.
     */
    private Duration taskWait;
    /**
     * How many compensations of one rollback with parallel compensation run at once, the rolling-back
     * thread included; 1 or more. Unset: Rollback's default, 16.
     */
    private Integer parallelism;
    /** The default listener's log lines. */
    private final Logging logging = new Logging();
    /** The start-up check that annotated beans are woven. */
    private final Weaving weaving = new Weaving();
    /** Scopes that close inside a Spring transaction. */
    private final Transactions transactions = new Transactions();
    /** The reports kept for the actuator endpoint and the health indicator. */
    private final Reports reports = new Reports();
    /** The health indicator. */
    private final Health health = new Health();
    /** Micrometer observations. */
    private final Observations observations = new Observations();
    /** The task decorator for Boot's task executors. */
    private final TaskDecorator taskDecorator = new TaskDecorator();

    /** {@return the pause before retries} */
    public Retry getRetry() {
        return retry;
    }

    /** {@return how long a rollback waits for its scope's wrapped tasks still running before it undoes what the scope holds} */
    public Duration getTaskWait() {
        return taskWait;
    }

    /**
     * Sets how long a rollback waits for its scope's wrapped tasks still running before it undoes what the scope holds.
     *
     * @param taskWait the value
     */
    public void setTaskWait(Duration taskWait) {
        this.taskWait = taskWait;
    }

    /** {@return how many compensations of one rollback with parallel compensation run at once, the rolling-back thread included} */
    public Integer getParallelism() {
        return parallelism;
    }

    /**
     * Sets how many compensations of one rollback with parallel compensation run at once, the rolling-back thread included.
     *
     * @param parallelism the value
     */
    public void setParallelism(Integer parallelism) {
        this.parallelism = parallelism;
    }

    /** {@return the default listener's log lines} */
    public Logging getLogging() {
        return logging;
    }

    /** {@return the start-up check that annotated beans are woven} */
    public Weaving getWeaving() {
        return weaving;
    }

    /** {@return how scopes that close inside a Spring transaction settle} */
    public Transactions getTransactions() {
        return transactions;
    }

    /** {@return the reports kept for the actuator endpoint and the health indicator} */
    public Reports getReports() {
        return reports;
    }

    /** {@return the health indicator} */
    public Health getHealth() {
        return health;
    }

    /** {@return the Micrometer observations} */
    public Observations getObservations() {
        return observations;
    }

    /** {@return the task decorator for Boot's task executors} */
    public TaskDecorator getTaskDecorator() {
        return taskDecorator;
    }

    /** The pause before retries: the initial delay before the first, doubling, at most the max delay. */
    public static class Retry {

        /** Creates the defaults; Spring binds the properties onto them. */
        public Retry() {
            // every field has its default value
        }
        /** The pause before the first retry. Unset: Rollback's default, 50ms. */
        private Duration initialDelay;
        /** The longest pause between retries. Unset: Rollback's default, 2s. */
        private Duration maxDelay;

        /** {@return the pause before retries} */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /**
         * Sets the pause before retries.
         *
         * @param initialDelay the value
         */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** {@return the longest pause between retries} */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /**
         * Sets the longest pause between retries.
         *
         * @param maxDelay the value
         */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }
    }

    /** The default listener's log lines, on the logger {@code dev.rollback}. */
    public static class Logging {

        /** Creates the defaults; Spring binds the properties onto them. */
        public Logging() {
            // every field has its default value
        }
        /** The level of the logger dev.rollback (OFF silences it). Unset: as the logging configuration says. */
        private LogLevel level;

        /** {@return the default listener's log lines, on the logger {@code dev.rollback}} */
        public LogLevel getLevel() {
            return level;
        }

        /**
         * Sets the default listener's log lines, on the logger {@code dev.rollback}.
         *
         * @param level the value
         */
        public void setLevel(LogLevel level) {
            this.level = level;
        }
    }

    /** What a bean that carries the annotations but was not woven does to the start. */
    public static class Weaving {

        /** Creates the defaults; Spring binds the properties onto them. */
        public Weaving() {
            // every field has its default value
        }
        /** FAIL stops the start, WARN logs the classes, OFF does not look. */
        private WeavingCheck verify = WeavingCheck.FAIL;

        /** {@return what a bean that carries the annotations but was not woven does to the start} */
        public WeavingCheck getVerify() {
            return verify;
        }

        /**
         * Sets what a bean that carries the annotations but was not woven does to the start.
         *
         * @param verify the value
         */
        public void setVerify(WeavingCheck verify) {
            this.verify = verify;
        }
    }

    /** Scopes that close inside a Spring transaction. */
    public static class Transactions {

        /** Creates the defaults; Spring binds the properties onto them. */
        public Transactions() {
            // every field has its default value
        }
        /** Whether an outermost scope closing inside an active transaction is settled when the transaction completes. */
        private boolean enabled = true;

        /** {@return the task decorator} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets the task decorator.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The reports kept in memory. */
    public static class Reports {

        /** Creates the defaults; Spring binds the properties onto them. */
        public Reports() {
            // every field has its default value
        }
        /** How many of the most recent rollback reports are kept. */
        private int keep = 100;

        /** {@return the reports kept in memory} */
        public int getKeep() {
            return keep;
        }

        /**
         * Sets the reports kept in memory.
         *
         * @param keep the value
         */
        public void setKeep(int keep) {
            this.keep = keep;
        }
    }

    /** The health indicator. */
    public static class Health {

        /** Creates the defaults; Spring binds the properties onto them. */
        public Health() {
            // every field has its default value
        }
        /** Whether the rollback health indicator is registered; it reports failed compensations and stays UP. */
        private boolean enabled;

        /** {@return the task decorator} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets the task decorator.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** Micrometer observations. */
    public static class Observations {

        /** Creates the defaults; Spring binds the properties onto them. */
        public Observations() {
            // every field has its default value
        }
        /** Whether scopes and compensations are observed when an ObservationRegistry bean exists. */
        private boolean enabled = true;

        /** {@return the task decorator} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets the task decorator.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The task decorator. */
    public static class TaskDecorator {

        /** Creates the defaults; Spring binds the properties onto them. */
        public TaskDecorator() {
            // every field has its default value
        }
        /** Whether Boot's task executors bind each task to the scope open where it is submitted. */
        private boolean enabled = true;

        /** {@return the task decorator} */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets the task decorator.
         *
         * @param enabled the value
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
