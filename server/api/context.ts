import type { FastifyRequest } from 'fastify';
import type { FaultQueue } from '../faults.ts';
import type { TemplateLookup } from '../originality/templates.ts';
import type { Store } from '../store/store.ts';

/** What the API's routes share, built once by `apiPlugin`. */
export interface ApiContext {
  store: Store;
  adminToken: string;
  /** Where the API is mounted ('/api'), for the links it hands out. */
  prefix: string;
  idempotencyTtlMs: number;
  now: () => number;
  faults?: FaultQueue;
  /** Counted votes per network (IPv4 address, IPv6 /64) per design per UTC day; 0 = no cap. */
  voteIpCap: number;
  /** Queues the print job of a design just approved (idempotent) and wakes this instance's worker. */
  enqueuePrint: (design: string) => Promise<void>;
  /** SHA-256 (hex) of the raw request body, taken by the content-type parser. */
  bodyHash: (request: FastifyRequest) => string;
  /** The template manifests this server knows, for the moderators' originality figures (docs/originality.md). */
  templates: TemplateLookup;
}
