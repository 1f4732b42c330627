// Slow clients for the nginx limit tests (not a test file itself): raw TCP
// connections from a chosen loopback source address that send a request's
// header or body a little at a time, the way a slowloris attack does.
// Every connection is kept in a pool, and pool.destroyAll() ends them all,
// so a test never leaves one behind.
'use strict';
const net = require('node:net');

// What one slow connection saw: the raw bytes nginx sent (if any), the
// status line parsed from them, and how the connection ended.
class SlowConnection {
  constructor(pool, localAddress, url) {
    const u = new URL(url);
    this.pool = pool;
    this.host = u.host;
    this.path = u.pathname + u.search;
    this.started = Date.now();
    this.chunks = [];
    this.error = null;
    this.closedAfterMs = null;
    this.timers = new Set();
    this.socket = net.connect({ host: u.hostname, port: Number(u.port), localAddress });
    this.socket.setNoDelay(true);
    this.socket.on('data', (c) => this.chunks.push(c));
    this.socket.on('error', (e) => { this.error = e.code || e.message; });
    this.connected = new Promise((resolve) => this.socket.once('connect', resolve));
    this.closed = new Promise((resolve) => this.socket.once('close', () => {
      this.closedAfterMs = Date.now() - this.started;
      this.stopSending();
      pool.connections.delete(this);
      resolve(this);
    }));
    pool.connections.add(this);
  }
  get isOpen() {
    return this.closedAfterMs === null;
  }
  get text() {
    return Buffer.concat(this.chunks).toString('utf8');
  }
  // The status of nginx's answer, or null when it sent nothing.
  get status() {
    const m = this.text.match(/^HTTP\/1\.[01] (\d{3}) /);
    return m ? Number(m[1]) : null;
  }
  // The answer's header lines, lower-cased names (a name sent twice is
  // joined with ", ", as fetch's Headers does, so a duplicate shows).
  get headers() {
    const h = new Headers();
    const head = this.text.split('\r\n\r\n')[0].split('\r\n').slice(1);
    for (const line of head) {
      const i = line.indexOf(':');
      if (i > 0) h.append(line.slice(0, i).trim(), line.slice(i + 1).trim());
    }
    return h;
  }
  get body() {
    const i = this.text.indexOf('\r\n\r\n');
    return i < 0 ? '' : this.text.slice(i + 4);
  }
  write(s) {
    if (this.isOpen && !this.socket.destroyed) this.socket.write(s);
  }
  // Sends `pieces` one by one, every `intervalMs`, and then nothing more
  // (the connection stays open until nginx or the test ends it).
  trickle(pieces, intervalMs) {
    const queue = [...pieces];
    const timer = setInterval(() => {
      if (!queue.length || !this.isOpen) {
        clearInterval(timer);
        this.timers.delete(timer);
        return;
      }
      this.write(queue.shift());
    }, intervalMs);
    this.timers.add(timer);
  }
  stopSending() {
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
  }
  destroy() {
    this.stopSending();
    this.socket.destroy();
  }
}

class SlowPool {
  constructor() {
    this.connections = new Set();
  }
  // A connection that sends nothing at all.
  idle(localAddress, url) {
    return new SlowConnection(this, localAddress, url);
  }
  // A GET whose header never ends: the request line at once, then one more
  // header line every `intervalMs` (`lines` of them), never the blank line.
  trickleHeader(localAddress, url, { intervalMs = 500, lines = 60 } = {}) {
    const c = new SlowConnection(this, localAddress, url);
    c.connected.then(() => {
      c.write(`GET ${c.path} HTTP/1.1\r\nHost: ${c.host}\r\n`);
      c.trickle(Array.from({ length: lines }, (_, i) => `X-Slow-${i}: ${'a'.repeat(8)}\r\n`), intervalMs);
    });
    return c;
  }
  // A POST with a complete header promising `length` bytes of body, then
  // one byte every `intervalMs` (`bytes` of them), then silence.
  slowBody(localAddress, url, { length = 4096, intervalMs = 250, bytes = 4 } = {}) {
    const c = new SlowConnection(this, localAddress, url);
    c.connected.then(() => {
      c.write(`POST ${c.path} HTTP/1.1\r\nHost: ${c.host}\r\n` +
        'Content-Type: application/x-www-form-urlencoded\r\n' +
        `Content-Length: ${length}\r\n\r\nx=`);
      c.trickle(Array(bytes).fill('a'), intervalMs);
    });
    return c;
  }
  open() {
    return [...this.connections].filter((c) => c.isOpen);
  }
  destroyAll() {
    for (const c of this.connections) c.destroy();
    this.connections.clear();
  }
}

// Resolves with `check()`'s first truthy value, or with its last falsy one
// once `timeout` ms have passed: a bounded wait, never a hang.
async function until(check, { timeout, interval = 50 }) {
  const started = Date.now();
  for (;;) {
    const v = await check();
    if (v || Date.now() - started > timeout) return v;
    await new Promise((r) => setTimeout(r, interval));
  }
}

module.exports = { SlowPool, SlowConnection, until };
