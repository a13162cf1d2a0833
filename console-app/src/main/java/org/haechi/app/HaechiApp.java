package org.haechi.app;

import java.time.Clock;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.animation.KeyFrame;
import javafx.animation.PauseTransition;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.haechi.app.alarm.AlarmActionMenu;
import org.haechi.app.alarm.AlarmBoardView;
import org.haechi.app.alarm.AlarmBoardViewModel;
import org.haechi.app.alarm.AlarmDetails;
import org.haechi.app.alarm.AlarmTableWarmUp;
import org.haechi.app.alarm.CriticalSound;
import org.haechi.app.alarm.OperatorWorkflow;
import org.haechi.app.camera.CameraChooser;
import org.haechi.app.map.ConsoleMap;
import org.haechi.app.map.LayerPanel;
import org.haechi.app.map.WarningsInForceView;
import org.haechi.app.metrics.ConsoleMetrics;
import org.haechi.app.shell.ConsoleStyle;
import org.haechi.app.shell.DetailsView;
import org.haechi.app.shell.LoginDialog;
import org.haechi.app.shell.MainWindow;
import org.haechi.app.shell.Screenshot;
import org.haechi.app.status.StatusBarView;
import org.haechi.app.status.StatusBarViewModel;
import org.haechi.core.alarm.Alarm;
import org.haechi.core.bus.BusStatus;
import org.haechi.core.bus.BusStatusListener;
import org.haechi.core.bus.DeadLetters;
import org.haechi.messaging.cache.OperatorActions;
import org.haechi.sim.SimRegistry;
import org.haechi.video.CameraWall;
import org.haechi.video.VideoEngine;

