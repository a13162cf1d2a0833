package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** Layouts, fill, swap, full screen and keyboard shortcuts, without the FX toolkit. */
class WallLayoutTest {
    static final List<CameraSource> CAMS = IntStream.range(0, 20)
            .mapToObj(i -> new CameraSource("c" + i, "Cam " + i, "rtsp://127.0.0.1/c" + i, "rtsp://127.0.0.1/s" + i))
            .toList();
    final WallLayout layout = new WallLayout(4);
    int changes;

    WallLayoutTest() {
        layout.setOnChange(() -> changes++);
    }

    @Test
    void offersOneFourNineAndSixteenTiles() {
        assertThat(WallLayout.nearestSize(6)).isEqualTo(4);
        assertThat(WallLayout.nearestSize(12)).isEqualTo(9);
        assertThat(WallLayout.nearestSize(40)).isEqualTo(16);
        for (int size : WallLayout.SIZES) {
            layout.setSize(size);
            assertThat(layout.columns() * layout.columns()).isEqualTo(size);
            assertThat(layout.visiblePositions()).hasSize(size);
        }
        assertThatThrownBy(() -> layout.setSize(6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fillTakesAsManyCamerasAsTilesNearestFirstAndClearsTheRest() {
        layout.setSize(9);
        layout.fill(CAMS);
        assertThat(layout.cameras()).containsExactlyElementsOf(CAMS.subList(0, 9));
        layout.fill(List.of(CAMS.get(3), CAMS.get(3), CAMS.get(5)));
        assertThat(layout.cameras()).containsExactly(CAMS.get(3), CAMS.get(5), null, null, null, null, null, null,
                null);
    }

    @Test
    void smallerLayoutHidesCamerasAndLargerBringsThemBack() {
        layout.setSize(16);
        layout.fill(CAMS);
        layout.setSize(4);
        assertThat(layout.cameras()).containsExactlyElementsOf(CAMS.subList(0, 4));
        layout.setSize(16);
        assertThat(layout.cameras()).containsExactlyElementsOf(CAMS.subList(0, 16));
    }

    @Test
    void droppingACameraAlreadyOnTheWallSwapsInsteadOfShowingItTwice() {
        layout.fill(CAMS.subList(0, 3));
        layout.assign(3, CAMS.get(0));
        assertThat(layout.cameras()).containsExactly(null, CAMS.get(1), CAMS.get(2), CAMS.get(0));
        layout.assign(0, CAMS.get(9));
        assertThat(layout.camera(0)).isEqualTo(CAMS.get(9));
    }

    @Test
    void swapExchangesTilesAndSelectionFollowsTheCamera() {
        layout.fill(CAMS);
        layout.select(1);
        layout.swap(1, 2);
        assertThat(layout.cameras()).containsExactly(CAMS.get(0), CAMS.get(2), CAMS.get(1), CAMS.get(3));
        assertThat(layout.selected()).isEqualTo(2);
        assertThat(changes).isEqualTo(3);
    }

    @Test
    void soloShowsOneTileWithItsMainStreamAndTheOthersAreHidden() {
        layout.fill(CAMS);
        assertThat(layout.wantsMainStream(2)).isFalse();
        layout.toggleSolo(2);
        assertThat(layout.visiblePositions()).containsExactly(2);
        assertThat(layout.wantsMainStream(2)).isTrue();
        layout.toggleSolo(2);
        assertThat(layout.visiblePositions()).hasSize(4);
        layout.setSize(1);
        assertThat(layout.wantsMainStream(0)).isTrue();
    }

    @Test
    void keyboardChangesLayoutMovesSelectionSwapsAndGoesFullScreen() {
        assertThat(WallShortcuts.apply(layout, KeyCode.DIGIT3, false)).isEqualTo(WallShortcuts.Outcome.HANDLED);
        assertThat(layout.size()).isEqualTo(9);
        layout.fill(CAMS);
        WallShortcuts.apply(layout, KeyCode.RIGHT, false);
        WallShortcuts.apply(layout, KeyCode.DOWN, false);
        assertThat(layout.selected()).isEqualTo(4);
        WallShortcuts.apply(layout, KeyCode.RIGHT, true);
        assertThat(layout.camera(5)).isEqualTo(CAMS.get(4));
        assertThat(layout.camera(4)).isEqualTo(CAMS.get(5));
        assertThat(layout.selected()).isEqualTo(5);
        WallShortcuts.apply(layout, KeyCode.RIGHT, false);
        WallShortcuts.apply(layout, KeyCode.RIGHT, false);
        assertThat(layout.selected()).as("stays inside the grid").isEqualTo(5);
        WallShortcuts.apply(layout, KeyCode.ENTER, false);
        assertThat(layout.solo()).isEqualTo(5);
        WallShortcuts.apply(layout, KeyCode.ESCAPE, false);
        assertThat(layout.solo()).isEqualTo(-1);
        WallShortcuts.apply(layout, KeyCode.DELETE, false);
        assertThat(layout.camera(5)).isNull();
        assertThat(WallShortcuts.apply(layout, KeyCode.S, false)).isEqualTo(WallShortcuts.Outcome.SNAPSHOT);
        assertThat(WallShortcuts.apply(layout, KeyCode.Q, false)).isEqualTo(WallShortcuts.Outcome.NOT_HANDLED);
        WallShortcuts.apply(layout, KeyCode.DIGIT4, false);
        assertThat(layout.size()).isEqualTo(16);
        WallShortcuts.apply(layout, KeyCode.DIGIT1, false);
        assertThat(layout.size()).isEqualTo(1);
        assertThat(layout.selected()).isZero();
    }

    @Test
    void cameraTravelsWholeInADrag() {
        CameraSource c = new CameraSource("cam-7", "종로 1가 교차로", "rtsp://10.0.0.7/main", "rtsp://10.0.0.7/sub");
        assertThat(CameraDrag.decode(CameraDrag.encode(c))).contains(c);
        CameraSource single = new CameraSource("cam-8", "Gate", "http://10.0.0.8/cam.ts");
        assertThat(CameraDrag.decode(CameraDrag.encode(single))).contains(single);
        assertThat(CameraDrag.decode("rubbish")).isEmpty();
    }

    @Test
    void subStreamIsUsedOnlyForSmallTiles() {
        CameraSource c = CAMS.get(0);
        assertThat(c.streamUrl(false)).endsWith("/s0");
        assertThat(c.streamUrl(true)).endsWith("/c0");
        assertThat(new CameraSource("x", "x", "http://a", " ").streamUrl(false)).isEqualTo("http://a");
    }
}
