/** One Server-Sent Event: `id`, `event` (its type) and `data` (the joined data lines). */
export interface SseEvent { id: string | undefined; type: string; data: string }

/**
 * Reads a `text/event-stream` body into events (the WHATWG rules the connection
 * stream uses: `id`, `event`, `data` lines, comments, blank-line separators).
 * EventSource cannot send headers, so the Element reads the stream with fetch.
 */
export async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const reader = body.pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      const blocks = buffer.split(/\r\n\r\n|\n\n|\r\r/);
      buffer = blocks.pop()!;
      for (const block of blocks) {
        const e = parseBlock(block);
        if (e) yield e;
      }
    }
  } finally {
    reader.releaseLock();
  }
}

function parseBlock(block: string): SseEvent | null {
  let id: string | undefined;
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (name === 'id') id = value;
    else if (name === 'event') type = value;
    else if (name === 'data') data.push(value);
  }
  return data.length > 0 ? { id, type, data: data.join('\n') } : null;
}
