package org.threelists.platform.checkin;

/**
 * Where a check-in code may be used: a point (WGS 84) and a radius around it, as the person showing the code stands
 * there. Kept to whole microdegrees and metres, so that it fits the code in a few bytes.
 */
public record CheckInPlace(double latitude, double longitude, int radiusMetres) {

    public static final int MAX_RADIUS_METRES = 10_000;
    private static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public CheckInPlace {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("a place lies within latitude ±90 and longitude ±180");
        }
        if (radiusMetres < 1 || radiusMetres > MAX_RADIUS_METRES) {
            throw new IllegalArgumentException("a radius is 1 to " + MAX_RADIUS_METRES + " metres");
        }
        latitude = micro(latitude);
        longitude = micro(longitude);
    }

    /** Whether the position lies within the radius (great-circle distance, haversine). */
    public boolean contains(double atLatitude, double atLongitude) {
        return metresTo(atLatitude, atLongitude) <= radiusMetres;
    }

    public double metresTo(double atLatitude, double atLongitude) {
        double phi1 = Math.toRadians(latitude);
        double phi2 = Math.toRadians(atLatitude);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(atLongitude - longitude);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
    }

    static double micro(double degrees) {
        return Math.round(degrees * 1_000_000d) / 1_000_000d;
    }
}
