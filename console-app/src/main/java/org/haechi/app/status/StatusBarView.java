package org.haechi.app.status;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/** The status bar; binds to its view model. */
public final class StatusBarView extends HBox {
    public StatusBarView(StatusBarViewModel vm) {
        getStyleClass().add("status-bar");
        Label connection = new Label();
        connection.setId("status-connection");
        connection.textProperty().bind(vm.connectionProperty());
        vm.connectedProperty().addListener((o, a, b) -> style(connection, vm));
        vm.sendsHeldBackProperty().addListener((o, a, b) -> style(connection, vm));
        style(connection, vm);
        Label open = bound(vm.openAlarmsProperty(), "status-open");
        Label rejected = bound(vm.rejectedProperty(), "status-rejected");
        Label cache = bound(vm.cacheProperty(), "status-cache");
        vm.cacheFailingProperty().addListener((o, a, failing) -> styleCache(cache, failing));
        styleCache(cache, vm.cacheFailingProperty().get());
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.cacheProblemProperty());
        vm.cacheProblemProperty().addListener((o, a, problem) -> cache.setTooltip(problem == null ? null : why));
        cache.setTooltip(vm.cacheProblemProperty().get() == null ? null : why);
        Label deadLetters = bound(vm.deadLettersProperty(), "status-dead-letters");
        deadLetters.getStyleClass().add("status-offline");
        deadLetters.visibleProperty().bind(vm.deadLettersProperty().isNotEmpty());
        deadLetters.managedProperty().bind(deadLetters.visibleProperty());
        Tooltip byAddress = new Tooltip();
        byAddress.textProperty().bind(vm.deadLettersByAddressProperty());
        deadLetters.setTooltip(byAddress);
        Label assets = bound(vm.assetsProperty(), "status-assets");
        getChildren().addAll(connection, open, rejected, deadLetters, cache, assets);
    }

    private static Label bound(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        return l;
    }

    private static void styleCache(Label cache, boolean failing) {
        cache.getStyleClass().remove("status-offline");
        if (failing) {
            cache.getStyleClass().add("status-offline");
        }
    }

    private static void style(Label l, StatusBarViewModel vm) {
        l.getStyleClass().removeAll("status-online", "status-warning", "status-offline");
        l.getStyleClass().add(!vm.connectedProperty().get() ? "status-offline"
                : vm.sendsHeldBackProperty().get() ? "status-warning" : "status-online");
    }
}
