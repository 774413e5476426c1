// `topo COMMAND --help` (and `topo help COMMAND`): the usage line, what the command does, and
// each option with what it does and its default, from the command's one definition of them.
import type { Command } from './io.js';

export function helpText(command: Command, summary: string): string {
  const rows = Object.entries(command.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
    const fallback = o.default !== undefined ? `default: ${typeof o.default === 'number' ? o.default.toLocaleString('en-US') : o.default}` : o.otherwise;
    return [flag, fallback ? `${o.help} (${fallback})` : o.help] as const;
  });
  const width = Math.max(0, ...rows.map(([flag]) => flag.length));
  const options = rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`);
  return [`usage: ${command.usage}`, '', `${summary}.`, ...(options.length ? ['', 'options:', ...options] : []), ''].join('\n');
}
