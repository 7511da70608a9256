import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { toPublicUser, type PublicUser } from '../../src/services/account-service.js';
import type { Services } from '../../src/services/index.js';
import { testServices } from './app.js';
import { resetDatabase } from './database.js';
import { type RunningServer, startServer } from './server.js';
import { WebClient } from './web-client.js';

/** Tests sign many people up from one address: the per-address limits are the business of their own tests. */
export const relaxedLimits = { LOGIN_RATE_LIMIT: '1000', WRITE_RATE_LIMIT: '1000', SOCKET_RATE_LIMIT: '1000' };

export interface ChatServer {
  server: RunningServer;
  url: string;
  app: FastifyInstance;
  services: Services;
}

/** The app listening on a free port (sockets need a real server), its tables emptied after each test. */
export function useChatServer(env: Record<string, string> = {}): ChatServer {
  const context = {} as ChatServer;
  beforeAll(async () => {
    context.server = await startServer({ ...relaxedLimits, ...env });
    context.url = context.server.url;
    context.app = context.server.app;
    context.services = await testServices(context.server.database);
  });
  afterEach(async () => resetDatabase(context.server.database));
  afterAll(async () => context.server?.close());
  return context;
}

export interface Person {
  user: PublicUser;
  /** The session cookie, as a Cookie header: what the browser sends with the socket's handshake. */
  cookie: string;
  web: WebClient;
}

const password = 'a long enough password';
let people = 0;

/** Someone who registered through the form, and so is signed in; `admin` makes them an admin afterwards. */
export async function signUp(chat: ChatServer, nickname: string, { admin = false } = {}): Promise<Person> {
  const web = new WebClient(chat.app);
  const email = `${nickname.toLowerCase()}.${++people}@example.com`;
  await web.get('/register');
  const response = await web.submit('/register', { email, nickname, password });
  if (response.statusCode !== 303) throw new Error(`registering failed: ${response.statusCode} ${response.body}`);
  const sid = web.cookie('sid');
  if (!sid) throw new Error('no session cookie after registering');
  // The same service as `npm run admin:create`.
  const user = admin
    ? await chat.services.accounts.saveAdmin({ email, nickname, password })
    : await chat.services.accounts.authenticate(email, password);
  if (!user) throw new Error('the new account cannot sign in');
  return { user: toPublicUser(user), cookie: `sid=${sid}`, web };
}
