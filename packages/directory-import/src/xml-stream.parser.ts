import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { SaxesParser } from 'saxes';

/** An XML element as the handlers see it: local name (prefix dropped) and plain attributes. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
}

/** Callbacks for one streamed XML part. */
export interface XmlHandlers {
  open?(element: XmlElement): void;
  text?(text: string): void;
  close?(name: string): void;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Streams an XML part through saxes, calling the handlers, and pauses after every chunk so that the
 * caller can hand on what the handlers collected. Bytes are decoded with a StringDecoder, so a
 * character split between two chunks is never broken.
 */
export async function* streamXml(stream: Readable, handlers: XmlHandlers): AsyncGenerator<void> {
  const parser = new SaxesParser();
  if (handlers.open) {
    const open = handlers.open;
    parser.on('opentag', (tag) => open({ name: localName(tag.name), attributes: tag.attributes as Record<string, string> }));
  }
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text);
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag) => close(localName(tag.name)));
  }
  const decoder = new StringDecoder('utf8');
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      parser.write(decoder.write(chunk));
      yield;
    }
    parser.write(decoder.end());
    parser.close();
    yield;
  } finally {
    stream.destroy();
  }
}

/** Runs {@link streamXml} to the end. */
export async function parseXml(stream: Readable, handlers: XmlHandlers): Promise<void> {
  for await (const _ of streamXml(stream, handlers)) {
    // The handlers keep what they need.
  }
}

/** The value of an attribute whatever its namespace prefix (`r:id`, `id`). */
export function attribute(element: XmlElement, name: string): string | undefined {
  if (name in element.attributes) return element.attributes[name];
  const suffix = `:${name}`;
  for (const key of Object.keys(element.attributes)) if (key.endsWith(suffix)) return element.attributes[key];
  return undefined;
}

/** Decodes Excel's `_xHHHH_` escapes (control characters such as `_x000D_` for a carriage return). */
export function decodeExcelEscapes(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
