package io.newsdesk.core.ml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

class ComputeDeviceTest {

    @Test
    void autoTakesAGpuOnlyWhenTheEngineSeesOne() {
        assertThat(ComputeDevice.choose("auto", 0)).isEqualTo(Device.cpu());
        assertThat(ComputeDevice.choose("auto", 2)).isEqualTo(Device.gpu(0));
        assertThat(ComputeDevice.choose("cpu", 2)).isEqualTo(Device.cpu());
        assertThat(ComputeDevice.choose("gpu:1", 2)).isEqualTo(Device.gpu(1));
        assertThat(ComputeDevice.choose(" gpu ", 1)).isEqualTo(Device.gpu(0));
    }

    @Test
    void aGpuThatIsNotThereOrAnUnknownSettingIsRefusedWithTheKeyNamed() {
        assertThatThrownBy(() -> ComputeDevice.choose("gpu", 0)).hasMessageContaining("newsdesk.device=gpu")
                .hasMessageContaining("sees 0 GPU");
        assertThatThrownBy(() -> ComputeDevice.choose("gpu:2", 2)).hasMessageContaining("sees 2 GPU");
        for (String bad : new String[] {"cuda", "GPU", "gpu:", "gpu:x", "", "auto,cpu"}) {
            assertThatThrownBy(() -> ComputeDevice.choose(bad, 1)).as(bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> ComputeDevice.checkForm(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        ComputeDevice.checkForm("gpu:3");
    }

    @Test
    void onThisMachineAutoNamesADeviceTheEngineHas() {
        Device device = ComputeDevice.choose("auto");
        assertThat(device.isGpu()).isEqualTo(ai.djl.engine.Engine.getEngine("PyTorch").getGpuCount() > 0);
    }
}
