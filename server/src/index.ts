import { loadConfig } from './env.js';
import { createApp } from './app.js';

/** Process entry: configure from the environment, listen, and stop gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const port = await app.listen(config.port, config.host);
  console.log(`Bullseye listening on http://${config.host}:${port} (data: ${app.database.location})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received: closing connections and flushing saved changes…`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('shutdown failed', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`Bullseye could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
