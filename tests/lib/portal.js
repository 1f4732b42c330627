// Shared helpers for the HTTP and browser tests: where the portal under test
// is, a small cookie-keeping HTTP client, the CSRF token of a page, and
// direct looks into MariaDB (to assert what is stored) through the same
// start script the portal uses.
'use strict';
const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BASE = process.env.PORTAL_URL || 'http://127.0.0.1:8180';
// the same nginx without the page cache, for assertions that must not wait
const ORIGIN = process.env.PORTAL_ORIGIN_URL || 'http://127.0.0.1:8181';
const INSTANCE = process.env.PORTAL_INSTANCE || 'test';

// ---- the HTML pages the tests receive, kept for the HTML checker ----
// With PORTAL_HTML_DUMP=DIR every text/html body a test receives (error
// pages too) is written to DIR/<sha1>.html, once per content, and
// DIR/index.tsv gets a line "file<TAB>status<TAB>METHOD url" per distinct
// visit, so tests/html/check.js can name the page of an error.  Covers
// Client.request, requestFrom and every plain fetch() of the tests (the
// global fetch is wrapped once, here).
const HTML_DUMP = process.env.PORTAL_HTML_DUMP || '';
const recorded = new Set();

function recordPage(method, url, status, contentType, body) {
  if (!HTML_DUMP || !/^\s*text\/html\b/i.test(contentType || '')) return;
  // No page: HEAD, 204 and 304 have no body, and a redirect's body is never
  // shown (a browser follows Location; the portal's are empty, nginx's own
  // for "/office" -> "/office/" is its built-in stub).
  if (method === 'HEAD' || status === 204 || (status >= 300 && status < 400)) return;
  const file = crypto.createHash('sha1').update(body).digest('hex') + '.html';
  const line = `${file}\t${status}\t${method} ${url}\n`;
  if (recorded.has(line)) return;
  recorded.add(line);
  fs.mkdirSync(HTML_DUMP, { recursive: true });
  const where = path.join(HTML_DUMP, file);
  if (!fs.existsSync(where)) fs.writeFileSync(where, body);
  fs.appendFileSync(path.join(HTML_DUMP, 'index.tsv'), line);
}

if (HTML_DUMP && typeof globalThis.fetch === 'function' && !globalThis.fetch.portalRecording) {
  const realFetch = globalThis.fetch;
  const recordingFetch = async function fetch(input, init = {}) {
    const res = await realFetch(input, init);
    const type = res.headers.get('content-type');
    if (/^\s*text\/html\b/i.test(type || '')) {
      const url = typeof input === 'string' ? input : (input instanceof URL ? input.href : input.url);
      const method = String(init.method || (typeof input === 'object' && input.method) || 'GET').toUpperCase();
      // a copy of the body, read beside the test's own reading of it
      res.clone().arrayBuffer().then(
        (buf) => recordPage(method, url, res.status, type, Buffer.from(buf)),
        () => {});  // the test cancelled or lost the body: nothing to check
    }
    return res;
  };
  recordingFetch.portalRecording = true;
  globalThis.fetch = recordingFetch;
}

// The start script for the instance under test, on the port BASE names (a
// test that restarts part of the stack must not move it to the default one).
function stack(args, input) {
  return execFileSync('bash', [path.join(ROOT, 'cgi/tools/stack.sh'), ...args], {
    env: { ...process.env, PORTAL_INSTANCE: INSTANCE, PORTAL_PORT: new URL(BASE).port || '80' },
    input,
    encoding: 'utf8',
  });
}

// Runs SQL as the database administrator; returns rows as arrays of strings.
function sql(query) {
  // on a cluster (tests/cluster/) a read waits for what other nodes committed
  const q = process.env.PORTAL_SQL_SYNC_WAIT ? `SET SESSION wsrep_sync_wait = 15; ${query}` : query;
  const out = stack(['sql', '-N', '--raw', '-e', q]);
  return out.split('\n').filter((l) => l.length).map((l) => l.split('\t'));
}

let userCounter = 0;
// Creates an office account with the given roles; returns {username, password}.
function createUser(roles = 'office', prefix = 'u') {
  const username = `${prefix}${process.pid}x${Date.now() % 100000}x${userCounter++}`;
  const password = `pw-${username}-long-enough`;
  stack(['user', 'add', username, '测试用户', roles], password + '\n');
  return { username, password };
}

// One HTTP request from a chosen source address on the loopback range
// (127.0.0.2, 127.0.0.3, ...), so tests can be "another client" to the
// portal's per-address limits: nginx sees it as $remote_addr.  Answers like
// fetch's Response as far as the tests use it (status, Headers, text).
function requestFrom(localAddress, url, { method = 'GET', headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, localAddress, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const h = new Headers();
        for (let i = 0; i < res.rawHeaders.length; i += 2) h.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        recordPage(method.toUpperCase(), String(url), res.statusCode, h.get('content-type'), Buffer.concat(chunks));
        resolve({ status: res.statusCode, headers: h, text: async () => Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body); else req.end();
  });
}

// A browser-like client: keeps cookies, does not follow redirects by itself.
// `localAddress` makes it connect from that loopback address.
class Client {
  constructor(base = BASE, { localAddress } = {}) {
    this.base = base;
    this.cookies = new Map();
    this.localAddress = localAddress;
  }
  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  remember(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const maxAge = attrs.find((a) => /max-age=0\b/i.test(a.trim()));
      if (maxAge || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  async request(method, p, { body, headers = {} } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    const res = this.localAddress
      ? await requestFrom(this.localAddress, this.base + p, { method, body, headers: h })
      : await fetch(this.base + p, { method, body, headers: h, redirect: 'manual' });
    this.remember(res);
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, location: res.headers.get('location') };
  }
  get(p, opts) {
    return this.request('GET', p, opts);
  }
  // Posts a form (urlencoded); `fields` is an object or URLSearchParams.
  post(p, fields, opts = {}) {
    const body = fields instanceof URLSearchParams ? fields : new URLSearchParams(fields);
    return this.request('POST', p, {
      body: body.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(opts.headers || {}) },
    });
  }
  // Fetches a page and returns the CSRF token of its first form.
  async csrf(p) {
    const page = await this.get(p);
    return csrfOf(page.text);
  }
  async login(user) {
    const token = await this.csrf('/office/login');
    const res = await this.post('/office/login', { _csrf: token, username: user.username, password: user.password });
    if (res.status !== 303) throw new Error(`login failed: ${res.status}`);
    return res;
  }
}

function csrfOf(html) {
  const m = html.match(/name="_csrf" value="([^"]+)"/);
  return m ? m[1] : null;
}

module.exports = { ROOT, BASE, ORIGIN, INSTANCE, Client, csrfOf, sql, createUser, stack, requestFrom };
