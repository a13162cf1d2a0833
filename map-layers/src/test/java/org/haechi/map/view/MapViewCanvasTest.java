package org.haechi.map.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real map view in a real window, laid out at a fractional size (as a split pane's divider leaves it): its
 * canvases keep whole-pixel sizes and positions, which the software pipeline draws as a copy rather than
 * filtering every pixel.
 */
class MapViewCanvasTest {

    @Test
    void canvasesHaveWholePixelSizesAndPositionsAtAFractionalViewSize() throws Exception {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test of this JVM started JavaFX
        }
        // The tests of this JVM share one JavaFX runtime: a test that hides its last window must not end it.
        Platform.setImplicitExit(false);
        MapView view = onFx(() -> {
            MapView v = new MapView();
            v.setManaged(false);
            Pane root = new Pane(v);
            v.resizeRelocate(10, 10, 700.4, 500.6);
            Stage stage = new Stage();
            stage.setScene(new Scene(root, 800, 600));
            stage.show();
            return v;
        });
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (onFx(() -> view.getChildrenUnmodifiable().stream().filter(Canvas.class::isInstance)
                .anyMatch(c -> ((Canvas) c).getWidth() == 0)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<Canvas> canvases = onFx(() -> view.getChildrenUnmodifiable().stream()
                .filter(Canvas.class::isInstance).map(Canvas.class::cast).toList());
        assertThat(canvases).hasSize(2);
        for (Canvas c : canvases) {
            double[] geometry = onFx(() -> new double[] {c.getWidth(), c.getHeight(), c.getLayoutX(), c.getLayoutY()});
            for (double v : geometry) {
                assertThat(v).as("whole pixels").isEqualTo(Math.rint(v));
            }
            assertThat(geometry[0]).isGreaterThanOrEqualTo(700.4 + 2 * MapView.MARGIN);
        }
        onFx(() -> {
            view.getScene().getWindow().hide();
            return null;
        });
    }

    /** The task's value, computed on the FX thread (TestFX's asynchronous helper), waiting at most 10 s. */
    private static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
    }
}
