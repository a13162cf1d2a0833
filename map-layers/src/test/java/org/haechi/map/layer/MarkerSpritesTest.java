package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The sprite's pixels, computed without the FX toolkit. */
class MarkerSpritesTest {
    static final Color FILL = Color.rgb(255, 210, 63, 0.9);
    static final double R = 8;
    static final double CENTRE = Math.ceil(2 * R + 2 * MarkerSprites.STROKE) / 2;

    static int alpha(int argb) {
        return argb >>> 24;
    }

    @Test
    void insideIsTheFillColourAtItsOpacity() {
        int p = MarkerSprites.pixel(FILL, R, CENTRE, (int) CENTRE, (int) CENTRE);
        assertThat(alpha(p)).isBetween(229, 230);
        assertThat(p & 0xFFFFFF).isEqualTo(0xFFD23F);
    }

    @Test
    void theEdgeIsAnOpaqueWhiteRing() {
        // a pixel whose centre lies on the circle of radius R, to the right of the centre
        int px = (int) Math.floor(CENTRE + R - 0.5);
        int p = MarkerSprites.pixel(FILL, R, CENTRE, px, (int) CENTRE);
        assertThat(alpha(p)).isEqualTo(255);
        assertThat(p & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void cornersAreTransparent() {
        assertThat(MarkerSprites.pixel(FILL, R, CENTRE, 0, 0)).isZero();
        int last = (int) (2 * CENTRE) - 1;
        assertThat(MarkerSprites.pixel(FILL, R, CENTRE, last, last)).isZero();
    }
}
