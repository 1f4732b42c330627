// Shared helpers for the HTTP and browser tests: where the portal under test
// is, a small cookie-keeping HTTP client, the CSRF token of a page, and
// direct looks into MariaDB (to assert what is stored) through the same
// start script the portal uses.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const BASE = process.env.PORTAL_URL || 'http://127.0.0.1:8180';
// the same nginx without the page cache, for assertions that must not wait
const ORIGIN = process.env.PORTAL_ORIGIN_URL || 'http://127.0.0.1:8181';
const INSTANCE = process.env.PORTAL_INSTANCE || 'test';

function stack(args, input) {
  return execFileSync('bash', [path.join(ROOT, 'cgi/tools/stack.sh'), ...args], {
    env: { ...process.env, PORTAL_INSTANCE: INSTANCE },
    input,
    encoding: 'utf8',
  });
}

// Runs SQL as the database administrator; returns rows as arrays of strings.
function sql(query) {
  const out = stack(['sql', '-N', '--raw', '-e', query]);
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

// A browser-like client: keeps cookies, does not follow redirects by itself.
class Client {
  constructor(base = BASE) {
    this.base = base;
    this.cookies = new Map();
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
    const res = await fetch(this.base + p, { method, body, headers: h, redirect: 'manual' });
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

module.exports = { ROOT, BASE, ORIGIN, INSTANCE, Client, csrfOf, sql, createUser, stack };
