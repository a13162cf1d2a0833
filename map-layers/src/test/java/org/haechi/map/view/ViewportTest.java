package org.haechi.map.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViewportTest {
    private static final double CX = WebMercator.x(126.9780);
    private static final double CY = WebMercator.y(37.5665);
    private static final Viewport VIEW = new Viewport(CX, CY, 2.5, 1280, 800);

    @Test
    void centreOfTheWorldIsAtTheCentreOfTheScreen() {
        assertThat(VIEW.screenX(CX)).isCloseTo(640, within(1e-9));
        assertThat(VIEW.screenY(CY)).isCloseTo(400, within(1e-9));
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "640, 400", "1280, 800", "13.25, 799.5", "-200, 1500"})
    void screenAndWorldCoordinatesRoundTrip(double sx, double sy) {
        assertThat(VIEW.screenX(VIEW.worldX(sx))).isCloseTo(sx, within(1e-6));
        assertThat(VIEW.screenY(VIEW.worldY(sy))).isCloseTo(sy, within(1e-6));
    }

    @Test
    void worldToScreenRoundTrips() {
        double wx = CX + 1234.5;
        double wy = CY - 987.25;

        assertThat(VIEW.worldX(VIEW.screenX(wx))).isCloseTo(wx, within(1e-6));
        assertThat(VIEW.worldY(VIEW.screenY(wy))).isCloseTo(wy, within(1e-6));
    }

    @Test
    void screenYGrowsDownwardsWhileWorldYGrowsNorthwards() {
        assertThat(VIEW.screenY(CY + 100)).isLessThan(VIEW.screenY(CY));
        assertThat(VIEW.screenX(CX + 100)).isGreaterThan(VIEW.screenX(CX));
    }

    @Test
    void boundsSpanTheScreenAtTheResolution() {
        assertThat(VIEW.maxX() - VIEW.minX()).isCloseTo(1280 * 2.5, within(1e-6));
        assertThat(VIEW.maxY() - VIEW.minY()).isCloseTo(800 * 2.5, within(1e-6));
        assertThat(VIEW.minX()).isCloseTo(CX - 640 * 2.5, within(1e-6));
        assertThat(VIEW.maxY()).isCloseTo(CY + 400 * 2.5, within(1e-6));
    }

    @ParameterizedTest(name = "factor {0} at ({1}, {2})")
    @CsvSource({"2, 100, 700", "0.5, 1200, 50", "1.25, 640, 400", "3, 0, 0"})
    void zoomAtKeepsTheWorldPointUnderTheCursorFixed(double factor, double sx, double sy) {
        double wx = VIEW.worldX(sx);
        double wy = VIEW.worldY(sy);

        Viewport zoomed = VIEW.zoomAt(factor, sx, sy, 0.01, 10_000);

        assertThat(zoomed.resolution()).isCloseTo(2.5 / factor, within(1e-12));
        assertThat(zoomed.worldX(sx)).isCloseTo(wx, within(1e-6));
        assertThat(zoomed.worldY(sy)).isCloseTo(wy, within(1e-6));
        assertThat(zoomed.width()).isEqualTo(1280);
        assertThat(zoomed.height()).isEqualTo(800);
    }

    @Test
    void zoomAtClampsResolutionAndStillKeepsTheCursorPointFixed() {
        double wx = VIEW.worldX(300);
        double wy = VIEW.worldY(200);

        Viewport in = VIEW.zoomAt(1000, 300, 200, 0.5, 100);
        Viewport out = VIEW.zoomAt(0.001, 300, 200, 0.5, 100);

        assertThat(in.resolution()).isEqualTo(0.5);
        assertThat(out.resolution()).isEqualTo(100);
        assertThat(in.worldX(300)).isCloseTo(wx, within(1e-6));
        assertThat(in.worldY(200)).isCloseTo(wy, within(1e-6));
        assertThat(out.worldX(300)).isCloseTo(wx, within(1e-6));
        assertThat(out.worldY(200)).isCloseTo(wy, within(1e-6));
    }

    @Test
    void zoomingInAtTheCentreKeepsTheCentre() {
        Viewport zoomed = VIEW.zoomAt(2, 640, 400, 0.01, 10_000);

        assertThat(zoomed.centreX()).isCloseTo(CX, within(1e-6));
        assertThat(zoomed.centreY()).isCloseTo(CY, within(1e-6));
    }

    @Test
    void panByDragsTheMapWithThePointer() {
        double wx = VIEW.worldX(500);
        double wy = VIEW.worldY(300);

        Viewport panned = VIEW.panBy(40, -25);

        // The world point that was under (500, 300) is now under (540, 275).
        assertThat(panned.screenX(wx)).isCloseTo(540, within(1e-6));
        assertThat(panned.screenY(wy)).isCloseTo(275, within(1e-6));
        assertThat(panned.centreX()).isCloseTo(CX - 40 * 2.5, within(1e-6));
        assertThat(panned.centreY()).isCloseTo(CY - 25 * 2.5, within(1e-6));
        assertThat(panned.resolution()).isEqualTo(VIEW.resolution());
    }

    @Test
    void panByZeroChangesNothingAndPanningBackReturnsHome() {
        assertThat(VIEW.panBy(0, 0)).isEqualTo(VIEW);
        Viewport back = VIEW.panBy(123, 45).panBy(-123, -45);
        assertThat(back.centreX()).isCloseTo(CX, within(1e-6));
        assertThat(back.centreY()).isCloseTo(CY, within(1e-6));
    }

    @Test
    void withSizeAndWithCentreChangeOnlyWhatTheySay() {
        Viewport resized = VIEW.withSize(640, 480);
        Viewport moved = VIEW.withCentre(1, 2);

        assertThat(resized).isEqualTo(new Viewport(CX, CY, 2.5, 640, 480));
        assertThat(moved).isEqualTo(new Viewport(1, 2, 2.5, 1280, 800));
    }
}
