/**
 * Benchmark child: bare Fastify answering a constant. The baseline every HTTP
 * scenario is compared with. Listens on 127.0.0.1 on a free port and reports it over IPC.
 */
import Fastify from 'fastify';
import { answerCommon, type ToChild } from './protocol.ts';

const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : 0;

process.on('message', (msg: ToChild) => answerCommon(msg));
const stop = async () => {
  await app.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
