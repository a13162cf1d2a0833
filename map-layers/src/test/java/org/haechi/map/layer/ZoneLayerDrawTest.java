package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.haechi.core.geo.GeoPoint;
import org.haechi.core.warning.Warning;
import org.haechi.core.warning.WarningArea;
import org.haechi.map.view.Viewport;
import org.haechi.map.view.WebMercator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A warning's polygon of 40,000 corners is projected once and drawn from that, culled when out of view; the pixels
 * drawn are the same as when it is projected again for the draw (review, session 11: every base redraw projected it
 * and placed its label anew).
 */
class ZoneLayerDrawTest {
    static final GeoPoint CENTRE = new GeoPoint(37.55, 126.99);

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test of this JVM started JavaFX
        }
        // The tests of this JVM share one JavaFX runtime: a test that hides its last window must not end it.
        Platform.setImplicitExit(false);
    }

    /** A wavy ring of {@code n} corners around Seoul's centre, about 8 km across. */
    static List<GeoPoint> wavyRing(int n) {
        List<GeoPoint> ring = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            double r = 0.07 * (1 + 0.05 * Math.sin(40 * a));
            ring.add(new GeoPoint(CENTRE.lat() + r * Math.sin(a), CENTRE.lon() + r * 1.26 * Math.cos(a)));
        }
        ring.add(ring.get(0));
        return ring;
    }

    static Warning warning(List<GeoPoint> ring) {
        WarningArea area = new WarningArea("서울", List.of(ring), List.of(), List.of());
        return new Warning("W-BIG", "kma", ZoneLayerTest.SENT, "Alert", List.of(), "호우경보", "Severe", "Immediate",
                "Likely", "호우경보", null, ZoneLayerTest.SENT, null, List.of(area), List.of());
    }

    @Test
    void aHugePolygonIsProjectedOnceAndDrawsTheSamePixels() throws Exception {
        ZoneLayer zones = new ZoneLayer(Clock.fixed(ZoneLayerTest.SENT.plusSeconds(60), ZoneOffset.UTC));
        zones.attach(() -> { });
        zones.apply(List.of(warning(wavyRing(40_000))));
        Viewport city = new Viewport(WebMercator.x(CENTRE.lon()), WebMercator.y(CENTRE.lat()), 20, 800, 600);
        Viewport elsewhere = new Viewport(WebMercator.x(127.3), WebMercator.y(37.3), 2, 800, 600);

        int[] cached = onFx(() -> pixels(zones, city));
        assertThat(zones.shapesKept()).isEqualTo(1);
        int[] again = onFx(() -> pixels(zones, city));
        int[] fresh = onFx(() -> {
            zones.forgetShapes();
            return pixels(zones, city);
        });
        assertThat(again).isEqualTo(cached);
        assertThat(fresh).isEqualTo(cached);
        assertThat(java.util.Arrays.stream(cached).filter(p -> p != 0xff000000).count()).as("something is drawn")
                .isGreaterThan(10_000);
        int[] outOfView = onFx(() -> pixels(zones, elsewhere));
        assertThat(java.util.Arrays.stream(outOfView).allMatch(p -> p == 0xff000000)).as("culled").isTrue();

        zones.apply(List.of(warning(wavyRing(100)))); // the same alert again, with another ring
        assertThat(zones.shapesKept()).as("a replaced warning's projection is dropped").isZero();
    }

    private static int[] pixels(ZoneLayer zones, Viewport v) {
        Canvas canvas = new Canvas(v.width(), v.height());
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, v.width(), v.height());
        zones.draw(g, v);
        WritableImage image = canvas.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] out = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    private static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(30, TimeUnit.SECONDS);
    }
}
