package org.threelists.testing.authz;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the suite calls one operation: the path parameters, query parameters and body that the resource's own caller
 * would send. Every row of the operation sends the same request; only the token changes, so what differs between rows
 * is the authorisation alone.
 */
public final class MatrixCall {

    private final Map<String, Object> pathParams = new LinkedHashMap<>();
    private final Map<String, Object> queryParams = new LinkedHashMap<>();
    private Object body;
    private boolean arranged = true;

    public static MatrixCall call() {
        return new MatrixCall();
    }

    /**
     * The suite does not yet arrange the resource this operation needs: its rows are checked for completeness only,
     * not called, and {@link AuthorisationMatrix#assertAnswers} lists them so the gap stays visible.
     */
    public static MatrixCall notArranged() {
        MatrixCall call = new MatrixCall();
        call.arranged = false;
        return call;
    }

    boolean arranged() {
        return arranged;
    }

    public MatrixCall path(String name, Object value) {
        pathParams.put(name, value);
        return this;
    }

    public MatrixCall query(String name, Object value) {
        queryParams.put(name, value);
        return this;
    }

    public MatrixCall body(Object body) {
        this.body = body;
        return this;
    }

    Map<String, Object> pathParams() {
        return pathParams;
    }

    Map<String, Object> queryParams() {
        return queryParams;
    }

    Object body() {
        return body;
    }
}
