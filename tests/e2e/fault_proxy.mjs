// A fault injector for end-to-end tests (tests/e2e/faults.test.mjs): a small HTTP proxy placed
// between the app and nginx's exchange (tools/nginx-run's VSYS_EXCHANGE_URL points the app at
// it). It passes every request through unchanged, except those matched by the fault in force,
// which it answers the way a failing exchange or the network in front of it would:
//   status     answer with an HTTP status (500, 503, 504 …) without passing the request on,
//              after `delayMs` (a gateway that gave up waiting)
//   hang       never answer (the connection stays open until the fault is cleared)
//   cut        pass the request on, then send the answer's headers and half of its body and
//              close the connection (a GET's file arrives truncated; a PUT is stored by nginx
//              but its answer never arrives)
//   cut-upload pass on only half of a PUT's body, then close both sides: nginx stores nothing
//   slow       pass through, but hold the answer `delayMs` and trickle its body in small pieces
// A fault applies to the first `times` requests it matches, then the exchange is healthy again.
// Answers made up here carry the exchange's CORS headers, as nginx's `always` headers would, so
// the browser sees the status rather than a CORS failure.
import http from 'node:http';

export class FaultProxy {
  static async start() {
    const p = new FaultProxy();
    p.target = null;          // nginx's exchange port, set once nginx runs
    p.fault = null;
    p.injected = [];          // "METHOD path fault" of every request a fault was applied to
    p.seen = [];              // "METHOD path status" of every request passed through
    p.hung = new Set();
    p.server = http.createServer((req, res) => p.handle(req, res));
    p.server.keepAliveTimeout = 1000;
    await new Promise((r) => p.server.listen(0, '127.0.0.1', r));
    return p;
  }
  get url() { return `http://127.0.0.1:${this.server.address().port}/`; }

  // fault: {kind, match(req) → bool, times, status?, delayMs?}
  inject(fault) {
    this.fault = { times: 1, ...fault };
    this.injected = [];
  }
  clear() {
    this.fault = null;
    for (const res of this.hung) res.socket?.destroy();
    this.hung.clear();
  }
  async stop() {
    this.clear();
    this.server.closeAllConnections?.();
    await new Promise((r) => this.server.close(r));
  }

  cors(req) {
    const h = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff', Vary: 'Origin' };
    if (req.headers.origin) {
      Object.assign(h, { 'Access-Control-Allow-Origin': req.headers.origin, 'Access-Control-Expose-Headers': 'Date' });
    }
    return h;
  }

  handle(req, res) {
    const f = this.fault;
    const hit = f && f.times > 0 && req.method !== 'OPTIONS' && f.match(req);
    if (hit) {
      f.times--;
      this.injected.push(`${req.method} ${req.url} ${f.kind}`);
    }
    const kind = hit ? f.kind : 'pass';
    if (kind === 'status') {
      req.resume();
      setTimeout(() => { res.writeHead(f.status, this.cors(req)); res.end(`injected ${f.status}\n`); }, f.delayMs || 0);
      return;
    }
    if (kind === 'hang') {
      req.resume();
      this.hung.add(res);
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: this.target, method: req.method, path: req.url,
      headers: req.headers }, (up) => this.answer(req, res, up, kind, f));
    upstream.on('error', () => res.socket?.destroy());
    if (kind === 'cut-upload') {
      // Half of the body, then both connections closed: nginx never receives the whole PUT.
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        upstream.write(body.subarray(0, body.length >> 1), () => setTimeout(() => {
          upstream.destroy();
          res.socket?.destroy();
        }, 50));
      });
      return;
    }
    req.pipe(upstream);
  }

  answer(req, res, up, kind, f) {
    this.seen.push(`${req.method} ${req.url} ${up.statusCode}`);
    if (kind === 'pass') {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
      return;
    }
    const chunks = [];
    up.on('data', (c) => chunks.push(c));
    up.on('end', async () => {
      const body = Buffer.concat(chunks);
      const headers = { ...up.headers, 'content-length': String(body.length) };
      delete headers['transfer-encoding'];
      if (kind === 'cut') {
        // An answer without a body (a PUT's 201) never arrives; one with a body arrives with
        // headers that promise all of it, half of it, and then the connection closes.
        if (body.length === 0) { res.socket?.destroy(); return; }
        res.writeHead(up.statusCode, headers);
        res.write(body.subarray(0, body.length >> 1));
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      }
      // slow: a line that takes its time, but delivers everything.
      await new Promise((r) => setTimeout(r, f.delayMs || 1000));
      res.writeHead(up.statusCode, headers);
      for (let i = 0; i < body.length; i += 512) {
        res.write(body.subarray(i, i + 512));
        await new Promise((r) => setTimeout(r, 10));
      }
      res.end();
    });
  }
}
