// Types of model.mjs, for the tests that read its models.
/** N services in three layers (5% edge, 45% middle, the rest over N/4 datastores), three calls each, no finding. */
export function topoModel(n: number): string;