/** The composition root: builds every service and view, wires them, and tears them down in order. */
public final class HaechiApp extends Application {
    private static final Logger LOG = Logger.getLogger(HaechiApp.class.getName());
    static volatile LaunchOptions options;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService work = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "haechi-ui-work");
        t.setDaemon(true);
        return t;
    });
    private final CriticalSound sound = new CriticalSound();
    private final org.haechi.app.camera.StartupWallFill startupWall =
            new org.haechi.app.camera.StartupWallFill(SimRegistry.STREAM_CENTRE);
    private ConsoleRuntime runtime;
    private ConsoleMetrics metrics;
    private ConsoleMap map;
    private ConsoleFeeds feeds;
    private VideoEngine video;
    private CameraWall wall;
    private AlarmBoardViewModel board;
    private OperatorWorkflow workflow;
    /** The zone drawn last (FX thread): its contents are shown, an earlier one's are not. */
    private long zoneRequest;
    /** Starts the bus once the cache is read; stopped with the console. */
    private Thread connecting;
    private Stage stage;
    private WarningsInForceView warnings;
    /** The login dialog is open (FX thread). */
    private boolean loginOpen;

    /** For tests: start the console with these options instead of the command line's. */
    public static void useOptions(LaunchOptions launchOptions) {
        options = launchOptions;
    }

    @Override
    public void start(Stage primaryStage) throws Exception {
        stage = primaryStage;
        ResourceBundle text = ResourceBundle.getBundle("org.haechi.app.messages", options.locale());
        runtime = ConsoleRuntime.open(options, clock);
        video = VideoEngine.start();
        wall = new CameraWall(video, 2, 2, text, clock);
        metrics = new ConsoleMetrics(runtime::stats, wall::playingCount);
        map = new ConsoleMap(options.locale().getLanguage().equals("ko"), clock);
        map.view().setOnFrame(metrics::mapFrame);
        OperatorActions actions = runtime.operatorActions();
        board = new AlarmBoardViewModel((id, kind, note) -> {
            Alarm updated = actions.perform(id, kind, note);
            runtime.publishOutbox();
            return updated;
        }, work, Platform::runLater, clock);
        board.setOnNewCritical(a -> sound.play());
        board.setText(text);
        StatusBarViewModel status = new StatusBarViewModel(text);
        DetailsView details = new DetailsView(text);
        feeds = new ConsoleFeeds(board, map, metrics);
        board.setResultSink(feeds::offerAlarms);
        wireSelection(details);
        wireWall();
        org.haechi.app.map.ZoneContentsView zoneContents = new org.haechi.app.map.ZoneContentsView(f -> {
            details.show(f);
            map.view().centreOn(new org.haechi.core.geo.GeoPoint(f.lat(), f.lon()),
                    Math.min(map.view().viewport().resolution(), 2));
        }, text);
        org.haechi.app.map.MapToolbar toolbar = new org.haechi.app.map.MapToolbar(map, zone -> showContents(
                zoneContents, zone.description(), text, (shown, failed) -> map.contentsOf(zone.contents(), shown,
                        failed)), text);
        AlarmBoardView boardView = new AlarmBoardView(board, text);
        workflow = new OperatorWorkflow(actions, runtime::publishOutbox);
        boardView.setActions(new AlarmActionMenu(board.selectedProperty()::get, workflow, work, Platform::runLater,
                board::actionDone, board::reportError, text, clock));
        warnings = new WarningsInForceView(map::centreOn, w -> showContents(zoneContents,
                WarningsInForceView.headline(w), text, (shown, failed) -> map.contentsOf(w, shown, failed)), text);
        MainWindow window = new MainWindow(map.view(), toolbar, new LayerPanel(map.view(), text), warnings, details,
                zoneContents, wall, boardView, new StatusBarView(status), menu(text), text);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(window.root(), Math.min(1600, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(ConsoleStyle.CSS);
        stage.setTitle(text.getString("app.title") + "  [" + runtime.consoleId() + "]");
        AlarmTableWarmUp.primeInScene(boardView, scene, map::drawMeanwhile, map::drawAlarmsAgain);
        stage.setScene(scene);
        stage.show();
        AlarmTableWarmUp.run(text, scene.getStylesheets(), Platform::runLater);
        map.view().centreOn(SimRegistry.STREAM_CENTRE, 45);
        feeds.start();
        var cacheLoaded = feeds.loadFromCache(runtime.cache());
        startTimers(status);
        connectInBackground(status, text, cacheLoaded);
        scheduleExit(scene);
    }

    /**
     * Lists what is inside a drawn zone or a warning's areas once the map has counted it (off the FX thread). Only
     * the one asked for last is shown: a slow city-wide one answered late must not replace it. FX thread.
     */
    private void showContents(org.haechi.app.map.ZoneContentsView view, String what, ResourceBundle text,
                              java.util.function.BiConsumer<java.util.function.Consumer<List<
                                      org.haechi.map.view.MapFeature>>, java.util.function.Consumer<String>> count) {
        long request = ++zoneRequest;
        view.show(what + ": " + text.getString("zone.counting"), List.of());
        count.accept(items -> {
            if (request == zoneRequest) {
                view.show(what + ": " + ZoneSummary.of(items, text), items);
            }
        }, why -> {
            if (request == zoneRequest) {
                view.show(what + ": " + String.format(text.getString("zone.failed"), why), List.of());
            }
        });
    }

    private MenuBar menu(ResourceBundle text) {
        var rejected = new javafx.scene.control.MenuItem(text.getString("menu.rejected"));
        rejected.setOnAction(e -> new org.haechi.app.shell.RejectedMessagesView(text).show(stage,
                () -> runtime.cache().rejected().newest(2000), () -> runtime.cache().rejected().count(), work));
        var closed = new javafx.scene.control.MenuItem(text.getString("menu.closed"));
        closed.setOnAction(e -> new org.haechi.app.alarm.ClosedAlarmsView(text).show(stage,
                () -> runtime.cache().alarms().recentlyClosed(500), workflow, work, Platform::runLater,
                board::actionDone));
        var importData = new javafx.scene.control.MenuItem(text.getString("menu.import"));
        importData.setOnAction(e -> new org.haechi.app.importer.ImportDialog(runtime.cache(), work, imported -> {
            map.putAssets(imported.result().assets());
            if (!imported.result().features().isEmpty()) {
                map.addImportedLayer(imported.layerName(), imported.result().features());
            }
        }).show(stage));
        var about = new javafx.scene.control.MenuItem(text.getString("menu.about"));
        about.setOnAction(e -> {
            var alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION,
                    text.getString("about.text"));
            alert.setHeaderText(text.getString("app.title"));
            alert.initOwner(stage);
            alert.show();
        });
        return new MenuBar(new Menu("Haechi", null, importData, closed, rejected, about));
    }

    private void wireSelection(DetailsView details) {
        map.view().setOnSelection(f -> {
            details.show(f.orElse(null));
            f.filter(x -> x.id().startsWith("cluster:")).ifPresent(c -> map.view().centreOn(
                    new org.haechi.core.geo.GeoPoint(c.lat(), c.lon()), map.view().viewport().resolution() / 3));
        });
        board.selectedProperty().addListener((o, old, alarm) -> {
            // A newer version of the same alarm (acknowledged here or at another console) refreshes the details;
            // the map and the wall stay where the operator left them.
            boolean sameAlarm = old != null && alarm != null && old.id().equals(alarm.id());
            if (!sameAlarm) {
                map.focus(alarm);
            }
            if (alarm != null) {
                List<org.haechi.core.asset.Asset> seeing = alarm.location() == null ? List.of()
                        : map.camerasSeeing(alarm.location());
                details.show(AlarmDetails.of(alarm, seeing));
                showWorkflow(details, alarm, seeing);
            }
            if (!sameAlarm && alarm != null && alarm.location() != null) {
                wall.show(map.wallCamerasFor(alarm.location(), wall.tileCount()).stream().map(CameraChooser::source)
                        .toList());
            }
        });
    }

    private void wireWall() {
        var audit = runtime.cache().actions().audit();
        org.haechi.app.camera.WallWiring.wire(wall, map, runtime.consoleId(), clock, alarm -> {
            Alarm stored = runtime.cache().raised().raise(alarm, runtime.consoleId(), options.operator());
            if (stored != null) {
                feeds.offerAlarms(List.of(stored));
                runtime.publishOutbox();
            }
        }, runtime.dataDir().resolve("snapshots"), s -> audit.appendSnapshot(runtime.consoleId(),
                options.operator(), s.cameraId(), s.file(), s.sha256()), work);
    }

    /** Adds the operators' work on the alarm (read off the FX thread) once known, if it is still selected. */
    private void showWorkflow(DetailsView details, Alarm alarm, List<org.haechi.core.asset.Asset> seeing) {
        work.execute(() -> {
            try {
                var folded = runtime.cache().actions().folded(alarm.id());
                if (folded.actions() > 0) {
                    Platform.runLater(() -> {
                        Alarm now = board.selectedProperty().get();
                        if (now != null && now.id().equals(alarm.id())) {
                            details.show(AlarmDetails.of(now, seeing, folded));
                        }
                    });
                }
            } catch (Exception e) {
                LOG.log(Level.WARNING, "alarm workflow not read", e);
            }
        });
    }

    private void startTimers(StatusBarViewModel status) {
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            board.wakeSnoozed();
            map.flushAssets();
            warnings.show(map.warningsInForce());
            status.update(runtime.stats(), metrics.rejectedTotal(), map.assetCount(), map.tagCount(),
                    metrics.storeFailure());
            if (!startupWall.isDone()) {
                startupWall.next(wall.wallLayout().cameras(), map.streamedCameras(),
                        board.selectedProperty().get() != null).forEach(wall.wallLayout()::assign);
            }
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
    }

    /** {@code cacheLoaded}: what the cache held is on its way to the screen, so the bus's news comes after it. */
    private void connectInBackground(StatusBarViewModel status, ResourceBundle text,
                                     java.util.concurrent.CompletableFuture<Void> cacheLoaded) {
        String user = System.getenv("HAECHI_BROKER_USER");
        String password = System.getenv("HAECHI_BROKER_PASSWORD");
        boolean typed = !options.embeddedBroker() && user == null && options.exitAfterSec() == 0;
        if (typed) {
            var login = LoginDialog.ask(stage, options.brokerUrl(), null, text);
            user = login.map(LoginDialog.Credentials::user).orElse(null);
            password = login.map(LoginDialog.Credentials::password).orElse(null);
        }
        String loginUser = user;
        String loginPassword = password;
        // A thread of its own: the start waits for the cache load and the broker, and the operator's actions must
        // not queue behind it on the two workers.
        connecting = new Thread(() -> {
            serveMetrics();
            try {
                cacheLoaded.get();
            } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                return; // stopped while the cache was read
            }
            try {
                runtime.connect(feeds.sinks(), new BusStatusListener() {
                    @Override
                    public void statusChanged(BusStatus s) {
                        metrics.brokerConnected(s.connected());
                        metrics.sendsHeldBack(s.sendsHeldBack());
                        Platform.runLater(() -> status.busStatus(s));
                    }

                    @Override
                    public void deadLettersCounted(DeadLetters d) {
                        metrics.deadLettered(d.count());
                        Platform.runLater(() -> status.deadLetters(d));
                    }

                    @Override
                    public void loginRefused(String refusedUser) {
                        if (typed) {
                            Platform.runLater(() -> askLoginAgain(refusedUser, text));
                        }
                    }
                }, loginUser, loginPassword);
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "bus not started", e);
                Platform.runLater(() -> status.busStatus(runtime.offlineStatus(e.getMessage())));
            }
        }, "haechi-connect");
        connecting.setDaemon(true);
        connecting.start();
    }

    /** A metrics port that is taken costs the metrics, never the bus. */
    private void serveMetrics() {
        if (options.metricsPort() <= 0) {
            return;
        }
        try {
            metrics.serve(options.metricsPort());
        } catch (Exception e) {
            LOG.log(Level.WARNING, "metrics not served on 127.0.0.1:" + options.metricsPort() + ": " + e);
        }
    }

    /**
     * The broker refused the credentials the operator typed: asks again (once at a time). Cancelled, the bus tries the
     * same ones again after minutes, and the status bar says why it is offline.
     */
    private void askLoginAgain(String refusedUser, ResourceBundle text) {
        if (loginOpen) {
            return;
        }
        loginOpen = true;
        try {
            LoginDialog.ask(stage, options.brokerUrl(), refusedUser, text)
                    .ifPresent(c -> work.execute(() -> runtime.login(c.user(), c.password())));
        } finally {
            loginOpen = false;
        }
    }

    private void scheduleExit(Scene scene) {
        if (options.exitAfterSec() <= 0) {
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(options.exitAfterSec()));
        wait.setOnFinished(e -> {
            if (options.screenshot() != null) {
                try {
                    Screenshot.write(scene, options.screenshot());
                    LOG.info("screenshot written to " + options.screenshot());
                } catch (Exception ex) {
                    LOG.log(Level.SEVERE, "screenshot failed", ex);
                }
            }
            Platform.exit();
        });
        wait.play();
    }

    @Override
    public void stop() {
        if (connecting != null) {
            connecting.interrupt();
        }
        if (feeds != null) {
            feeds.stop();
        }
        if (wall != null) {
            wall.release();
        }
        if (video != null) {
            video.close();
        }
        if (runtime != null) {
            runtime.close();
        }
        if (metrics != null) {
            metrics.close();
        }
        if (map != null) {
            map.close();
        }
        sound.close();
        work.shutdownNow();
        if (!Boolean.getBoolean("haechi.noExit")) {
            System.exit(0);
        }
    }

    /** The running services, for tests that drive the real window. */
    public ConsoleRuntime runtimeForTests() {
        return runtime;
    }
}
