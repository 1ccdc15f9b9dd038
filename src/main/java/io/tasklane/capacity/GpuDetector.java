package io.tasklane.capacity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Finds the host's NVIDIA GPUs by asking nvidia-smi; a host without it simply has none. */
class GpuDetector {

    /** One GPU as nvidia-smi lists it: its index (what CUDA_VISIBLE_DEVICES takes) and model name. */
    record Gpu(int index, String model) {
    }

    private static final Logger log = LoggerFactory.getLogger(GpuDetector.class);

    private final String nvidiaSmi;

    GpuDetector(String nvidiaSmi) {
        this.nvidiaSmi = nvidiaSmi;
    }

    List<Gpu> detect() {
        try {
            Process process = new ProcessBuilder(nvidiaSmi, "--query-gpu=index,name", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                log.info("{} did not list GPUs (exit {}); treating the host as having none", nvidiaSmi,
                        process.isAlive() ? "timeout" : process.exitValue());
                process.destroyForcibly();
                return List.of();
            }
            return parse(output);
        } catch (IOException e) {
            log.info("{} is not available ({}); treating the host as having no GPUs", nvidiaSmi, e.getMessage());
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Parses {@code index, name} lines; lines that are not of that shape are skipped. */
    static List<Gpu> parse(String csv) {
        List<Gpu> gpus = new ArrayList<>();
        for (String line : csv.split("\\R")) {
            int comma = line.indexOf(',');
            if (comma < 0) {
                continue;
            }
            try {
                gpus.add(new Gpu(Integer.parseInt(line.substring(0, comma).trim()), line.substring(comma + 1).trim()));
            } catch (NumberFormatException e) {
                // A warning line or a header; not a GPU.
            }
        }
        return gpus;
    }
}
