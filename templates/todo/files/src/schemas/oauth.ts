import { z } from 'zod';

/**
 * POST /oauth/token, RFC 6749: form fields with the names the RFC gives them. Which fields a grant needs is
 * checked by the route (an RFC error code for each case), so they are all optional here.
 */
export const tokenRequest = z.object({
  grant_type: z.string().max(40).describe('password (§4.3) or refresh_token (§6)'),
  username: z.string().max(254).optional().describe('password grant: the e-mail address of the account'),
  password: z.string().max(200).optional().describe('password grant'),
  refresh_token: z.string().max(200).optional().describe('refresh_token grant: the refresh token of a former answer'),
  scope: z.string().max(200).optional().describe('Ignored: a token gives the whole API'),
});

/** RFC 6749 §5.1. */
export const tokenResponse = z.object({
  access_token: z.string().describe('Send it as `Authorization: Bearer <access_token>`'),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('Seconds until the access token expires'),
  refresh_token: z.string().describe('For a new pair when this access token expires; it works once'),
});

export const oauthErrorCode = z.enum(['invalid_request', 'invalid_grant', 'unsupported_grant_type']);

/** RFC 6749 §5.2: the token endpoint's own error format (not the rest of the API's). */
export const oauthError = z.object({
  error: oauthErrorCode,
  error_description: z.string(),
});

export const demoAccount = z.object({
  email: z.string(),
  password: z.string().describe('Random; shown once. Sign in with it at /oauth/token'),
  name: z.string(),
});

export type TokenRequest = z.infer<typeof tokenRequest>;
export type OAuthErrorCode = z.infer<typeof oauthErrorCode>;
