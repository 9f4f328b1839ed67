package dev.rollback.behaviour;

import dev.rollback.behaviour.fixtures.Body;

import dev.rollback.annotation.Propagation;
import dev.rollback.annotation.WithRollback;

/**
 * {@code @WithRollback} on the type: every public method is a scope; a method's own annotation
 * wins; non-public methods are not scopes.
 */
@WithRollback("atomic-service")
public class AtomicService {

    public void run(Body body) throws Exception {
        body.run();
    }

    @WithRollback(value = "own-name", propagation = Propagation.REQUIRES_NEW)
    public void runWithOwnAnnotation(Body body) throws Exception {
        body.run();
    }

    void runPackagePrivate(Body body) throws Exception {
        body.run();
    }
}
