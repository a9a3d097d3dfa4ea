package org.threelists.demand.api;

import org.threelists.demand.domain.DemandDetails;
import org.threelists.platform.json.Json;

import java.util.Map;

/** Request bodies as the service reads them, for tests outside the api package. */
public final class RequestBodies {

    private RequestBodies() {
    }

    public static DemandRequests.Submit submit(Map<String, Object> body) {
        return Json.mapper().convertValue(body, DemandRequests.Submit.class);
    }

    public static java.util.List<Class<?>> detailRequests() {
        return java.util.List.of(DemandRequests.Submit.class, DemandRequests.Amend.class);
    }

    public static Class<?> rejection() {
        return DemandRequests.Reject.class;
    }

    public static Class<?> withdrawal() {
        return DemandRequests.Reason.class;
    }

    public static DemandDetails details(DemandRequests.Submit request) {
        return request.details();
    }
}
