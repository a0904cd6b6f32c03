// The reference row of `npm run bench`: the stock y-websocket server, as
// `@y/websocket-server@0.1.1/src/server.js` runs it (the newest release for Yjs 13; 0.1.5 needs a
// Yjs 14 prerelease), with no persistence (YPERSISTENCE unset) and no authentication. Two
// differences, both to run it under the same harness: it binds 127.0.0.1 on port 0 and prints the
// port it got, and it uses the `ws` version Bullseye uses (8) instead of the package's own ws 6, so
// the comparison is about the collaboration layer rather than the WebSocket library.
import console from 'node:console';
import http from 'node:http';
import process from 'node:process';
import { WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
});
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
  const address = server.address();
  console.log(`stock y-websocket server listening on ${address.address}:${address.port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => process.exit(0));
