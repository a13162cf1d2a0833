package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlarmLayerSquaresTest {
    @Test
    void onlyTheMostUrgentSquareOfAPixelIsDrawn() {
        long[] xs = {10, 10, 11, 10, 11};
        long[] ys = {20, 20, 20, 21, 20};
        assertThat(AlarmLayer.visibleOnTop(xs, ys, 100, 100)).containsExactly(true, false, true, true, false);
    }

    @Test
    void squaresOffTheCanvasAreSkippedAndThoseAtItsEdgeKept() {
        long[] xs = {-5, -4, 104, 105, 50, 50};
        long[] ys = {50, 50, 50, 50, -5, 104};
        assertThat(AlarmLayer.visibleOnTop(xs, ys, 100, 100)).containsExactly(false, true, true, false, false, true);
    }

    @Test
    void negativeAndLargeCoordinatesDoNotCollide() {
        long[] xs = {-1, 4_095, -2, 0};
        long[] ys = {0, 0, -1, -1};
        assertThat(AlarmLayer.visibleOnTop(xs, ys, 10_000, 10_000)).containsExactly(true, true, true, true);
    }
}
