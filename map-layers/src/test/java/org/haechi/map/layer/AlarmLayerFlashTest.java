package org.haechi.map.layer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The map repaints a flashing layer when its animation frame changes: for the alarm rings, twice a second. */
class AlarmLayerFlashTest {
    @Test
    void theRingsChangeEveryHalfSecondSoTheMapRepaintsNoMoreOftenThanThat() {
        AlarmLayer layer = new AlarmLayer();
        long t = 1_764_300_000_000L;
        long first = layer.animationFrame(t);
        assertThat(layer.animationFrame(t + 250)).isEqualTo(first);
        assertThat(layer.animationFrame(t + 499)).isEqualTo(first);
        assertThat(layer.animationFrame(t + 500)).isEqualTo(first + 1);
    }
}
