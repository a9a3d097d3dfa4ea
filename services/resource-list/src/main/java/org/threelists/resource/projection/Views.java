package org.threelists.resource.projection;

import io.quarkus.hibernate.orm.panache.Panache;

/** The resource list's read models: one subscribing processor keeps them all, inside the writing transaction. */
public final class Views {

    public static final String PROCESSOR = "resource-list-views";

    private Views() {
    }

    static <T> T require(Class<T> type, Object id) {
        T view = Panache.getEntityManager().find(type, id);
        if (view == null) {
            throw new IllegalStateException(type.getSimpleName() + " " + id + " is missing");
        }
        return view;
    }
}
