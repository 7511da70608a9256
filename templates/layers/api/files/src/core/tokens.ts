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
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
    private readonly issuer = 'study-project',
  ) {
    this.key = new TextEncoder().encode(secret);
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
      .sign(this.key);
  }

  /** The token's principal; an AppError('unauthorized') for an expired, tampered or malformed token. */
  async verify(token: string): Promise<Principal> {
    try {
      // algorithms is pinned: a token that says "alg: none" or another algorithm is refused.
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'], issuer: this.issuer });
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
