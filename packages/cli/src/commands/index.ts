// Every command of the CLI, in the order `topo --help` lists them.
import type { Command } from '../io.js';
import { carbon } from './carbon.js';
import { check } from './check.js';
import { lsp } from './lsp.js';

export const commands: Command[] = [check, carbon, lsp];
