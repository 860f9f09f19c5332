package io.kinefold.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridTest {
    @Test
    void expandsTheCrossProductWithTheLastNameFastest() {
        Map<String, List<Double>> grid = new LinkedHashMap<>();
        grid.put("a", List.of(1.0, 2.0));
        grid.put("b", List.of(10.0, 20.0, 30.0));
        List<Map<String, Double>> points = Grid.expand(grid);
        assertThat(points).hasSize(6);
        assertThat(points.get(0)).containsExactly(Map.entry("a", 1.0), Map.entry("b", 10.0));
        assertThat(points.get(1)).containsEntry("b", 20.0).containsEntry("a", 1.0);
        assertThat(points.get(5)).containsEntry("a", 2.0).containsEntry("b", 30.0);
    }

    @Test
    void anEmptyGridIsOnePointOfDefaults() {
        assertThat(Grid.expand(Map.of())).containsExactly(Map.of());
    }

    @Test
    void refusesAnEmptyValueList() {
        assertThatThrownBy(() -> Grid.expand(Map.of("units", List.of()))).hasMessage("units: empty value list");
    }
}
