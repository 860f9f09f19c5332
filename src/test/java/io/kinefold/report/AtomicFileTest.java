package io.kinefold.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kinefold.Fifos;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports write a new path or replace a regular file, and refuse anything else untouched. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void writesANewPathAndReplacesARegularFile() throws IOException {
        Path out = dir.resolve("sub/report.md");
        AtomicFile.write(out, "one");
        AtomicFile.write(out, "two");
        assertThat(out).hasContent("two");
        try (var files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.md");
        }
    }

    @Test
    void refusesASymbolicLinkAndLeavesItPointingWhereItDid() throws IOException {
        Path real = Files.writeString(dir.resolve("precious.txt"), "keep me");
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), real);
        assertThatThrownBy(() -> Exporter.export(ReportFixtures.report(), ExportFormat.HTML, link))
                .isInstanceOf(OutputTargetException.class).hasMessageContaining("symbolic link");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(real).hasContent("keep me");
        assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void refusesAFolder() {
        assertThatThrownBy(() -> SamplesCsv.write(java.util.List.of(), dir))
                .isInstanceOf(OutputTargetException.class).hasMessageContaining("is a folder");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void refusesAFifoWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("out.csv");
        assumeTrue(Fifos.make(fifo), "mkfifo is not available");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThatThrownBy(
                () -> Exporter.export(ReportFixtures.report(), ExportFormat.CSV, fifo))
                .isInstanceOf(OutputTargetException.class).hasMessageContaining("not a regular file"));
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    }

    @Test
    void refusesADevice() {
        Path device = Path.of("/dev/null");
        assumeTrue(Files.exists(device));
        assertThatThrownBy(() -> AtomicFile.checkTarget(device))
                .isInstanceOf(OutputTargetException.class).hasMessageContaining("not a regular file");
    }
}
