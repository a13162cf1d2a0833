package org.haechi.app.bench;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import org.haechi.core.asset.Asset;
import org.haechi.core.asset.AssetKind;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.position.TagPosition;
import org.haechi.map.layer.AssetLayer;
import org.haechi.map.layer.BasemapLayer;
import org.haechi.map.layer.PointIndex;
import org.haechi.map.layer.TagLayer;
import org.haechi.map.layer.ZoneLayer;
import org.haechi.map.query.ZoneContents;
import org.haechi.map.view.MapView;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;
import org.haechi.core.warning.WarningArea;

/**
 * {@code ./haechi bench map}: the whole-Seoul scene at 1920x1080, panned every frame at city and street zoom, then
 * the same markers as one JavaFX node each, in the same process. Frame intervals are taken between pulses with
 * {@code javafx.animation.fullspeed}, so they include the render thread, not only our drawing calls.
 */
public final class MapBench {
    static final int WIDTH = 1920;
    static final int HEIGHT = 1080;
    private static final Executor SAME_THREAD = Runnable::run;

    private MapBench() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        System.setProperty("javafx.animation.fullspeed", "true");
        System.out.println("building the scene ...");
        BenchCity city = new BenchCity();
        System.out.printf("cameras %d, access points %d, schools %d, tags %d, zones %d%n",
                city.count(AssetKind.CAMERA), city.count(AssetKind.ACCESS_POINT), city.count(AssetKind.SCHOOL),
                BenchCity.TAGS, city.zones.size());
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            try {
                new Run(city, frames, done).start();
            } catch (Exception e) {
                e.printStackTrace();
                done.countDown();
            }
        });
        done.await();
        Platform.exit();
        System.exit(0);
    }

    /** The phases, driven by one AnimationTimer on the FX thread. */
    private static final class Run {
        private final BenchCity city;
        private final int frames;
        private final CountDownLatch done;
        private final Stage stage = new Stage();
        private final MapView map = new MapView();
        private final TagLayer tags = new TagLayer(30, java.time.Clock.systemUTC());
        private final List<AssetLayer> assetLayers = new ArrayList<>();
        private final List<Double> paint = new ArrayList<>();
        private double[] cityIntervals;
        private double[] streetIntervals;
        private double hit;
        private double zone;

        Run(BenchCity city, int frames, CountDownLatch done) {
            this.city = city;
            this.frames = frames;
            this.done = done;
        }

        void start() throws Exception {
            ZoneLayer zones = new ZoneLayer(Clock.systemUTC());
            map.addLayer(BasemapLayer.seoul(true));
            map.addLayer(zones);
            assetLayers.add(new AssetLayer("schools", AssetKind.SCHOOL, Color.web("#f2c14e"), 25, SAME_THREAD));
            assetLayers.add(new AssetLayer("access points", AssetKind.ACCESS_POINT, Color.web("#42d392"), 6,
                    SAME_THREAD));
            assetLayers.add(new AssetLayer("cameras", AssetKind.CAMERA, Color.web("#4da3ff"), 3, SAME_THREAD));
            assetLayers.forEach(l -> {
                map.addLayer(l);
                l.setAssets(city.assets);
            });
            var tagEntry = map.addLayer(tags);
            tagEntry.visibleProperty().set(!Boolean.getBoolean("bench.noTags"));
            zones.apply(city.zones);
            String only = System.getProperty("bench.only");
            if (only != null) {
                map.layers().forEach(e -> e.visibleProperty().set(only.contains(e.layer().name())));
            }
            map.setOnFrame(paint::add);
            stage.setScene(new Scene(new StackPane(map), WIDTH, HEIGHT));
            stage.show();
            // setAssets hands the index back with runLater: measure once those have run.
            Platform.runLater(() -> Platform.runLater(this::cityPhase));
        }

        void cityPhase() {
            map.setViewport(new Viewport(WebMercator.x(126.99), WebMercator.y(37.56), 26, WIDTH, HEIGHT));
            measure(frames, intervals -> {
                cityIntervals = intervals;
                report("ours, city zoom", intervals);
                streetPhase();
            });
        }

        void streetPhase() {
            map.setViewport(new Viewport(WebMercator.x(127.0276), WebMercator.y(37.4979), 0.6, WIDTH, HEIGHT));
            measure(frames, intervals -> {
                streetIntervals = intervals;
                report("ours, street zoom", intervals);
                // Queries before the node scene, whose 139,000 nodes would leave garbage behind for the collector.
                hit = hitTestMs();
                zone = zoneQueryMs();
                nodePhase();
            });
        }

        void measure(int count, java.util.function.Consumer<double[]> then) {
            paint.clear();
            int[] redrawsSeen = new int[1];
            List<Integer> redrawFrames = new ArrayList<>();
            new FrameMeter(count, 60, (n) -> {
                if (paint.size() != redrawsSeen[0]) {
                    redrawsSeen[0] = paint.size();
                    redrawFrames.add(n);
                }
                double dx = (n / 150) % 2 == 0 ? 4 : -4;
                map.setViewport(map.viewport().panBy(dx, 1.5 * Math.signum(dx)));
                moveTags(n);
            }, intervals -> {
                System.out.println("  our drawing calls only: " + new Percentiles(paint.stream()
                        .mapToDouble(d -> d * 1000).toArray()).summary(" ms"));
                double[] slow = java.util.stream.IntStream.range(0, intervals.length)
                        .filter(i -> intervals[i] > 16.7).mapToDouble(i -> intervals[i]).toArray();
                System.out.println("  frames over 16.7 ms: " + slow.length + ", frames that redrew a canvas: "
                        + redrawFrames.size() + " at " + redrawFrames);
                then.accept(intervals);
            }).start();
        }

        private long lastTagStep;

        void moveTags(int n) {
            long now = System.nanoTime();
            if (now - lastTagStep > 1_000_000_000L) {
                lastTagStep = now;
                tags.addFixes(city.walker.step(1.0, Instant.now()));
            }
        }

        void nodePhase() {
            NodeScene nodes = new NodeScene(city, new Viewport(WebMercator.x(126.99), WebMercator.y(37.56), 26, WIDTH,
                    HEIGHT));
            stage.getScene().setRoot(new StackPane(nodes.root));
            int count = Math.max(20, frames / 10);
            new FrameMeter(count, 5, n -> {
                nodes.root.setTranslateX(nodes.root.getTranslateX() + ((n / 10) % 2 == 0 ? 4 : -4));
                nodes.moveTags(n);
            }, intervals -> {
                report("one node per marker, city zoom (" + nodes.nodeCount + " nodes)", intervals);
                finish(intervals);
            }).start();
        }

        void finish(double[] nodeIntervals) {
            double cityP95 = new Percentiles(cityIntervals).p(95);
            double streetP95 = new Percentiles(streetIntervals).p(95);
            double nodesP95 = new Percentiles(nodeIntervals).p(95);
            System.out.printf("RESULT map p95_ms_city=%.1f p95_ms_street=%.1f nodes_ratio=%.1f hit_ms=%.3f "
                    + "zone_query_ms=%.2f%n", cityP95, streetP95, nodesP95 / Math.max(cityP95, streetP95), hit, zone);
            done.countDown();
        }

        /**
         * p95 over 2,000 random clicks (20 on each of 100 random views, half at city and half at street zoom), through
         * every layer's hit test, on a map that has drawn the view, as when an operator clicks.
         */
        double hitTestMs() {
            Random random = new Random(1);
            double[] times = new double[2000];
            stage.getScene().setRoot(new StackPane(map));
            for (int i = 0; i < times.length; i++) {
                if (i % 20 == 0) {
                    double res = (i / 20) % 2 == 0 ? 26 : 0.6;
                    double lon = 126.9 + random.nextDouble() * 0.2;
                    double lat = 37.45 + random.nextDouble() * 0.15;
                    map.setViewport(new Viewport(WebMercator.x(lon), WebMercator.y(lat), res, WIDTH, HEIGHT));
                    map.paintNow();
                }
                long t0 = System.nanoTime();
                map.hit(random.nextDouble() * WIDTH, random.nextDouble() * HEIGHT);
                times[i] = (System.nanoTime() - t0) / 1e6;
            }
            Percentiles p = new Percentiles(times);
            System.out.println("hit test: " + p.summary(" ms"));
            return p.p(95);
        }

        /** Mean time to list the cameras, access points, schools and tags inside each of the 20 zones. */
        double zoneQueryMs() {
            List<PointIndex> indexes = assetLayers.stream().map(AssetLayer::index).toList();
            List<TagPosition> latest = tags.latest();
            double[] times = new double[city.zones.size() * 5];
            int found = 0;
            for (int round = 0; round < 5; round++) {
                for (int z = 0; z < city.zones.size(); z++) {
                    long t0 = System.nanoTime();
                    WarningArea area = city.zones.get(z).areas().get(0);
                    ZoneContents zone = area.circles().isEmpty() ? ZoneContents.polygon(area.polygons().get(0))
                            : ZoneContents.circle(area.circles().get(0).centre(),
                            area.circles().get(0).radiusKm() * 1000);
                    for (PointIndex index : indexes) {
                        found += zone.assetsIn(index).size();
                    }
                    found += zone.tagsIn(latest).size();
                    times[round * city.zones.size() + z] = (System.nanoTime() - t0) / 1e6;
                }
            }
            Percentiles p = new Percentiles(times);
            System.out.println("zone contents (" + found / 5 + " items in 20 zones): " + p.summary(" ms"));
            return java.util.Arrays.stream(times).average().orElse(Double.NaN);
        }

        static void report(String what, double[] intervals) {
            System.out.println(what + ": frame interval " + new Percentiles(intervals).summary(" ms"));
        }
    }

    /** The comparison scene: every marker a Rectangle node, every dong a Polygon node, panned by translation. */
    static final class NodeScene {
        final Group root = new Group();
        final int nodeCount;
        private final BenchCity city;
        private final Viewport v;
        private final java.util.Map<String, Rectangle> tagNodes = new java.util.HashMap<>();
        private long lastTagStep;

        NodeScene(BenchCity city, Viewport v) {
            this.city = city;
            this.v = v;
            try {
                for (BasemapLayer.Area a : BasemapLayer.seoul(true).dongs()) {
                    for (double[][] ring : a.rings()) {
                        Polygon p = new Polygon();
                        for (int i = 0; i < ring[0].length; i++) {
                            p.getPoints().addAll(v.screenX(ring[0][i]), v.screenY(ring[1][i]));
                        }
                        p.setFill(Color.web("#232d3b"));
                        p.setStroke(Color.web("#3a4a5e"));
                        root.getChildren().add(p);
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            for (Asset a : city.assets) {
                Rectangle r = new Rectangle(v.screenX(WebMercator.x(a.location().lon())) - 2,
                        v.screenY(WebMercator.y(a.location().lat())) - 2, 4, 4);
                r.setFill(a.kind() == AssetKind.CAMERA ? Color.web("#4da3ff") : a.kind() == AssetKind.SCHOOL
                        ? Color.web("#f2c14e") : Color.web("#42d392"));
                root.getChildren().add(r);
            }
            moveTags(0);
            nodeCount = root.getChildren().size();
        }

        void moveTags(int n) {
            long now = System.nanoTime();
            if (now - lastTagStep < 1_000_000_000L) {
                return;
            }
            lastTagStep = now;
            for (TagPosition p : city.walker.step(1.0, Instant.now())) {
                Rectangle r = tagNodes.computeIfAbsent(p.personId(), k -> {
                    Rectangle node = new Rectangle(4, 4, Color.web("#ff6fd8"));
                    root.getChildren().add(node);
                    return node;
                });
                GeoPoint g = p.location();
                r.setX(v.screenX(WebMercator.x(g.lon())) - 2);
                r.setY(v.screenY(WebMercator.y(g.lat())) - 2);
            }
        }
    }

    /** Counts pulses: after {@code warmup} frames, records {@code count} intervals between pulses. */
    static final class FrameMeter extends AnimationTimer {
        private final int count;
        private final int warmup;
        private final java.util.function.IntConsumer eachFrame;
        private final java.util.function.Consumer<double[]> then;
        private final double[] intervals;
        private int frame;
        private long last;

        FrameMeter(int count, int warmup, java.util.function.IntConsumer eachFrame,
                   java.util.function.Consumer<double[]> then) {
            this.count = count;
            this.warmup = warmup;
            this.eachFrame = eachFrame;
            this.then = then;
            this.intervals = new double[count];
        }

        @Override
        public void handle(long now) {
            if (frame > warmup) {
                intervals[frame - warmup - 1] = (now - last) / 1e6;
            }
            last = now;
            if (frame - warmup >= count) {
                stop();
                Platform.runLater(() -> then.accept(intervals));
                return;
            }
            eachFrame.accept(frame);
            frame++;
        }
    }
}
