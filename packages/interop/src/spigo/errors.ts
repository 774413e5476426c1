// The one error the importer throws: input that is not a spigo architecture it can map.
export class SpigoImportError extends Error {
  constructor(
    message: string,
    /** The spigo service the problem is in, when there is one. */
    readonly service?: string,
  ) {
    super(message);
    this.name = 'SpigoImportError';
  }
}
