import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Signed, expiring tokens for the links in e-mails (itsdangerous in the Flask book): the payload says whose token
 * it is, what it is for and until when it is valid; an HMAC over it, keyed with the app's secret and the purpose,
 * proves the app made it. Nothing is stored: a token is checked by recomputing its signature. A password-reset
 * token also carries a fingerprint of the current password hash, so it works once: after the reset the
 * fingerprint no longer matches.
 */

export type TokenPurpose = 'confirm' | 'reset';

export interface TokenPayload {
  /** The user's id. */
  sub: number;
  purpose: TokenPurpose;
  /** Expiry, in seconds since 1970. */
  exp: number;
  /** Bound to the state the token was made for (e.g. the password hash's fingerprint). */
  fp?: string;
}

export function signToken(secret: string, payload: TokenPayload): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${signature(secret, payload.purpose, body)}`;
}

/** The payload of a valid, unexpired token made for this purpose; undefined for anything else. */
export function verifyToken(
  secret: string,
  purpose: TokenPurpose,
  token: string,
  now = Date.now(),
): TokenPayload | undefined {
  if (token.length > 500) return undefined;
  const [body, sig, extra] = token.split('.');
  if (!body || !sig || extra !== undefined) return undefined;
  const expected = Buffer.from(signature(secret, purpose, body));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  let payload: TokenPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenPayload;
  } catch {
    return undefined;
  }
  if (payload.purpose !== purpose || !Number.isInteger(payload.sub) || typeof payload.exp !== 'number')
    return undefined;
  return payload.exp * 1000 > now ? payload : undefined;
}

/** A short fingerprint of a value (a password hash) that the token is bound to. */
export function fingerprint(secret: string, value: string): string {
  return createHmac('sha256', secret).update(`fp:${value}`).digest('base64url').slice(0, 16);
}

function signature(secret: string, purpose: TokenPurpose, body: string): string {
  return createHmac('sha256', `${purpose}:${secret}`).update(body).digest('base64url');
}
