// Officers' live streams held open during the ingestion phases of `npm run bench`, as the issue
// asks ("with the sweep running and officers' streams open"): N signed-in GET /api/v1/stream
// connections on their own sockets, counting the events they receive.
import http from 'node:http';

export interface OpenStreams {
  /** Streams that answered 200 and are still open. */
  open: () => number;
  /** Closes every stream; returns how many events they received in all. */
  close: () => number;
}

export function openOfficerStreams(base: string, cookie: string, count: number): Promise<OpenStreams> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: count + 1 });
  const requests: http.ClientRequest[] = [];
  let events = 0;
  let open = 0;
  const opened = Array.from(
    { length: count },
    () =>
      new Promise<void>((resolve) => {
        const req = http.get(new URL('/api/v1/stream', base), { agent, headers: { cookie } }, (res) => {
          if (res.statusCode === 200) open++;
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            // One "event:" line per server-sent event; comments (keep-alives) start with ':'.
            events += chunk.split('\nevent:').length - 1 + (chunk.startsWith('event:') ? 1 : 0);
          });
          res.on('close', () => {
            if (res.statusCode === 200) open--;
          });
          resolve();
        });
        req.on('error', () => resolve());
        requests.push(req);
      }),
  );
  return Promise.all(opened).then(() => ({
    open: () => open,
    close: () => {
      for (const req of requests) req.destroy();
      agent.destroy();
      return events;
    },
  }));
}
