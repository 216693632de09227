import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPECS } from '../../src/cli/commands.js';
import { parseArgv } from '../../src/cli/parse.js';

/** The unit's [Service] settings (a key may repeat). */
function service(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let section = '';
  for (const line of text.split('\n')) {
    const s = /^\[(\w+)\]$/.exec(line.trim());
    if (s) section = s[1]!;
    const kv = /^(\w+)=(.*)$/.exec(line.trim());
    if (kv && section === 'Service') out.set(kv[1]!, [...(out.get(kv[1]!) ?? []), kv[2]!]);
  }
  return out;
}

describe('the systemd unit in contrib/ (issue 11)', () => {
  const unit = service(readFileSync('contrib/systemd/convene.service', 'utf8'));

  it('runs the daemon with the config path, as our own CLI reads that command line', () => {
    const [bin, ...argv] = unit.get('ExecStart')![0]!.split(/\s+/);
    expect(bin).toMatch(/\/convene$/);
    const parsed = parseArgv(argv, SPECS);
    expect(parsed.spec?.name).toBe('daemon');
    expect(parsed.globals.config).toBe('/etc/convene/convene.yaml');
    expect(parsed.values.once).toBeUndefined();
  });

  it('restarts on failure, reloads with SIGHUP, stops with SIGTERM and time to finish', () => {
    expect(unit.get('Restart')).toEqual(['on-failure']);
    expect(unit.get('ExecReload')![0]).toMatch(/kill -HUP \$MAINPID$/);
    expect(unit.get('KillSignal')).toEqual(['SIGTERM']);
    expect(Number(unit.get('TimeoutStopSec')![0])).toBeGreaterThanOrEqual(60);
    expect(unit.get('StateDirectory')).toEqual(['convene']);
  });
});
