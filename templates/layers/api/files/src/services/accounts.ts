import { AccessTokens } from '../core/tokens.js';
import { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import { UserRepository } from '../repositories/user-repository.js';
import { AuthService } from './auth-service.js';
import type { ServiceDeps } from './deps.js';
import { UserService } from './user-service.js';

/** The api layer's services, for a template's createServices: `{ ...accountServices(deps), …its own }`. */
export function accountServices({ db, config }: ServiceDeps) {
  const users = new UserRepository(db);
  const refreshTokens = new RefreshTokenRepository(db);
  const tokens = new AccessTokens(config.JWT_SECRET, config.ACCESS_TOKEN_TTL);
  return {
    auth: new AuthService(users, refreshTokens, tokens, config.REFRESH_TOKEN_TTL),
    users: new UserService(users, refreshTokens),
  };
}
