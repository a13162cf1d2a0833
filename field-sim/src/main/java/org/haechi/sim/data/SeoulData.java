package org.haechi.sim.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.asset.AssetStatus;
import org.haechi.core.geo.GeoPoint;
import org.locationtech.jts.geom.Point;
import org.wololo.geojson.Feature;
import org.wololo.geojson.FeatureCollection;
import org.wololo.geojson.GeoJSONFactory;
import org.wololo.jts2geojson.GeoJSONReader;

/**
 * The real Seoul data shipped with the simulator (see seoul/SOURCES.md for origins and terms): district
 * boundaries, Gangnam CCTV sites, public WiFi access points, elementary schools and per-district camera counts.
 * Loaded once; immutable; any thread.
 */
public final class SeoulData {
    private static final String BASE = "/org/haechi/sim/seoul/";
    private final List<District> districts;
    private final List<Asset> gangnamCameras;
    private final List<Asset> accessPoints;
    private final List<Asset> schools;
    private final Map<String, Integer> cameraCounts;

    private SeoulData(List<District> districts, List<Asset> gangnamCameras, List<Asset> accessPoints,
                      List<Asset> schools, Map<String, Integer> cameraCounts) {
        this.districts = districts;
        this.gangnamCameras = gangnamCameras;
        this.accessPoints = accessPoints;
        this.schools = schools;
        this.cameraCounts = cameraCounts;
    }

    public static SeoulData load() throws IOException {
        GeoJSONReader reader = new GeoJSONReader();
        List<District> districts = new ArrayList<>();
        for (Feature f : features("districts-2018.geojson")) {
            Map<String, Object> p = f.getProperties();
            districts.add(new District(str(p, "name"), str(p, "name_eng"), str(p, "code"),
                    reader.read(f.getGeometry())));
        }
        return new SeoulData(districts, points("cctv-gangnam-2017.geojson", SeoulData::camera),
                points("public-wifi-2016.geojson", SeoulData::accessPoint),
                points("elementary-schools-2025.geojson", SeoulData::school), CameraCounts.read(open(
                        "cctv-count-by-gu-2025.csv")));
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = SeoulData.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IOException("missing resource " + BASE + name);
        }
        return in;
    }

    private static Feature[] features(String name) throws IOException {
        try (InputStream in = open(name)) {
            return ((FeatureCollection) GeoJSONFactory.create(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8))).getFeatures();
        }
    }

    private static List<Asset> points(String name, BiFunction<Integer, Feature, Asset> toAsset) throws IOException {
        List<Asset> out = new ArrayList<>();
        Feature[] features = features(name);
        for (int i = 0; i < features.length; i++) {
            out.add(toAsset.apply(i + 1, features[i]));
        }
        return out;
    }

    private static GeoPoint location(Feature f) {
        Point p = (Point) new GeoJSONReader().read(f.getGeometry());
        return new GeoPoint(p.getY(), p.getX());
    }

    private static Asset camera(int n, Feature f) {
        Map<String, Object> p = f.getProperties();
        String view = str(p, "촬영방면정보");
        boolean allAround = view.replace(" ", "").startsWith("360");
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("purpose", str(p, "설치목적구분"));
        attrs.put("cameras", str(p, "카메라대수"));
        attrs.put("resolution", str(p, "카메라화소수"));
        attrs.put("view", view);
        attrs.put("retentionDays", str(p, "보관일수"));
        attrs.put("installed", str(p, "설치년월"));
        attrs.put("district", "강남구");
        attrs.put("source", "Gangnam-gu office, national CCTV standard dataset 2017-11-13");
        String name = str(p, "소재지도로명주소").isBlank() ? str(p, "소재지지번주소") : str(p, "소재지도로명주소");
        return new Asset(AssetKind.CAMERA, String.format("cam-gn-%05d", n), location(f), name, AssetStatus.ONLINE,
                null, allAround ? 0 : Double.NaN, allAround ? 360 : Double.NaN, allAround ? 50 : Double.NaN, attrs);
    }

    private static Asset accessPoint(int n, Feature f) {
        Map<String, Object> p = f.getProperties();
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("ssid", str(p, "와이파이SSID"));
        attrs.put("district", str(p, "설치시군구명"));
        attrs.put("facility", str(p, "설치시설구분"));
        attrs.put("address", str(p, "소재지도로명주소"));
        attrs.put("source", "national public WiFi standard dataset 2016");
        return new Asset(AssetKind.ACCESS_POINT, String.format("ap-%05d", n), location(f), str(p, "설치장소명"),
                AssetStatus.ONLINE, null, Double.NaN, Double.NaN, Double.NaN, attrs);
    }

    private static Asset school(int n, Feature f) {
        Map<String, Object> p = f.getProperties();
        Map<String, String> attrs = new LinkedHashMap<>();
        attrs.put("address", str(p, "소재지도로명주소"));
        attrs.put("founded", str(p, "설립일자"));
        attrs.put("protectionZoneM", "300");
        attrs.put("source", "national school location standard dataset 2025-03-25");
        String id = str(p, "학교ID");
        return new Asset(AssetKind.SCHOOL, id.isBlank() ? String.format("school-%04d", n) : "school-" + id,
                location(f), str(p, "학교명"), AssetStatus.ONLINE, null, Double.NaN, Double.NaN, Double.NaN, attrs);
    }

    static String str(Map<String, Object> p, String key) {
        Object v = p == null ? null : p.get(key);
        return v == null ? "" : v.toString().trim();
    }

    public List<District> districts() {
        return districts;
    }

    public List<Asset> gangnamCameras() {
        return gangnamCameras;
    }

    public List<Asset> accessPoints() {
        return accessPoints;
    }

    public List<Asset> schools() {
        return schools;
    }

    /** Cameras linked to each district centre in 2025, by Korean district name (e.g. 강남구 -> 8600). */
    public Map<String, Integer> cameraCounts() {
        return cameraCounts;
    }
}
