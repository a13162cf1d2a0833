package org.haechi.app.shell;

import java.util.ResourceBundle;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.haechi.app.alarm.AlarmBoardView;
import org.haechi.app.map.LayerPanel;
import org.haechi.app.status.StatusBarView;
import org.haechi.map.view.MapView;
import org.haechi.video.CameraWall;

/**
 * The main window's layout: map with layer and details panels on the left, camera wall above the alarm queue on
 * the right, status bar at the bottom. Layout only; no behaviour. FX thread.
 */
public final class MainWindow {
    private final BorderPane root = new BorderPane();

    public MainWindow(MapView map, javafx.scene.Node mapToolbar, LayerPanel layers, javafx.scene.Node warnings,
                      DetailsView details, javafx.scene.Node zoneContents, CameraWall wall, AlarmBoardView alarms,
                      StatusBarView status, javafx.scene.control.MenuBar menu, ResourceBundle text) {
        VBox side = new VBox(8, layers, warnings, details, zoneContents);
        side.setPrefWidth(270);
        side.setMinWidth(200);
        VBox.setVgrow(details, Priority.ALWAYS);
        StackPane mapStack = new StackPane(map);
        VBox mapPane = new VBox(mapToolbar, mapStack);
        VBox.setVgrow(mapStack, Priority.ALWAYS);
        mapPane.setMinWidth(300);
        Label wallTitle = new Label(text.getString("wall.title"));
        wallTitle.getStyleClass().add("panel-title");
        VBox wallBox = new VBox(wallTitle, wall);
        VBox.setVgrow(wall, Priority.ALWAYS);
        SplitPane right = new SplitPane(wallBox, alarms);
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.52);
        SplitPane main = new SplitPane(side, mapPane, right);
        main.setDividerPositions(0.16, 0.62);
        SplitPane.setResizableWithParent(side, false);
        root.setTop(menu);
        root.setCenter(main);
        root.setBottom(status);
    }

    public Parent root() {
        return root;
    }
}
