import { statusLines } from '../log.js';

/**
 * A one-line progress bar on a TTY (stderr), nothing otherwise. Redraws at most ten times a
 * second. While it shows, it is the stream's status line (log.ts): a log line written to the same
 * terminal clears it first and redraws it after, so log lines never land inside the bar.
 */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string) {
  const enabled = stream.isTTY === true;
  let last = 0;
  let shown = '';
  const draw = (): void => void (shown && stream.write(`\r${shown}\x1b[K`));
  const status = { clear: () => void (shown && stream.write('\r\x1b[K')), redraw: draw };
  return {
    update(done: number, total: number, extra: string): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 24;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(frac * width);
      shown = `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${extra}`;
      const cols = stream.columns ?? 0;
      if (cols > 10 && shown.length >= cols) shown = shown.slice(0, cols - 2) + '…';
      statusLines.set(stream, status);
      draw();
    },
    done(): void {
      if (!enabled) return;
      status.clear();
      shown = '';
      if (statusLines.get(stream) === status) statusLines.delete(stream);
    },
  };
}
