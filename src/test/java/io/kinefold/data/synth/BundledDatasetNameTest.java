package io.kinefold.data.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kinefold.data.DatasetLoader;
import io.kinefold.monitor.AppInfo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The app, the docs and the folder call the bundled dataset by one name. */
class BundledDatasetNameTest {
    @Test
    void theBundledDatasetHasOneName() throws Exception {
        Path bundled = Path.of(AppInfo.BUNDLED_DATASET);

        String name = DatasetLoader.load(bundled).name();

        assertThat(name).isEqualTo("demo")
                .isEqualTo(bundled.getFileName().toString())
                .isEqualTo(DatasetGenerator.Options.defaults().name());
    }

    @Test
    void anotherGeneratedDatasetIsNamedAfterItsSeedUnlessNamed() {
        assertThat(new DatasetGenerator.Options(4, 3, 3, 15).name()).isEqualTo("synthetic-3");
        assertThat(new DatasetGenerator.Options(4, 3, 3, 15, "squats").name()).isEqualTo("squats");
    }
}
