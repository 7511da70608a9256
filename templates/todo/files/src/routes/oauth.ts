import fastifyFormbody from '@fastify/formbody';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors.js';
import { type OAuthErrorCode, oauthError, tokenRequest, tokenResponse } from '../schemas/oauth.js';
import type { Services } from '../services/index.js';

/** An answer of the token endpoint in RFC 6749's own error format (§5.2). */
class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const formOnly = 'Send the form as application/x-www-form-urlencoded (RFC 6749).';

/**
 * The OAuth 2 token endpoint (RFC 6749), as Todoism has it: the "resource owner password credentials" grant
 * (§4.3: the SPA sends the user's e-mail and password, form-encoded, and gets a bearer token that expires) and
 * the refresh grant (§6: a new pair for a refresh token, which works once). Accounts and tokens are the api
 * layer's AuthService; this plugin only speaks the protocol.
 */
export const oauthRoutes: FastifyPluginAsync<{ services: Services }> = async (app, { services }) => {
  // Form bodies for this plugin's routes only; JSON is not what RFC 6749 sends.
  await app.register(fastifyFormbody);
  app.removeContentTypeParser('application/json');
  const routes = app.withTypeProvider<ZodTypeProvider>();

  // Token answers must not be cached by the browser or a proxy (§5.1).
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    return payload;
  });

  // What goes wrong here is told as §5.2 says: { error, error_description } with 400. Anything else (a rate
  // limit, a crash) is passed on to the app's error handler.
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const answer = (code: OAuthErrorCode, description: string) => {
      request.log.info({ error: code, message: description }, 'token request refused');
      return reply.status(400).send({ error: code, error_description: description });
    };
    if (error instanceof OAuthError) return answer(error.error, error.message);
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return answer('invalid_request', formOnly);
    if (hasZodFastifySchemaValidationErrors(error) || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return answer('invalid_request', 'The grant type must be password or refresh_token.');
    if (error instanceof AppError && error.code === 'unauthorized') return answer('invalid_grant', error.message);
    throw error;
  });

  routes.post(
    '/oauth/token',
    {
      config: { rateLimit: app.authAttemptLimit },
      schema: {
        tags: ['oauth'],
        operationId: 'issueToken',
        summary: 'OAuth 2 token endpoint: password grant (sign in) and refresh_token grant',
        consumes: ['application/x-www-form-urlencoded'],
        body: tokenRequest,
        response: { 200: tokenResponse, 400: oauthError },
      },
    },
    async (request) => {
      const { grant_type: grant, username, password, refresh_token: refreshToken } = request.body;
      let pair;
      if (grant === 'password') {
        if (!username || !password)
          throw new OAuthError('invalid_request', 'The password grant needs a username and a password.');
        pair = await services.auth.login({ email: username.trim().toLowerCase(), password });
      } else if (grant === 'refresh_token') {
        if (!refreshToken) throw new OAuthError('invalid_request', 'The refresh_token grant needs a refresh_token.');
        pair = await services.auth.refresh(refreshToken);
      } else {
        throw new OAuthError('unsupported_grant_type', 'The grant type must be password or refresh_token.');
      }
      return {
        access_token: pair.accessToken,
        token_type: 'Bearer' as const,
        expires_in: pair.expiresIn,
        refresh_token: pair.refreshToken,
      };
    },
  );
};
