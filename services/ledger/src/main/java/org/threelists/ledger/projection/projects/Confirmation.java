package org.threelists.ledger.projection.projects;

/**
 * Recorded hours count in statements, rankings, reports and summaries only once the community confirmed the project's
 * completion ({@code project.completed}); until then they are pending. The entries themselves never change (they are
 * hash-chained when the delivery arrives): the confirmation is a fact of the project, joined when figures are read.
 * A slip's entries count from the start: they are recorded when the community closed the slip, which is its
 * confirmation (services/ledger/README.md, "Slips").
 */
public final class Confirmation {

    private Confirmation() {
    }

    /** A condition on the entries or corrections aliased {@code alias}: their project is confirmed. */
    public static String confirmed(String alias) {
        return "(" + alias + ".origin = 'SLIP' OR EXISTS (SELECT 1 FROM project cp WHERE cp.project_id = " + alias
                + ".project_id AND cp.completed_at IS NOT NULL))";
    }

    public static String pending(String alias) {
        return "NOT " + confirmed(alias);
    }
}
