import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A partner's web site on its own origin (another port on 127.0.0.1 is another
 * origin): a page with a div to render into, and a style sheet that would leak
 * into an Element if its isolation failed.
 */
const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Partner app</title>
  <style>
    body { font-family: Georgia, serif; margin: 24px; color: #222; }
    /* Hostile page styles: none of this may reach inside an Element. */
    button { background: #ff00ff !important; font-size: 40px; }
    input, label, h2 { color: #00ff00; font-family: "Comic Sans MS"; }
    #mount { max-width: 420px; }
  </style>
</head>
<body>
  <main>
    <h1>Partner app</h1>
    <div id="mount"></div>
  </main>
</body>
</html>`;

export interface PartnerSite { url: string; close(): Promise<void> }

export async function startPartnerSite(): Promise<PartnerSite> {
  const server: Server = createServer((req, res) => {
    if (req.url === '/' || req.url?.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
