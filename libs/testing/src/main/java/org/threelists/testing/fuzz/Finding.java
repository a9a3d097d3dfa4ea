package org.threelists.testing.fuzz;

/** A case whose answer broke a promise: what was sent, what came back, and which promise. */
public record Finding(String operation, String label, String request, String outcome) {

    @Override
    public String toString() {
        return operation + " — " + label + "\n    request: " + request + "\n    " + outcome;
    }
}
