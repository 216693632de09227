import { fstatSync, statSync, writeSync } from 'node:fs';

/** What commands write to: process.stdout or process.stderr, or the direct writer below. */
export type Stdout = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Standard output or error (fd 1 or 2) for the bin (issue 9: start-up time). process.stdout
 * costs 1.3 ms (a file or /dev/null) to 2.5 ms (a pipe) on first use, process.stderr as much:
 * each loads Node's whole streams stack, and net for a pipe. When the fd is a file, a pipe, a
 * socket or /dev/null, this writes to it directly with writeSync, as Node's own stdout does for
 * files, and synchronously as it does for pipes on Linux. A terminal keeps process.stdout
 * (colour asks isTTY; `agenda review` needs the tty). A closed pipe (`convene search x | head`)
 * ends the process quietly, as before. Null when the fd is a terminal or cannot be examined.
 */
export function directStream(fd: 1 | 2): Stdout | null {
  try {
    const st = fstatSync(fd);
    if (st.isCharacterDevice()) {
      const nul = statSync('/dev/null');
      if (st.rdev !== nul.rdev) return null;
    } else if (!st.isFile() && !st.isFIFO() && !st.isSocket()) {
      return null;
    }
  } catch {
    return null;
  }
  let pause: Int32Array | undefined;
  const writer = {
    isTTY: false,
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let at = 0; at < bytes.length;) {
        try {
          at += writeSync(fd, bytes, at);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
          if (code !== 'EAGAIN') throw err;
          // A non-blocking pipe that is full: wait a millisecond for the reader.
          Atomics.wait((pause ??= new Int32Array(new SharedArrayBuffer(4))), 0, 0, 1);
        }
      }
      const done = rest.find((r): r is () => void => typeof r === 'function');
      done?.();
      return true;
    },
    // Writes never queue, so there is never a 'drain' (or any other event) to wait for.
    on() {
      return writer;
    },
    once() {
      return writer;
    },
    off() {
      return writer;
    },
    end() {
      return writer;
    },
  };
  // Only write, isTTY and the event methods are used of a command's stdout (printers, mboxrd, pino).
  return writer as unknown as Stdout;
}
