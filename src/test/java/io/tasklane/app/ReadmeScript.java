package io.tasklane.app;

/**
 * The shell script that runs the README's steps against a Tasklane on {@code port}. {@code curl} is wrapped:
 * it fails on HTTP errors ({@code --fail-with-body}, printing the problem), and each call's answer and exit
 * code are kept under {@code $TL_CALLS} for the test to check. Nothing else of the README's text changes
 * but the port.
 */
final class ReadmeScript {

    private ReadmeScript() {
    }

    static String of(ReadmeSteps readme, int port) {
        StringBuilder script = new StringBuilder("""
                set -e
                TL_CALLS="$(cd ../calls && pwd)"
                curl() {
                  local rcs="$TL_CALLS/step-$__step.rc"
                  local n=$(( $( (cat "$rcs" 2>/dev/null || true) | wc -l) + 1 ))
                  local fail=--fail-with-body arg
                  for arg in "$@"; do
                    # curl refuses --fail-with-body beside -f, which fails on HTTP errors already.
                    if [[ "$arg" =~ ^-[a-zA-Z]*f[a-zA-Z]*$ || "$arg" == --fail ]]; then fail=-sS; fi
                  done
                  command curl "$fail" -sS "$@" | tee "$TL_CALLS/step-$__step.call-$n"
                  local rc=${PIPESTATUS[0]}
                  echo "$rc" >> "$rcs"
                  if [ "$rc" != 0 ] && [ "$__expect_failure" != 1 ]; then
                    echo "curl exited $rc: $*" >&2
                    return "$rc"
                  fi
                  return 0
                }
                """);
        for (int k = 0; k < readme.steps().size(); k++) {
            ReadmeSteps.Step step = readme.steps().get(k);
            script.append("\n__step=").append(k).append("; __expect_failure=").append(step.expectsFailure() ? 1 : 0)
                    .append("; echo ").append(k).append(" > \"$TL_CALLS/step\"; echo; echo \"### README line ")
                    .append(step.line()).append("\"\n")
                    .append(step.script().replace("localhost:8080", "localhost:" + port));
        }
        return script.append("\necho; echo '### all README steps ran'\n").toString();
    }
}
