/**
 * A one-line progress bar on a TTY (stderr), nothing otherwise. Redraws at most ten times a second.
 */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }, label: string) {
  const enabled = stream.isTTY === true;
  let last = 0;
  return {
    update(done: number, total: number, extra: string): void {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 24;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(frac * width);
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(frac * 100).toFixed(0).padStart(3)}% ${extra}\x1b[K`,
      );
    },
    done(): void {
      if (enabled) stream.write('\r\x1b[K');
    },
  };
}
