/** Whose continuation something is: it is dropped once that process has died. */
export type Owner = { dead: boolean } | undefined;
