package org.threelists.demand.api;

import org.threelists.demand.domain.DemandDetails;
import org.threelists.platform.json.Json;

import java.util.Map;

/** Request bodies as the service reads them, for tests outside the api package. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static SubmitDemandRequest submit(Map<String, Object> body) {
        return Json.mapper().convertValue(body, SubmitDemandRequest.class);
    }

    public static java.util.List<Class<?>> detailRequests() {
        return java.util.List.of(SubmitDemandRequest.class, AmendDemandRequest.class);
    }

    public static Class<?> rejection() {
        return RejectDemandRequest.class;
    }

    public static Class<?> withdrawal() {
        return ReasonRequest.class;
    }

    public static DemandDetails details(SubmitDemandRequest request) {
        return request.details();
    }
}
