package dev.rollback.spring.boot;

import dev.rollback.Rollback;
import dev.rollback.RollbackIncompleteException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real {@link DataSourceTransactionManager} on H2. Each undo notes whether the transaction's
 * connection was still bound to its thread, and how many agent rows a fresh connection saw: 0 after a
 * rollback, 1 after a commit.
 */
@DisplayName("Transaction-aware scopes: an outermost scope closing in a transaction settles when the transaction completes")
class TransactionAwareScopesTest {

    private final TransactionAwareScopes scopes = new TransactionAwareScopes();
    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final List<String> undone = Collections.synchronizedList(new ArrayList<>());
    private JdbcTemplate jdbc;
    private DataSourceTransactionManager transactions;

    @BeforeEach
    void startDatabase() {
        dataSource.setURL("jdbc:h2:mem:tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=2000");
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table agents (name varchar(40) primary key)");
        transactions = new DataSourceTransactionManager(dataSource);
        scopes.afterPropertiesSet();
    }

    @AfterEach
    void stopDatabase() {
        scopes.destroy();
        jdbc.execute("shutdown");
    }

    @Test
    void aFailingBodyRollsTheTransactionBackThenTheScopeOutsideIt() {
        IllegalStateException failure = new IllegalStateException("body fails");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                Rollback.run("create-agent", () -> {
                    insertAgent("agent-7");
                    Rollback.register("remove agent-7", this::noteAndRemoveAgent);
                    throw failure;
                }))).isSameAs(failure);

        assertThat(undone).containsExactly("undone outside the transaction, saw 0 agent(s)");
        assertThat(agents()).isZero();
    }

    @Test
    void aCommitThatFailsRollsBackAScopeThatSucceeded() {
        IllegalStateException commitFailure = new IllegalStateException("before commit fails");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Rollback.run("create-agent", () -> {
                insertAgent("agent-7");
                Rollback.register("remove agent-7", this::noteAndRemoveAgent);
            });
            assertThat(undone).isEmpty();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    throw commitFailure;
                }
            });
        })).isSameAs(commitFailure);

        assertThat(undone).containsExactly("undone outside the transaction, saw 0 agent(s)");
    }

    @Test
    void aCommittedTransactionForgetsAScopeThatSucceeded() {
        new TransactionTemplate(transactions).executeWithoutResult(status -> Rollback.run("create-agent", () -> {
            insertAgent("agent-7");
            Rollback.register("remove agent-7", this::noteAndRemoveAgent);
        }));

        assertThat(undone).isEmpty();
        assertThat(agents()).isEqualTo(1);
    }

    @Test
    void aCheckedExceptionThatSpringCommitsOnUndoesTheScopeAfterTheCommit() {
        Exception checked = new Exception("checked");
        assertThatThrownBy(() -> inTransaction(TransactionDefinition.PROPAGATION_REQUIRED, () ->
                Rollback.run("create-agent", () -> {
                    insertAgent("agent-7");
                    Rollback.register("remove agent-7", this::noteAndRemoveAgent);
                    throw checked;
                }))).isSameAs(checked);

        assertThat(undone).containsExactly("undone outside the transaction, saw 1 agent(s)");
        assertThat(agents()).isZero();
    }

    @Test
    void anUndoWithATimeLimitRunsOnItsOwnThreadAfterTheCommitAndSeesTheCommittedRow() {
        Exception checked = new Exception("checked");
        assertThatThrownBy(() -> inTransaction(TransactionDefinition.PROPAGATION_REQUIRED, () ->
                Rollback.run("create-agent", () -> {
                    insertAgent("agent-7");
                    Rollback.register("remove agent-7", 0, Duration.ofSeconds(10), 0, this::noteAndRemoveAgent);
                    throw checked;
                }))).isSameAs(checked);

        assertThat(undone).containsExactly("undone outside the transaction, saw 1 agent(s)");
        assertThat(agents()).isZero();
    }

    @Test
    void aScopeInsideRequiresNewSettlesWithTheInnerTransaction() {
        IllegalStateException outerFailure = new IllegalStateException("outer fails");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(outer -> {
            TransactionTemplate requiresNew = new TransactionTemplate(transactions);
            requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            requiresNew.executeWithoutResult(inner -> Rollback.run("inner committed", () ->
                    Rollback.register("inner committed", () -> undone.add("inner committed"))));
            assertThatThrownBy(() -> requiresNew.executeWithoutResult(inner -> Rollback.run("inner rolled back", () -> {
                Rollback.register("inner rolled back", () -> undone.add("inner rolled back"));
                throw new IllegalArgumentException("inner fails");
            }))).hasMessage("inner fails");
            assertThat(undone).containsExactly("inner rolled back");
            Rollback.run("outer", () -> Rollback.register("outer", () -> undone.add("outer")));
            throw outerFailure;
        })).isSameAs(outerFailure);

        assertThat(undone).containsExactly("inner rolled back", "outer");
    }

    @Test
    void anIncompleteDeferredRollbackTravelsWithTheBodysThrowable() {
        IllegalStateException failure = new IllegalStateException("body fails");
        IllegalArgumentException undoFailure = new IllegalArgumentException("undo fails");
        assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
                Rollback.run("create-agent", () -> {
                    Rollback.register("cannot undo", () -> {
                        throw undoFailure;
                    });
                    throw failure;
                }))).isSameAs(failure);

        assertThat(failure.getSuppressed()).singleElement().isInstanceOfSatisfying(RollbackIncompleteException.class,
                incomplete -> {
                    assertThat(incomplete.report().name()).isEqualTo("create-agent");
                    assertThat(incomplete.report().actions().get(0).error()).containsSame(undoFailure);
                });
    }

    @Test
    void withoutATransactionAScopeSettlesAsItCloses() {
        assertThatThrownBy(() -> Rollback.run("no transaction", () -> {
            Rollback.register("undo", () -> undone.add("undone at once"));
            throw new IllegalStateException("fails");
        })).hasMessage("fails");
        assertThat(undone).containsExactly("undone at once");
    }

    private void insertAgent(String name) {
        jdbc.update("insert into agents (name) values (?)", name);
    }

    private int agents() {
        return jdbc.queryForObject("select count(*) from agents", Integer.class);
    }

    private void noteAndRemoveAgent() {
        String where = TransactionSynchronizationManager.hasResource(dataSource) ? "inside" : "outside";
        undone.add("undone " + where + " the transaction, saw " + agents() + " agent(s)");
        jdbc.update("delete from agents where name = ?", "agent-7");
    }

    /** What Spring's TransactionInterceptor does: roll back on what the default rules roll back on, commit on the rest. */
    private void inTransaction(int propagation, Rollback.Body<Exception> body) throws Exception {
        DefaultTransactionAttribute attribute = new DefaultTransactionAttribute(propagation);
        TransactionStatus status = transactions.getTransaction(attribute);
        try {
            body.run();
        } catch (Exception e) {
            if (attribute.rollbackOn(e)) {
                transactions.rollback(status);
            } else {
                transactions.commit(status);
            }
            throw e;
        }
        transactions.commit(status);
    }
}
