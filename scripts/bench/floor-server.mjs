// The HTTP floor for the benchmark: a bare node:http server that reads each request body and
// answers 200 with nothing else, so the same load client shows what HTTP alone costs on this
// machine. Listens on 127.0.0.1 at the port given; stops on SIGTERM.
import http from 'node:http';

const port = Number(process.argv[2]);
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-length': 0 });
    res.end();
  });
});
server.keepAliveTimeout = 30_000;
server.listen(port, '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
