// stdout and stderr as the CLI writes them: a reader that goes away (`topo check | head -1`)
// closes the pipe; the rest of the output is dropped quietly, with no 'error' event unhandled.
/** A write function for the stream; after an error it drops what it is given, and tells
 * `onError` of any but EPIPE (the reader having gone is no failure). */
export function streamWriter(stream: NodeJS.WritableStream, onError: (e: NodeJS.ErrnoException) => void): (text: string) => void {
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (!closed && e.code !== 'EPIPE') onError(e);
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
