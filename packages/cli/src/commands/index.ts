// Every command of the CLI, in the order `topo --help` lists them.
import type { Command } from '../io.js';
import { carbon } from './carbon.js';
import { check } from './check.js';
import { diagram } from './diagram.js';
import { importCommand } from './import.js';
import { lsp } from './lsp.js';
import { report } from './report.js';
import { simulate } from './simulate.js';

export const commands: Command[] = [check, simulate, diagram, carbon, report, importCommand, lsp];
