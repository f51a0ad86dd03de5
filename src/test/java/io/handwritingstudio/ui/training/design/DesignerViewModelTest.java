package io.handwritingstudio.ui.training.design;

import io.handwritingstudio.model.design.DesignAnalysis;
import io.handwritingstudio.model.design.Designs;
import io.handwritingstudio.model.design.LayerSpec;
import io.handwritingstudio.model.design.NetworkDesign;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The designer's commands and live analysis, without a window. */
class DesignerViewModelTest {

    @Test
    void everyPresetLoadsWithItsLayersAndParameterCount() {
        DesignerViewModel vm = new DesignerViewModel();
        for (NetworkDesign preset : Designs.presets()) {
            vm.presetProperty().set(preset.name());
            assertEquals(preset.layers(), vm.layers(), preset.name());
            assertFalse(vm.editedProperty().get());
            assertEquals(preset.name(), vm.design().name());
            assertTrue(vm.analysis().valid(), preset.name() + ": " + vm.analysis().error());
        }
        vm.presetProperty().set("classic");
        assertEquals(93_322, vm.analysis().parameters(), "the seed network, as the README says");
        vm.presetProperty().set("dense");
        assertEquals(109_386, vm.analysis().parameters());
        assertTrue(vm.totalsText().startsWith("109,386 parameters"), vm.totalsText());
    }

    @Test
    void editingAConvolutionChangesItsShapeParametersAndTheTotal() {
        DesignerViewModel vm = new DesignerViewModel();
        vm.loadPreset("classic"); // conv 32 3x3 valid first
        DesignAnalysis.Row before = vm.analysis().rows().get(0);
        assertEquals("26x26x32", before.shape().toString());
        assertEquals(3 * 3 * 32 + 32, before.parameters());
        long total = vm.analysis().parameters();

        vm.replace(0, new LayerSpec.Convolution(8, 5, 1, LayerSpec.Padding.SAME, LayerSpec.Activation.RELU, true));
        DesignAnalysis.Row after = vm.analysis().rows().get(0);
        assertEquals("28x28x8", after.shape().toString());
        assertEquals(5 * 5 * 8 + 8, after.parameters());
        assertEquals(28L * 28 * 8 * 25, after.multiplyAdds());
        assertTrue(vm.editedProperty().get());
        assertEquals("custom", vm.design().name());
        assertTrue(vm.analysis().parameters() != total, "the next conv sees 8 channels, not 32: totals change");
        assertEquals(vm.analysis().rows().get(2).parameters(), 3 * 3 * 8 * 64 + 64);

        vm.replace(0, Designs.classic().layers().get(0));
        assertFalse(vm.editedProperty().get(), "an edit undone is the preset again");
        assertEquals("classic", vm.design().name());
    }

    @Test
    void anInvalidDesignShowsItsErrorAtTheLayerAtFaultNotAnException() {
        DesignerViewModel vm = new DesignerViewModel();
        vm.loadPreset("dense");
        vm.selectedProperty().set(vm.layers().size() - 1);
        vm.add(DesignerViewModel.Kind.CONV); // a convolution after dense layers: no image left
        int at = vm.layers().size() - 1;
        assertFalse(vm.analysis().valid());
        assertEquals(at + 1, vm.analysis().errorLayer());
        assertNotNull(vm.errorAt(at));
        assertTrue(vm.errorAt(at).contains("after a dense layer"), vm.errorAt(at));
        assertNull(vm.errorAt(0));
        assertTrue(vm.totalsText().startsWith("The network cannot be built"), vm.totalsText());

        vm.move(at, -1);
        vm.move(at - 1, -1);
        vm.move(at - 2, -1); // now first: it sees the 28x28 image
        assertEquals(0, vm.selectedProperty().get(), "the selection follows the moved layer");
        assertTrue(vm.analysis().valid(), vm.analysis().error());

        vm.replace(0, new LayerSpec.Convolution(0, 3, 1, LayerSpec.Padding.VALID, LayerSpec.Activation.RELU, true));
        assertEquals(1, vm.analysis().errorLayer());
        assertTrue(vm.errorAt(0).contains("at least 1 filter"), vm.errorAt(0));

        vm.remove(0);
        assertTrue(vm.analysis().valid());
        vm.add(DesignerViewModel.Kind.POOL);
        vm.move(vm.selectedProperty().get(), -vm.selectedProperty().get());
        vm.add(DesignerViewModel.Kind.POOL);
        vm.add(DesignerViewModel.Kind.POOL);
        vm.add(DesignerViewModel.Kind.POOL);
        vm.add(DesignerViewModel.Kind.POOL); // 28 -> 14 -> 7 -> 3 -> 1 -> nothing
        assertEquals(5, vm.analysis().errorLayer());
        assertTrue(vm.errorAt(4).contains("does not fit"), vm.errorAt(4));
    }

    @Test
    void theOutputLayerFollowsTheDatasetsClasses() {
        DesignerViewModel vm = new DesignerViewModel();
        vm.loadPreset("tiny");
        assertEquals(10, vm.analysis().output().shape().channels());
        long tenClasses = vm.analysis().parameters();
        vm.classesProperty().set(36);
        assertEquals(36, vm.analysis().output().shape().channels());
        assertEquals(tenClasses + 26 * (16 + 1), vm.analysis().parameters());
    }

    @Test
    void theEpochEstimateUsesTheLastRunsMeasuredSpeed() {
        DesignerViewModel vm = new DesignerViewModel();
        vm.loadPreset("classic");
        assertTrue(vm.estimateText(6000).contains("train once"), vm.estimateText(6000));
        long classicMacs = vm.analysis().multiplyAdds();
        // a run of classic at 1,000 img/s: the same net on 6,000 images takes 6 s
        vm.measuredRunProperty().set(new RunRecord("classic", 93_322, classicMacs, 1, 0.97, 1000));
        assertTrue(vm.estimateText(6000).startsWith("About 6 s per epoch of 6,000 images"), vm.estimateText(6000));
        vm.loadPreset("tiny");
        assertTrue(vm.estimateText(6000).contains("under a second"), "tiny does far fewer multiply-adds: " + vm.estimateText(6000));
    }
}
