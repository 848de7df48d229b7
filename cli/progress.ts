import cliProgress from 'cli-progress';

/**
 * A progress bar for long work, drawn on stderr and only when stdout is a terminal: piped or
 * `--json` output stays clean. Returns no-op functions otherwise.
 */
export function createProgressBar(label: string, enabled = true) {
  if (!enabled || !process.stdout.isTTY || !process.stderr.isTTY) {
    return { update: (_value: number, _total: number, _info?: string) => undefined, stop: () => undefined };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | {info}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(value: number, total: number, info = '') {
      if (!started) {
        bar.start(Math.max(total, 1), 0, { info });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(Math.min(value, total), { info });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
