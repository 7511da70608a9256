import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Actor, Role } from '../../src/core/permissions.js';
import type { Database } from '../../src/db/client.js';
import type { User } from '../../src/db/schema/index.js';
import { createServices, type Services } from '../../src/services/index.js';
import type { ServiceDeps } from '../../src/services/deps.js';
import { testDeps } from './app.js';
import { imageBytes } from './images.js';
import { WebClient } from './web-client.js';

export const password = 'a long enough password';

/** Tests log in and post far more often than a person: the per-address limits are raised for them. */
export const manyPosts = { LOGIN_RATE_LIMIT: '1000', WRITE_RATE_LIMIT: '1000' };

/** The services on the test database, as src/app.ts makes them (mail kept in memory unless SMTP_URL is given). */
export async function photoServices(
  database: Database,
  env: Record<string, string> = {},
): Promise<Services & { deps: ServiceDeps }> {
  const deps = await testDeps(database, env);
  return { ...createServices(deps), deps };
}

/** A confirmed user with this role (unless told otherwise), made through the service. */
export async function makeUser(
  services: Services,
  username: string,
  { role = 'user', confirmed = true, active = true }: { role?: Role; confirmed?: boolean; active?: boolean } = {},
): Promise<User> {
  const user = await services.accounts.register(
    { username, email: `${username}@example.com`, name: username[0]!.toUpperCase() + username.slice(1), password },
    { confirmed },
  );
  if (role === 'user' && active) return user;
  return services.accounts.administer(system, user.id, { role, active });
}

/** An administrator that is no user: how tests arrange roles without a second account. */
export const system: Actor = { id: 0, role: 'administrator', confirmed: true, active: true };

/** A browser-like client logged in through the login form. */
export async function loggedIn(app: FastifyInstance, login: string): Promise<WebClient> {
  const client = new WebClient(app);
  await client.get('/login');
  const response = await client.submit('/login', { login, password });
  if (response.statusCode !== 303) throw new Error(`login as ${login} failed: ${response.statusCode}`);
  await client.get('/');
  return client;
}

export interface FilePart {
  field?: string;
  name?: string;
  type?: string;
  data: Buffer;
}

/** A multipart/form-data body, encoded the way a browser does (by the platform's own FormData). */
export async function multipart(fields: Record<string, string>, files: FilePart[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files)
    form.append(
      file.field ?? 'photos',
      new Blob([new Uint8Array(file.data)], { type: file.type ?? 'image/jpeg' }),
      file.name ?? 'photo.jpg',
    );
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! };
}

/** Posts a multipart form as the client (its cookies, and the CSRF token of the last page it saw). */
export async function postFiles(
  app: FastifyInstance,
  client: WebClient | undefined,
  url: string,
  fields: Record<string, string>,
  files: FilePart[],
  accept = 'text/html',
): Promise<LightMyRequestResponse> {
  const body = await multipart(client ? { _csrf: client.csrfToken(), ...fields } : fields, files);
  return app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': body.contentType, accept, ...client?.cookieHeader() },
    payload: body.payload,
  });
}

/** A photo uploaded through the service, with real JPEG bytes. */
export async function uploadPhoto(services: Services, author: User, description = 'A photo', tags: string[] = []) {
  const [photo] = await services.photos.upload(author, {
    files: [{ filename: 'test.jpg', data: await imageBytes('jpeg', { width: 900, height: 600 }) }],
    description,
    tags,
  });
  return photo!;
}
