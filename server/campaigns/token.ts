/**
 * Participant tokens: who a person is, decided by the host's backend and
 * checked here (docs/campaigns.md). A token is
 *
 *   cdsp1.<payload>.<signature>
 *
 * where payload is base64url(JSON { campaign, sub, name, exp }) — exp in
 * seconds since the epoch — and signature is base64url(HMAC-SHA256(secret,
 * "cdsp1." + payload)) with the campaign's secret (its base64url text
 * decoded to 32 bytes). Any backend signs one in a few lines; this module
 * is the reference for both sides.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DOCUMENT_LIMITS } from '../../src/document/limits.ts';

const PREFIX = 'cdsp1';
const B64URL = /^[A-Za-z0-9_-]+$/;

export interface ParticipantClaims {
  /** The campaign id the token is for. */
  campaign: string;
  /** The host's own stable id of the person (1–64 letters, digits, "_" or "-"). */
  sub: string;
  /** The display name credited with the entry. */
  name: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

export type TokenRefusal = 'malformed' | 'forged' | 'expired' | 'other-campaign';

export class ParticipantTokenError extends Error {
  constructor(
    readonly reason: TokenRefusal,
    message: string,
  ) {
    super(message);
  }
}

function mac(secret: string, payload: string): Buffer {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${PREFIX}.${payload}`).digest();
}

export function signParticipant(secret: string, claims: ParticipantClaims): string {
  const payload = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${PREFIX}.${payload}.${mac(secret, payload).toString('base64url')}`;
}

/**
 * The claims of a token signed with `secret` for `campaign` and not expired
 * at `now` (ms epoch); else a ParticipantTokenError saying which.
 * The signature is checked before the payload is read, in constant time.
 */
export function verifyParticipant(token: string, secret: string, campaign: string, now: number): ParticipantClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !B64URL.test(parts[1]) || !B64URL.test(parts[2])) {
    throw new ParticipantTokenError('malformed', `the participant token is not a "${PREFIX}.<payload>.<signature>" token`);
  }
  const [, payload, signature] = parts;
  const expected = mac(secret, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    // Refused either way; the unsigned payload is read only to say why in words a host developer can act on.
    if (claimedCampaign(payload) !== campaign && claimedCampaign(payload) !== undefined) {
      throw new ParticipantTokenError('other-campaign', `the participant token is for another campaign ("${claimedCampaign(payload)}")`);
    }
    throw new ParticipantTokenError('forged', "the participant token's signature does not match this campaign's secret");
  }
  const claims = readClaims(payload);
  if (claims.campaign !== campaign) {
    throw new ParticipantTokenError('other-campaign', `the participant token is for another campaign ("${claims.campaign}")`);
  }
  if (claims.exp * 1000 <= now) {
    throw new ParticipantTokenError('expired', `the participant token expired at ${new Date(claims.exp * 1000).toISOString()}`);
  }
  return claims;
}

function claimedCampaign(payload: string): string | undefined {
  try {
    const claimed = readClaims(payload).campaign;
    return DOCUMENT_LIMITS.idPattern.test(claimed) ? claimed : undefined;
  } catch {
    return undefined;
  }
}

/** A signed payload is still checked field by field: a host's bug must not become a stored author. */
function readClaims(payload: string): ParticipantClaims {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw new ParticipantTokenError('malformed', 'the participant token\'s payload is not JSON');
  }
  const c = value as Partial<ParticipantClaims> | null;
  const ok =
    c !== null &&
    typeof c === 'object' &&
    typeof c.campaign === 'string' &&
    typeof c.sub === 'string' &&
    DOCUMENT_LIMITS.idPattern.test(c.sub) &&
    typeof c.name === 'string' &&
    /\S/.test(c.name) &&
    c.name.length <= DOCUMENT_LIMITS.nameChars &&
    !/[\u0000-\u001f\u007f]/.test(c.name) &&
    typeof c.exp === 'number' &&
    Number.isFinite(c.exp);
  if (!ok) {
    throw new ParticipantTokenError(
      'malformed',
      'the participant token\'s payload must be { campaign, sub (an id), name (one line), exp (seconds since the epoch) }',
    );
  }
  return { campaign: c.campaign!, sub: c.sub!, name: c.name!.trim(), exp: c.exp! };
}
