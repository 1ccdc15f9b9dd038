package io.tasklane.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import io.tasklane.capacity.GpuDetector.Gpu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GpuDetectorTest {

    @TempDir
    Path dir;

    @Test
    void parsesNvidiaSmiCsvAndSkipsOtherLines() {
        String output = "0, NVIDIA A100-SXM4-80GB\n1, NVIDIA A100-SXM4-80GB\nWARNING: infoROM is corrupted\n";

        assertThat(GpuDetector.parse(output)).containsExactly(new Gpu(0, "NVIDIA A100-SXM4-80GB"), new Gpu(1, "NVIDIA A100-SXM4-80GB"));
        assertThat(GpuDetector.parse("")).isEmpty();
    }

    @Test
    void runsTheConfiguredNvidiaSmi() throws IOException {
        Path smi = script("nvidia-smi", "#!/bin/sh\necho '0, NVIDIA L4'\necho '1, NVIDIA L4'\n");

        assertThat(new GpuDetector(smi.toString()).detect()).extracting(Gpu::index).containsExactly(0, 1);
    }

    @Test
    void aMissingOrFailingNvidiaSmiMeansNoGpus() throws IOException {
        Path failing = script("broken-smi", "#!/bin/sh\necho 'NVIDIA-SMI has failed' >&2\nexit 9\n");

        assertThat(new GpuDetector(dir.resolve("absent").toString()).detect()).isEmpty();
        assertThat(new GpuDetector(failing.toString()).detect()).isEmpty();
    }

    @Test
    void theLocalClusterHasOneSkuPerGpuOrTheConfiguredSlots() {
        var local = new CapacityProperties.Local(true, "local", 3, "nvidia-smi",
                new CapacityProperties.DeclaredSku(1, 4, 16), List.of(), List.of());

        VirtualCluster withGpus = LocalClusterDeclaration.declare(local, List.of(new Gpu(0, "NVIDIA L4"), new Gpu(1, "NVIDIA L4")), "box");
        VirtualCluster withoutGpus = LocalClusterDeclaration.declare(local, List.of(), "box");

        assertThat(withGpus.gpuType()).isEqualTo("NVIDIA L4");
        assertThat(withGpus.totalSkus()).isEqualTo(2);
        assertThat(withoutGpus.gpuType()).isEqualTo(LocalClusterDeclaration.SLOT_GPU_TYPE);
        assertThat(withoutGpus.totalSkus()).isEqualTo(3);
        assertThat(withoutGpus.nodes()).extracting(ClusterNode::name).containsExactly("box");
        assertThat(ClusterRules.check(withGpus)).isEmpty();
    }

    private Path script(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}
