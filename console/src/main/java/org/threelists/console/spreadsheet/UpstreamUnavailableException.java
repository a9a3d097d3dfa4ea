package org.threelists.console.spreadsheet;

/** A service did not answer the console's request. */
public class UpstreamUnavailableException extends RuntimeException {

    private final String service;

    public UpstreamUnavailableException(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
