import type { FastifyInstance } from 'fastify';
import type { Mailer } from '../../src/adapters/mailer.js';
import type { Database } from '../../src/db/client.js';
import { createServices, type Services } from '../../src/services/index.js';
import { testDeps } from './app.js';
import { WebClient } from './web-client.js';

export const adminLogin = {
  username: 'ada',
  password: 'a long enough password',
  name: 'Ada',
  email: 'ada@example.com',
};

/** The services on the test database, with an admin and the default category in place; `mailer` keeps the mails. */
export async function blogWithAdmin(
  database: Database,
  env: Record<string, string> = {},
): Promise<Services & { mailer: Mailer }> {
  const deps = await testDeps(database, env);
  const services = createServices(deps);
  await services.auth.saveAdmin(adminLogin);
  await services.categories.defaultCategory();
  return { ...services, mailer: deps.mailer };
}

/** A browser-like client that has logged in as the admin, through the login form. */
export async function adminClient(app: FastifyInstance): Promise<WebClient> {
  const client = new WebClient(app);
  await client.get('/login');
  const response = await client.submit('/login', { username: adminLogin.username, password: adminLogin.password });
  if (response.statusCode !== 303) throw new Error(`login failed: ${response.statusCode}`);
  return client;
}

/** A post written through the service (Markdown body), in the default category unless told otherwise. */
export async function writePost(services: Services, title: string, body = 'Some *text*.', categoryId?: number) {
  const category = categoryId ?? (await services.categories.defaultCategory()).id;
  return services.posts.create({ title, body, categoryId: category });
}
