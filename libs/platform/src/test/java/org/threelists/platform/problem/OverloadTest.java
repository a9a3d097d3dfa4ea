package org.threelists.platform.problem;

import jakarta.transaction.RollbackException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** What answers 503 (nothing committed, retry later) and what stays a 500 (libs/platform/README.md, "Overload"). */
class OverloadTest {

    @Test
    void the_pools_acquisition_time_out_is_overload_however_deeply_it_is_wrapped() {
        SQLException pool = new SQLException("Sorry, acquisition timeout!");
        Throwable wrapped = new CommandExecutionException("command failed",
                new IllegalStateException("cannot append", pool));
        assertThat(Overload.isOverload(wrapped)).isTrue();
        assertThat(Overload.describe(wrapped)).isEqualTo("SQLException: Sorry, acquisition timeout!");
        assertThat(Overload.isOverload(new SQLException("Acquisition timeout while waiting for new connection",
                new InterruptedException()))).isTrue();
    }

    @Test
    void a_rolled_back_transaction_a_cancelled_statement_and_an_exhausted_database_are_overload() {
        assertThat(Overload.isOverload(new RuntimeException(new RollbackException("ARJUNA016053")))).isTrue();
        assertThat(Overload.isOverload(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(Overload.isOverload(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(Overload.isOverload(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Overload.isOverload(new SQLException("too many clients already", "53300"))).isTrue();
        assertThat(Overload.isOverload(new SQLTimeoutException("query timed out"))).isTrue();
    }

    @Test
    void a_defect_a_constraint_and_a_connection_lost_during_a_commit_are_not() {
        assertThat(Overload.isOverload(new NullPointerException())).isFalse();
        assertThat(Overload.isOverload(new SQLException("duplicate key value", "23505"))).isFalse();
        assertThat(Overload.isOverload(new SQLException("value too long", "22001"))).isFalse();
        // the commit may have reached the database: its outcome is unknown, so it must not say "nothing was changed"
        assertThat(Overload.isOverload(new SQLException("An I/O error occurred while sending to the backend", "08006"))).isFalse();
        assertThat(Overload.isOverload(new SQLException("connection closed"))).isFalse();
    }
}
