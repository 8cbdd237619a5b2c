import { expect } from '@open-wc/testing';
import { isStudioError, type StudioError } from '../../src/errors.js';
import { parseDesign, type ParseDesignOptions } from '../../src/document/validate.ts';
import { clone, fullDocument } from './fixtures.ts';

/** The error `parseDesign` throws for `input`; fails the test if it accepts it. */
export function refusalOf(input: unknown, opts?: ParseDesignOptions): StudioError {
  try {
    parseDesign(input, opts);
  } catch (error) {
    if (!isStudioError(error)) throw error;
    return error;
  }
  throw new Error('expected the document to be refused');
}

/** Expects a `design-invalid` refusal whose message starts with `path: ` (or matches a path pattern). */
export function expectRefused(input: unknown, path: string | RegExp, message?: RegExp, opts?: ParseDesignOptions): StudioError {
  const error = refusalOf(input, opts);
  expect(error.code).to.equal('design-invalid');
  if (typeof path === 'string') expect(error.message.startsWith(`${path}: `), error.message).to.equal(true);
  else expect(error.message).to.match(path);
  if (message) expect(error.message).to.match(message);
  expect(error.params.path).to.be.a('string');
  return error;
}

/** The full fixture with one change made by `change`, typed loosely so tests can break it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function broken(change: (doc: any) => void): unknown {
  const doc = clone(fullDocument());
  change(doc);
  return doc;
}

/** The full fixture as JSON text with `find` replaced by `replace` (which must occur). */
export function brokenText(find: string, replace: string): string {
  const text = JSON.stringify(fullDocument());
  if (!text.includes(find)) throw new Error(`fixture text has no ${find}`);
  return text.replace(find, replace);
}
