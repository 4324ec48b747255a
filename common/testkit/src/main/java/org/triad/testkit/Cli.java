package org.triad.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real command-line client (openssl, keytool, curl) the way a user would. */
public final class Cli {

    private Cli() {
    }

    /** Exit code and combined stdout/stderr of one command. */
    public record Result(int exitCode, String output) {
        public Result assertOk() {
            if (exitCode != 0) {
                throw new AssertionError("command failed with " + exitCode + ":\n" + output);
            }
            return this;
        }
    }

    public static Result run(Path workDir, String... command) {
        return run(workDir, List.of(command));
    }

    public static Result run(Path workDir, List<String> command) {
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** HTTP Basic header value. */
    public static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
