import { loadConfig } from './env.js';
import { createApp } from './app.js';

/** Process entry: configure from the environment, listen, and stop gracefully on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const port = await app.listen(config.port, config.host);
  console.log(
    `Bullseye is running at ${addressToOpen(config.publicUrl, config.host, port)} ` +
      `(listening on ${config.host}:${port}, data: ${app.database.location})`,
  );

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

/** What to open in a browser: PUBLIC_URL when set, else this machine's address on the bound port. */
function addressToOpen(publicUrl: string | undefined, host: string, port: number): string {
  if (publicUrl) return publicUrl;
  const local = ['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost'].includes(host);
  return `http://${local ? 'localhost' : host.includes(':') ? `[${host}]` : host}:${port}`;
}

main().catch((error: unknown) => {
  console.error(`Bullseye could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
