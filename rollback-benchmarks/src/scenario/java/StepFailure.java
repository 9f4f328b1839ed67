package ${scenario.package};

/**
 * The failure that makes a scenario roll back. Stackless by default, so that benchmarks measure
 * the rollback rather than {@code fillInStackTrace}.
 */
public class StepFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param stackTrace whether to fill in the stack trace, as a freshly thrown exception does
     */
    public StepFailure(boolean stackTrace) {
        super("step failed", null, true, stackTrace);
    }
}
