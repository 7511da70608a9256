import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, readEnvironment } from './core/config.js';
import { openDatabase } from './db/client.js';

let config;
try {
  config = loadConfig(readEnvironment());
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const database = await openDatabase(config);
await database.migrate();
const app = await buildApp({ config, database });

// SIGTERM (docker stop, Kubernetes) and SIGINT (Ctrl-C): stop accepting connections, let requests in flight
// finish, close the database, exit 0. A second signal, or 10 s without finishing, exits at once.
closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  else app.log.info({ signal }, 'shutting down');
  await app.close();
});

await app.listen({ port: config.PORT, host: config.HOST });
