// Next gives route handlers a Request without the socket, and `next start` only fills X-Forwarded-For
// from the socket when the client sent none (`??=`), so a handler cannot tell a client's claim from
// the real peer. Installed once at start-up (instrumentation.ts), this writes the socket's address
// into a request header of our own before Next sees the request, replacing anything a client sent.
import 'server-only';
import http from 'node:http';
import https from 'node:https';
import { PEER_HEADER } from './client-address';

const installed = Symbol.for('regwatch.peer-stamp');

function stampPeer(args: unknown[]): void {
  const req = args[0];
  if (!(req instanceof http.IncomingMessage)) return;
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? '';
}

function patch(proto: object): void {
  const original: unknown = Reflect.get(proto, 'emit');
  if (Reflect.get(proto, installed) || typeof original !== 'function') return;
  Reflect.set(proto, 'emit', function emit(this: unknown, event: unknown, ...args: unknown[]): unknown {
    if (event === 'request') stampPeer(args);
    return Reflect.apply(original, this, [event, ...args]);
  });
  Reflect.set(proto, installed, true);
}

export function installPeerStamp(): void {
  // Own prototypes, so only HTTP(S) servers are touched, not every EventEmitter.
  for (const Server of [http.Server, https.Server]) {
    patch(Server.prototype);
  }
}
