package org.haechi.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real nine-tile wall on a real RTSP stream (640x360; libvlc reports its padded buffer, 640x384, when it asks for
 * the frame size): the tile ends up with frames of the picture's true shape, drawn pixel for pixel (a picture
 * scaled by JavaFX's software pipeline is filtered, several times the cost of a copy), and a second tile on the same
 * stream gets the right shape from its first frame.
 */
class CameraTileShapeTest {
    @TempDir
    static Path clips;
    static VideoFixture video;
    static String url;
    static CameraWall wall;
    static Stage stage;

    @BeforeAll
    static void open() throws Exception {
        video = VideoFixture.open(clips);
        url = video.streams.rtsp.serve("shape", "SHAPE", LocalStreams.freePort());
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyStarted) {
            // another test of this JVM started JavaFX
        }
        onFx(() -> {
            wall = new CameraWall(video.engine, 9, new KeysAsText(), Clock.systemUTC());
            stage = new Stage();
            stage.setScene(new Scene(wall, 1280, 720));
            stage.show();
            return null;
        });
    }

    @AfterAll
    static void close() throws Exception {
        if (wall != null) {
            onFx(() -> {
                wall.release();
                stage.close();
                return null;
            });
        }
        if (video != null) {
            video.close();
        }
    }

    @Test
    void framesTakeThePicturesShapeAndAreDrawnOneToOne() throws Exception {
        CameraSource first = new CameraSource("cam-a", "A", url);
        onFx(() -> {
            wall.show(List.of(first));
            return null;
        });
        ImageView a = picture(0);
        LocalStreams.waitFor(() -> call(() -> oneToOneOfShape(a)), 30);
        assertThat(call(() -> oneToOneOfShape(a))).as(describe(a)).isTrue();

        // The same stream on a second tile: libvlc is asked for the right shape before its first frame.
        onFx(() -> {
            wall.show(List.of(first, new CameraSource("cam-b", "B", url)));
            return null;
        });
        ImageView b = picture(1);
        LocalStreams.waitFor(() -> call(() -> b.getImage() != null), 30);
        Image firstImage = call(b::getImage);
        assertThat(firstImage).isNotNull();
        assertThat(firstImage.getWidth() / firstImage.getHeight()).as("first frame's shape")
                .isCloseTo(640.0 / 360.0, Offset.offset(640.0 / 360.0 * 0.02));
        LocalStreams.waitFor(() -> call(() -> oneToOneOfShape(b)), 10);
        assertThat(call(() -> oneToOneOfShape(b))).as(describe(b)).isTrue();
    }

    private static boolean oneToOneOfShape(ImageView view) {
        Image image = view.getImage();
        return image != null && view.getFitWidth() == image.getWidth() && view.getFitHeight() == image.getHeight()
                && Math.abs(image.getWidth() / image.getHeight() / (640.0 / 360.0) - 1) <= 0.02;
    }

    private static String describe(ImageView view) {
        return call(() -> {
            Image image = view.getImage();
            return "frames " + (image == null ? "none" : image.getWidth() + "x" + image.getHeight()) + ", drawn "
                    + view.getFitWidth() + "x" + view.getFitHeight();
        });
    }

    private static ImageView picture(int position) {
        return call(() -> (ImageView) wall.tiles().get(position).getChildrenUnmodifiable().get(0));
    }

    private static <T> T call(Supplier<T> task) {
        try {
            return onFx(task::get);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The task's value, computed on the FX thread (TestFX's asynchronous helper), waiting at most 10 s. */
    private static <T> T onFx(Callable<T> task) throws Exception {
        return WaitForAsyncUtils.asyncFx(task).get(10, TimeUnit.SECONDS);
    }

    /** Every text key stands for itself. */
    static final class KeysAsText extends ResourceBundle {
        @Override
        protected Object handleGetObject(String key) {
            return key;
        }

        @Override
        public Enumeration<String> getKeys() {
            return Collections.emptyEnumeration();
        }
    }
}
