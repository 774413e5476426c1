// Types of .dependency-cruiser.mjs, for test/dependencies.test.ts.
import type { IConfiguration } from 'dependency-cruiser';

export const ARROWS: Record<string, string[]>;
declare const config: IConfiguration;
export default config;
