const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/**
 * A random id that matches the document's id pattern: 16 characters, 96
 * bits. `getRandomValues` rather than `randomUUID`, which browsers only
 * offer in secure contexts and a host page may be plain http.
 */
export function newId(length = 16): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}
