package io.tasklane.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A Python virtualenv with PyTorch (CPU) for the distributed-job tests, built once into
 * {@code target/venvs/torch} by the shared {@code ../shared/tools/pyvenv.sh} (the machine's local wheel
 * index; CI clones the repository with {@code ../shared} beside it) and reused while it can import torch.
 * Needs only python3 with venv on the machine.
 */
public final class TorchVenv {

    private static final Path DIR = Path.of("target/venvs/torch").toAbsolutePath();
    private static final Path BUILDER = Path.of("../shared/tools/pyvenv.sh").toAbsolutePath().normalize();

    private TorchVenv() {
    }

    /** The venv's python, building the venv first if it has no torch yet. */
    public static synchronized Path python() throws IOException, InterruptedException {
        Path python = DIR.resolve("bin/python");
        if (importsTorch(python)) {
            return python;
        }
        if (!Files.isRegularFile(BUILDER)) {
            throw new IllegalStateException("no " + BUILDER + " to build the PyTorch venv with: clone the repository with ../shared beside it");
        }
        Path log = DIR.resolveSibling("torch-venv.log");
        Files.createDirectories(DIR.getParent());
        Process build = new ProcessBuilder("bash", BUILDER.toString(), DIR.toString(), "torch")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!build.waitFor(30, TimeUnit.MINUTES) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("building the PyTorch venv failed; see " + log + ":\n" + Files.readString(log));
        }
        if (!importsTorch(python)) {
            throw new IllegalStateException("the venv " + DIR + " was built but cannot import torch; see " + log);
        }
        return python;
    }

    private static boolean importsTorch(Path python) throws IOException, InterruptedException {
        if (!Files.isExecutable(python)) {
            return false;
        }
        Process check = new ProcessBuilder(python.toString(), "-c", "import torch.distributed")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return check.waitFor(5, TimeUnit.MINUTES) && check.exitValue() == 0;
    }
}
