// The yardstick of `npm run bench` (tests/load/harness.ts): Fastify with one route and nothing else, so the
// bench can say what share of this machine's plain HTTP speed each page of the app reaches.
import Fastify from 'fastify';

const app = Fastify();
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.once('SIGTERM', () => void app.close());
