// JSON input: parsed, or refused at the line and column where it stops being JSON
// (jsonc-parser finds the place; JSON.parse does the common case fast).
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ImportError, type InputFile } from './import-error.js';

export function parseJsonInput(file: InputFile): unknown {
  try {
    return JSON.parse(file.text);
  } catch {
    const errors: ParseError[] = [];
    parse(file.text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    if (!first) throw new ImportError(file.name, 'not valid JSON');
    const before = file.text.slice(0, first.offset);
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    const words = printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    throw new ImportError(file.name, `not valid JSON: ${words}`, line, column);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
