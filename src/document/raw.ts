/**
 * The first look at anything that claims to be a design document, before
 * migration and schema: plain JSON data only, no prototype keys, bounded
 * nesting and, for objects handed over directly, bounded JSON size.
 */
import { designInvalid, formatPath, type PathKey } from './issues.ts';

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

/** Whether `text` takes more than `cap` bytes as UTF-8, without encoding it. */
export function exceedsUtf8Bytes(text: string, cap: number): boolean {
  const n = text.length;
  if (n > cap) return true;
  if (n * 3 <= cap) return false;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    // A surrogate pair is 4 bytes: 2 for each half.
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
    if (bytes > cap) return true;
  }
  return false;
}

/** Characters of a finite number in JSON, cheaply for the integers of `pts`. */
function numberLength(n: number): number {
  const sign = n < 0 ? 1 : 0;
  const a = sign ? -n : n;
  if (a < 1e7 && Number.isInteger(a)) {
    return sign + (a < 10 ? 1 : a < 100 ? 2 : a < 1e3 ? 3 : a < 1e4 ? 4 : a < 1e5 ? 5 : a < 1e6 ? 6 : 7);
  }
  return String(n).length;
}

/** A plain object of any realm (prototype `Object.prototype` or `null`). */
function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return true;
  // Another realm's Object.prototype (an iframe's object), not a class or a built-in.
  return Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(value) === '[object Object]';
}

class Walker {
  /**
   * Characters of the value's JSON text so far: exact for ASCII without
   * escapes, otherwise a little low (strings count UTF-16 units).
   */
  private size = 0;
  private readonly keys: PathKey[] = [];

  constructor(
    private readonly maxDepth: number,
    private readonly maxBytes: number,
  ) {}

  fail(message: string, params?: Record<string, string | number>): never {
    throw designInvalid(formatPath(this.keys), message, params);
  }

  visit(value: unknown, depth: number): void {
    switch (typeof value) {
      case 'string':
        this.size += value.length + 2;
        return;
      case 'number':
        if (!Number.isFinite(value)) this.fail(`expected a finite number, got ${value}`);
        this.size += numberLength(value);
        return;
      case 'boolean':
        this.size += value ? 4 : 5;
        return;
      case 'object':
        if (value === null) this.size += 4;
        else if (Array.isArray(value)) this.visitArray(value, depth + 1);
        else this.visitObject(value, depth + 1);
        return;
      default:
        this.fail(`expected JSON data, got ${typeof value === 'function' ? 'a function' : `a ${typeof value}`}`);
    }
  }

  private enter(depth: number): void {
    if (depth > this.maxDepth) this.fail(`nested deeper than ${this.maxDepth} levels`);
  }

  private checkSize(): void {
    if (this.size > this.maxBytes) {
      this.keys.length = 0;
      this.fail(`larger than ${formatBytes(this.maxBytes)} as JSON`, { limit: this.maxBytes });
    }
  }

  private visitArray(array: unknown[], depth: number): void {
    this.enter(depth);
    const n = array.length;
    // Brackets and commas.
    this.size += n > 0 ? n + 1 : 2;
    this.checkSize();
    for (let i = 0; i < n; i++) {
      const item = array[i];
      // The common case (stroke points) without touching the path.
      if (typeof item === 'number' && Number.isFinite(item)) {
        this.size += numberLength(item);
        continue;
      }
      this.keys.push(i);
      if (item === undefined) this.fail('expected JSON data, got undefined');
      this.visit(item, depth);
      this.keys.pop();
    }
    this.checkSize();
  }

  private visitObject(object: object, depth: number): void {
    if (!isPlainObject(object)) this.fail('expected a plain object');
    this.enter(depth);
    // Braces, then per member its quoted key, colon and comma (one too many).
    this.size += 1;
    let members = 0;
    const record = object as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      this.keys.push(key);
      // Keys that could reach a prototype once merged or spread somewhere.
      if (key === '__proto__' || key === 'constructor' || key === 'prototype')
        this.fail(`the key "${key}" is not allowed`);
      const item = record[key];
      // JSON.stringify drops undefined members; the schema decides if one is missing.
      if (item !== undefined) {
        this.size += key.length + 4;
        members++;
        this.visit(item, depth);
      }
      this.keys.pop();
    }
    if (members === 0) this.size += 1;
    this.checkSize();
  }
}

export interface RawCheckOptions {
  maxDepth: number;
  /** Bound on the JSON size of `value`; `Infinity` when the text was measured already. */
  maxBytes: number;
}

/** Throws `design-invalid` unless `value` is plain, prototype-safe JSON data within the bounds. */
export function checkRawValue(value: unknown, options: RawCheckOptions): void {
  const walker = new Walker(options.maxDepth, options.maxBytes);
  if (value === undefined) walker.fail('expected a design document, got undefined');
  walker.visit(value, 0);
}
