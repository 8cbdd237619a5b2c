/**
 * Checks one HTTP exchange against docs/openapi.json: the route and status
 * must be documented, the response's media type, required headers and body
 * must match, and a request the server accepted (2xx) must be valid by the
 * document too. Ajv on the Node side (no CSP here), 2020-12 as OpenAPI 3.1
 * uses, with formats.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

export const openapi: Json = JSON.parse(readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8'));

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
(addFormats as unknown as (a: unknown) => void)(ajv);
// Refs in the document are `#/components/...`: give ajv a root that has exactly that shape.
ajv.addSchema({ $id: 'openapi', components: openapi.components });

function validate(schema: Json, value: unknown, what: string): void {
  const check = schema.$ref?.startsWith('#/') ? ajv.getSchema(`openapi${schema.$ref}`)! : ajv.compile(schema);
  if (!check(value)) throw new Error(`${what} does not match the OpenAPI document: ${ajv.errorsText(check.errors)}`);
}

const resolve = (node: Json): Json => (node.$ref ? node.$ref.split('/').slice(1).reduce((o: Json, k: string) => o[k], openapi) : node);

export function findOperation(method: string, path: string): { template: string; operation: Json } {
  const bare = path.split('?')[0];
  for (const [template, item] of Object.entries(openapi.paths as Json)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    const operation = item[method.toLowerCase()];
    if (pattern.test(bare) && operation) return { template, operation };
  }
  throw new Error(`${method} ${bare} is not in the OpenAPI document`);
}

export interface Exchange {
  method: string;
  path: string;
  request: RequestInit;
  status: number;
  headers: Headers;
  body: unknown;
}

export function checkExchange(x: Exchange): void {
  const { operation } = findOperation(x.method, x.path);
  const what = `${x.method} ${x.path} → ${x.status}`;

  if (x.status >= 200 && x.status < 300) checkAcceptedRequest(operation, x, what);

  const documented = operation.responses[String(x.status)] ?? operation.responses.default;
  if (!documented) throw new Error(`${what}: status not documented`);
  const response = resolve(documented);
  for (const [name, header] of Object.entries((response.headers ?? {}) as Json)) {
    const value = x.headers.get(name);
    if (header.required && value === null) throw new Error(`${what}: missing header ${name}`);
    if (value !== null && header.schema) validate(header.schema, value, `${what} header ${name}`);
  }
  const type = (x.headers.get('content-type') ?? '').split(';')[0].trim();
  if (!response.content) {
    if (x.body instanceof Buffer ? x.body.length > 0 : x.body !== undefined) throw new Error(`${what}: a body where none is documented`);
    return;
  }
  const media = response.content[type];
  if (!media) throw new Error(`${what}: Content-Type ${type || '(none)'} not documented (${Object.keys(response.content).join(', ')})`);
  if (type === 'application/json') validate(media.schema, x.body, `${what} body`);
  else if (!(x.body instanceof Buffer) || x.body.length === 0) throw new Error(`${what}: empty ${type} body`);
}

function checkAcceptedRequest(operation: Json, x: Exchange, what: string): void {
  const headers = new Headers(x.request.headers);
  for (const p of (operation.parameters ?? []).map(resolve)) {
    if (p.in !== 'header') continue;
    const value = headers.get(p.name);
    if (value === null) {
      if (p.required) throw new Error(`${what}: accepted without the required header ${p.name}`);
    } else validate(p.schema, value, `${what} request header ${p.name}`);
  }
  if (!operation.requestBody) return;
  const type = (headers.get('content-type') ?? '').split(';')[0].trim();
  // An optional body (a vote with no participant token) may be left out.
  if (!type && x.request.body === undefined && operation.requestBody.required === false) return;
  const media = operation.requestBody.content[type];
  if (!media) throw new Error(`${what}: accepted a request body of type ${type || '(none)'}, which is not documented`);
  validate(media.schema, JSON.parse(String(x.request.body)), `${what} request body`);
}
