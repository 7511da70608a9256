import type { webcrypto } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppError } from './errors.js';

export type Role = 'user' | 'admin';

/** Who a request comes from, as an access token says. */
export interface Principal {
  userId: number;
  role: Role;
}

/**
 * Access tokens: short-lived JWTs signed with HS256 (jose). They are checked without a database read, which is
 * what makes them cheap; the price is that they stay valid until they expire, so they expire soon
 * (ACCESS_TOKEN_TTL) and a client gets new ones with its refresh token (src/services/auth-service.ts).
 */
export class AccessTokens {
  private key: Promise<webcrypto.CryptoKey> | undefined;

  constructor(
    private readonly secret: string,
    private readonly ttlSeconds: number,
    private readonly issuer = 'study-project',
  ) {}

  /** Imported once: given the raw bytes, jose imports a WebCrypto key on every call (a fifth of a check's cost). */
  private cryptoKey(): Promise<webcrypto.CryptoKey> {
    this.key ??= crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(this.secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return this.key;
  }

  get lifetime(): number {
    return this.ttlSeconds;
  }

  async sign({ userId, role }: Principal, now = new Date()): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({ role })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(userId))
      .setIssuer(this.issuer)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(await this.cryptoKey());
  }

  /** The token's principal; an AppError('unauthorized') for an expired, tampered or malformed token. */
  async verify(token: string): Promise<Principal> {
    try {
      // algorithms is pinned: a token that says "alg: none" or another algorithm is refused.
      const { payload } = await jwtVerify(token, await this.cryptoKey(), {
        algorithms: ['HS256'],
        issuer: this.issuer,
      });
      const userId = Number(payload.sub);
      const role = payload.role;
      if (!Number.isInteger(userId) || (role !== 'user' && role !== 'admin')) throw new Error('unexpected claims');
      return { userId, role };
    } catch (error) {
      const expired = error instanceof errors.JWTExpired;
      throw new AppError('unauthorized', expired ? 'The access token has expired.' : 'The access token is not valid.');
    }
  }
}
