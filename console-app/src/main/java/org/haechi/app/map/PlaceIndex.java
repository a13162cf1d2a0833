package org.haechi.app.map;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.geo.GeoPoint;
import org.haechi.map.layer.BasemapLayer;
import org.locationtech.jts.geom.Envelope;

/**
 * Places the operator can search by name or address, in Korean or English: districts and dongs of the basemap,
 * schools, access points and real camera sites (by address). Immutable once built; any thread.
 */
public final class PlaceIndex {
    /** A place: label shown, where to go, at what resolution. */
    public record Place(String label, GeoPoint centre, double resolution) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final List<Place> places;

    private PlaceIndex(List<Place> places) {
        this.places = places;
    }

    public static PlaceIndex build(BasemapLayer basemap, Collection<Asset> assets) {
        List<Place> out = new ArrayList<>();
        for (BasemapLayer.Area a : basemap.districts()) {
            out.add(area(a.name() + " (" + a.nameEng() + ")", a, 1.2));
        }
        for (BasemapLayer.Area a : basemap.dongs()) {
            out.add(area(a.name() + " (" + a.nameEng() + ")", a, 1.2));
        }
        for (Asset asset : assets) {
            if (asset.isSynthetic() || asset.name() == null || asset.name().isBlank()) {
                continue;
            }
            String kind = asset.kind() == AssetKind.SCHOOL ? "school" : asset.kind() == AssetKind.ACCESS_POINT
                    ? "WiFi" : asset.kind() == AssetKind.CAMERA ? "CCTV" : asset.kind().name();
            out.add(new Place(asset.name() + " [" + kind + " " + asset.id() + "]", asset.location(), 0.8));
        }
        return new PlaceIndex(List.copyOf(out));
    }

    private static Place area(String label, BasemapLayer.Area a, double margin) {
        Envelope e = a.wgs84().getEnvelopeInternal();
        double metresWide = e.getWidth() * 111_320 * Math.cos(Math.toRadians(e.centre().y));
        double metresHigh = e.getHeight() * 111_320;
        // Fit about 1000 x 700 pixels, in Web Mercator metres per pixel.
        double scale = 1 / Math.cos(Math.toRadians(e.centre().y));
        double resolution = Math.max(metresWide / 1000, metresHigh / 700) * margin * scale;
        return new Place(label, new GeoPoint(e.centre().y, e.centre().x), resolution);
    }

    /** Places whose label contains the text (case-insensitive), those starting with it first; at most {@code max}. */
    public List<Place> search(String text, int max) {
        String q = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return List.of();
        }
        return places.stream().filter(p -> p.label().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing((Place p) -> !p.label().toLowerCase(Locale.ROOT).startsWith(q))
                        .thenComparing(p -> p.label().length()))
                .limit(max).toList();
    }

    /** The 25 districts, for "go to district". */
    public List<Place> districts() {
        return places.stream().filter(p -> p.label().contains("-gu)")).toList();
    }
}
