import { ErrorCode, StudioError } from '../errors.ts';

export type PathKey = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `views[0].layers[3].marks[12].pts`; the empty path is `document`. */
export function formatPath(keys: readonly PathKey[]): string {
  let out = '';
  for (const key of keys) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key)}]`;
  }
  return out || 'document';
}

/** The one refusal: `design-invalid`, its message led by the path. */
export function designInvalid(
  path: string,
  message: string,
  params: Record<string, string | number> = {},
): StudioError {
  return new StudioError(ErrorCode.DesignInvalid, `${path}: ${message}`, { path, ...params });
}
