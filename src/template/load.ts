/**
 * Loads a template manifest from a URL or an object, validates it and
 * resolves its asset URLs. Imports neither lit nor fabric.
 */
import { ErrorCode, StudioError } from '../errors.ts';
import type { TemplateManifest } from './types.ts';

export interface LoadedTemplate {
  manifest: TemplateManifest;
  /** Absolute URL that the manifest's relative asset URLs resolve against. */
  baseUrl: string;
  /** The absolute URL of an asset named in the manifest. */
  resolve(url: string): string;
}

export interface LoadTemplateOptions {
  signal?: AbortSignal;
  /** Base for a URL `source`, or for the assets of an object `source`. */
  baseUrl?: string;
}

/** Manifests are small; anything bigger is a wrong URL or an attack. */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/**
 * `source` is a manifest URL (fetched; assets resolve against the final
 * response URL) or a manifest object (assets resolve against
 * `opts.baseUrl ?? document.baseURI`). Rejects with a `StudioError`:
 * `template-load-failed` or `template-invalid`; an abort rejects with the
 * signal's reason.
 */
export async function loadTemplate(source: string | unknown, opts: LoadTemplateOptions = {}): Promise<LoadedTemplate> {
  const documentBase = globalThis.document?.baseURI;
  // The schema is a chunk of its own, fetched beside the manifest: the first paint waits for both anyway.
  const schema = import('./schema.ts');
  schema.catch(() => undefined);
  if (typeof source === 'string') {
    const url = absolute(source, opts.baseUrl ?? documentBase);
    const { json, finalUrl } = await fetchJson(url, opts.signal);
    return loaded(await schema, json, finalUrl);
  }
  opts.signal?.throwIfAborted();
  const base = opts.baseUrl ?? documentBase;
  if (base === undefined)
    throw new StudioError(ErrorCode.TemplateLoadFailed, 'A manifest object needs opts.baseUrl outside a document');
  return loaded(await schema, plainCopy(source), absolute(base, documentBase));
}

function loaded(schema: typeof import('./schema.ts'), json: unknown, baseUrl: string): LoadedTemplate {
  const manifest = schema.parseTemplateManifest(json);
  return { manifest, baseUrl, resolve: (url) => new URL(url, baseUrl).href };
}

function absolute(url: string, base: string | undefined): string {
  try {
    return new URL(url, base).href;
  } catch {
    throw new StudioError(ErrorCode.TemplateLoadFailed, `Template URL is not valid: ${url}`, { url });
  }
}

async function fetchJson(url: string, signal?: AbortSignal): Promise<{ json: unknown; finalUrl: string }> {
  const fail = (message: string, params: Record<string, string | number> = {}) =>
    new StudioError(ErrorCode.TemplateLoadFailed, message, { url, ...params });
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
    if (!response.ok) {
      void response.body?.cancel();
      throw fail(`Template could not be loaded: HTTP ${response.status} from ${url}`, { status: response.status });
    }
    if (Number(response.headers.get('Content-Length')) > MAX_MANIFEST_BYTES) {
      void response.body?.cancel();
      throw fail(`Template is larger than ${MAX_MANIFEST_BYTES} bytes: ${url}`, { status: response.status });
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof StudioError) throw error;
    if (signal?.aborted) throw signal.reason;
    throw fail(`Template could not be loaded from ${url}: ${(error as Error)?.message ?? error}`);
  }
  if (text.length > MAX_MANIFEST_BYTES) throw fail(`Template is larger than ${MAX_MANIFEST_BYTES} bytes: ${url}`);
  try {
    return { json: JSON.parse(text), finalUrl: response.url || url };
  } catch (error) {
    throw fail(`Template is not valid JSON (${url}): ${(error as Error).message}`, { status: response.status });
  }
}

/**
 * An object manifest goes through JSON so that validation sees plain data:
 * no getters, inherited keys or cycles, and the caller keeps no reference
 * into the manifest the studio holds.
 */
function plainCopy(source: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(source ?? null)) as unknown;
  } catch (error) {
    throw new StudioError(ErrorCode.TemplateInvalid, `manifest: not plain JSON data (${(error as Error).message})`, {
      path: 'manifest',
    });
  }
}
