import 'server-only';
// The ingest server's HTTP layer on plain node:http: it turns each request into a web Request and
// hands it to the very route handlers the dashboard serves, so status codes, problem+json bodies
// and the OsmAnd/OwnTracks answers are the same bytes on both processes. The hot OsmAnd shapes skip
// the web Request/Response round trip (ingest-fast-path.ts) but run the same route code.
import http from 'node:http';
import * as enroll from '@/app/api/v1/device/enroll/route';
import * as events from '@/app/api/v1/device/events/route';
import * as positions from '@/app/api/v1/device/positions/route';
import * as addressChange from '@/app/api/v1/device/registrations/[id]/address/route';
import * as registrations from '@/app/api/v1/device/registrations/route';
import * as deviceStatus from '@/app/api/v1/device/status/route';
import * as notifications from '@/app/api/v1/device/notifications/route';
import * as notificationsAck from '@/app/api/v1/device/notifications/ack/route';
import * as osmand from '@/app/api/v1/ingest/osmand/route';
import * as owntracks from '@/app/api/v1/ingest/owntracks/route';
import { PEER_HEADER } from '@/lib/auth/client-address';
import { refuseUndecodablePath } from './api-path-guard';
import { answerOsmAnd, OSMAND_PATH, takesOsmAnd } from './ingest-fast-path';
import { refuseOtherMethods } from './method-not-allowed';
import { problem } from './problem';

type Handler = (req: Request) => Promise<Response>;
type Methods = Partial<Record<'GET' | 'POST', Handler>>;

const ROUTES: Record<string, Methods> = {
  '/api/v1/device/enroll': { POST: enroll.POST },
  '/api/v1/device/events': { POST: events.POST },
  '/api/v1/device/positions': { POST: positions.POST },
  '/api/v1/device/registrations': { POST: registrations.POST },
  '/api/v1/device/status': { GET: deviceStatus.GET },
  '/api/v1/device/notifications': { GET: notifications.GET },
  '/api/v1/device/notifications/ack': { POST: notificationsAck.POST },
  '/api/v1/ingest/osmand': { GET: osmand.GET, POST: osmand.POST },
  '/api/v1/ingest/owntracks': { POST: owntracks.POST },
};

const REFUSABLE = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

// The one device path with an id in it: a declared address changed on a live registration.
const ADDRESS_CHANGE = /^\/api\/v1\/device\/registrations\/([^/]+)\/address$/;

function findRoute(pathname: string): Methods | undefined {
  const path = pathname.replace(/\/+$/, '');
  const fixed = ROUTES[path];
  if (fixed) return fixed;
  const id = ADDRESS_CHANGE.exec(path)?.[1];
  if (id === undefined) return undefined;
  let param: string;
  try {
    param = decodeURIComponent(id);
  } catch {
    return undefined;
  }
  return { POST: (req) => addressChange.POST(req, { params: Promise.resolve({ id: param }) }) };
}

// Every route caps its body at 1 MB or less; reading one byte more is enough for its own 413.
const READ_CAP = 1_000_001;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    req.on('data', (chunk: Buffer) => {
      if (total >= READ_CAP) return;
      chunks.push(chunk);
      total += chunk.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks).subarray(0, READ_CAP)));
    req.on('error', reject);
  });
}

function toHeaders(req: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  // The socket peer, replacing any value a client sent: the enrolment limit keys on it.
  headers.set(PEER_HEADER, req.socket.remoteAddress ?? '');
  return headers;
}

async function send(res: http.ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  res.writeHead(response.status, { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

function parseUrl(req: http.IncomingMessage): URL {
  const path = req.url ?? '/';
  try {
    return new URL(path, `http://${req.headers.host ?? '127.0.0.1'}`);
  } catch {
    // A Host header that is not a host: the device routes do not read it, so it is not an error.
    return new URL(path, 'http://127.0.0.1');
  }
}

async function route(
  req: http.IncomingMessage,
  url: URL,
  health: () => Promise<boolean>,
  read: Buffer | null = null,
): Promise<Response> {
  if (url.pathname === '/api/health') {
    const ok = await health().catch(() => false);
    return Response.json({ ok, role: 'ingest' }, { status: ok ? 200 : 503 });
  }
  // As the dashboard's proxy does: a broken %-escape is a 400, not a 404 (api-path-guard.ts).
  const undecodable = refuseUndecodablePath(url.pathname);
  if (undecodable) return undecodable;
  const methods = findRoute(url.pathname);
  if (!methods) return problem(404, `Nothing is served at ${url.pathname} by the ingest server.`);
  const method =
    req.method === 'GET' || req.method === 'HEAD' ? 'GET' : req.method === 'POST' ? 'POST' : null;
  const handler = method ? methods[method] : undefined;
  if (!handler) {
    // The route files export these refusals for the methods they do not serve (405 with Allow,
    // OPTIONS 204): the same ones, for the same methods.
    const served = (['GET', 'POST'] as const).filter((m) => methods[m]);
    const name = req.method === 'HEAD' ? 'GET' : req.method;
    const refusable = REFUSABLE.find((m) => m === name);
    if (refusable) return refuseOtherMethods(...served)[refusable](new Request(url, { method: req.method }));
    const allowed = Object.keys(methods).join(', ');
    return problem(405, `Use ${allowed} on ${url.pathname}.`, {}, { allow: allowed });
  }
  const body = method === 'POST' ? (read ?? (await readBody(req))) : null;
  return handler(
    new Request(url, {
      method: req.method,
      headers: toHeaders(req),
      body: body && body.length ? new Uint8Array(body) : null,
    }),
  );
}

async function serve(req: http.IncomingMessage, res: http.ServerResponse, health: () => Promise<boolean>) {
  const url = parseUrl(req);
  if (url.pathname.replace(/\/+$/, '') === OSMAND_PATH && takesOsmAnd(req)) {
    const body = req.method === 'POST' ? await readBody(req) : null;
    const answer = await answerOsmAnd(req.method ?? 'GET', url.searchParams, body);
    if (answer instanceof Response) return send(res, answer);
    if (answer) {
      // What send() writes for the route's bodiless 200 Response.
      res.writeHead(answer.status, { ...answer.headers, 'content-length': '0' });
      res.end();
      return;
    }
    return send(res, await route(req, url, health, body));
  }
  return send(res, await route(req, url, health));
}

export function createIngestServer(health: () => Promise<boolean>): http.Server {
  const server = http.createServer((req, res) => {
    serve(req, res, health).catch(() => {
      // The handlers answer their own errors; this is the adapter failing (a dropped socket).
      console.error('[ingest] request failed in the HTTP adapter');
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 65_000;
  return server;
}
