// What a recorded figure was measured on: the machine, and its load average when the run
// began (a load near or above the core count means other work shared the cores: noisy).
import { cpus, loadavg, release, totalmem, type } from 'node:os';

export function machineNow() {
  return {
    date: new Date().toISOString(),
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${type()} ${release()}, Node ${process.version}`,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}
