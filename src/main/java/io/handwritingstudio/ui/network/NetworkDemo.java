package io.handwritingstudio.ui.network;

/**
 * Demo state for screenshots and manual checks, from system properties read at startup:
 * {@code -Dhws.network.sample=N} shows test image N; {@code -Dhws.network.tab=maps|filters|projection} opens that
 * tab (projection starts computing); {@code -Dhws.network.layer=K} picks layer K in the feature-map list;
 * {@code -Dhws.network.projection=t-SNE} projects with t-SNE instead of PCA.
 */
final class NetworkDemo {
    private NetworkDemo() {
    }

    static void apply(NetworkView view) {
        String sample = System.getProperty("hws.network.sample");
        if (sample != null) view.viewModel().selectTestImage(Integer.parseInt(sample.trim()));
        view.viewModel().projectionMethodProperty().set(System.getProperty("hws.network.projection",
                NetworkViewModel.PCA));
        String tab = System.getProperty("hws.network.tab", "");
        switch (tab) {
            case "filters" -> view.tabPane().getSelectionModel().select(1);
            case "projection" -> view.tabPane().getSelectionModel().select(2);
            default -> { }
        }
        String layer = System.getProperty("hws.network.layer");
        if (layer != null) view.featureMapsPanel().preselect(Integer.parseInt(layer.trim()));
    }
}
