// The language's literals as the lexer hands them over ("0.5ms", "2TB", "90%"), resolved.
// A file being typed may have half a property; a missing literal resolves to undefined.
import { durationToMs, sizeToBytes, type DurationUnit, type SizeUnit } from '@topo/model';

const SPLIT = /^([0-9]+(?:\.[0-9]+)?)(ns|us|ms|s|m|MB|GB|TB|%)$/;

function split(text: string | undefined): [number, string] | undefined {
  const match = text === undefined ? null : SPLIT.exec(text);
  return match ? [Number(match[1]), match[2]!] : undefined;
}

export function parseDuration(text: string | undefined): number | undefined {
  const parts = split(text);
  return parts && durationToMs(parts[0], parts[1] as DurationUnit);
}

export function parseSize(text: string | undefined): number | undefined {
  const parts = split(text);
  return parts && sizeToBytes(parts[0], parts[1] as SizeUnit);
}

/** "90%" → 0.9 */
export function parsePercent(text: string | undefined): number | undefined {
  const parts = split(text);
  return parts && parts[0] / 100;
}
