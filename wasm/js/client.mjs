// The API clients: fetch around the C++ sans-IO core. C++ builds the request (body, Accept,
// Content-Type, X-Request-Id, Idempotency-Key, validation) and reads the response (typed value,
// ApiError with ModelState, decode errors with paths), and decides each retry with the native
// RetryPolicy rules; this file only moves bytes, keeps time and honours the AbortSignal. The
// request is built once, so every attempt carries the same X-Request-Id and Idempotency-Key.
import { TransportError } from './errors.mjs';
import { unwrap } from './result.mjs';

const DEFAULT_TIMEOUT_MS = 30_000;
// As the native transport's max_response_bytes: an answer is an order's results, kilobytes.
const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * The body as text, read no further than `max` bytes: a server (or a proxy) that sends without
 * end would otherwise fill the page's memory within the time limit, and then the module's.
 */
async function readText(res, max) {
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max || !res.body) {
    if (declared > max) throw { tooLarge: true };
    return res.text();
  }
  const reader = res.body.getReader();
  const decoder = new TextDecoder(); // UTF-8 and a BOM dropped, as res.text() does
  let taken = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    taken += value.byteLength;
    if (taken > max) {
      reader.cancel().catch(() => {});
      throw { tooLarge: true };
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** Headers as [name, value] pairs, from a plain object, a Headers or an array of pairs. */
function pairs(headers) {
  if (!headers) return [];
  if (Array.isArray(headers)) return headers.map(([k, v]) => [String(k), String(v)]);
  if (typeof headers.forEach === 'function' && typeof headers.get === 'function') {
    const out = [];
    headers.forEach((v, k) => out.push([k, v]));
    return out;
  }
  return Object.entries(headers).map(([k, v]) => [k, String(v)]);
}

function headerOf(list, name) {
  const lower = name.toLowerCase();
  const found = list.find(([k]) => k.toLowerCase() === lower);
  return found ? found[1] : undefined;
}

function abortedError(signal, requestId, attempts) {
  return new TransportError('the call was aborted', { code: 'aborted', requestId, attempts, cause: signal.reason });
}

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(); }, ms);
    function onAbort() { clearTimeout(timer); reject(signal.reason); }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// Node's fetch names the socket error in `cause`; these certainly never reached the server.
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

function retryOptions(retries) {
  if (retries === undefined || retries === null) return {};
  if (typeof retries === 'number') {
    if (!Number.isInteger(retries) || retries < 1) throw new TypeError('retries must be a whole number of attempts >= 1');
    return { maxAttempts: retries };
  }
  if (typeof retries === 'object') return { ...retries };
  throw new TypeError('retries must be a number of attempts or a retry policy object');
}

class Client {
  constructor(m, options) {
    if (!options || typeof options.baseUrl !== 'string' || !options.baseUrl) {
      throw new TypeError('client options need a baseUrl, e.g. { baseUrl: "https://shop.example/mobile" }');
    }
    const format = options.format ?? 'json';
    if (format !== 'json' && format !== 'xml') throw new TypeError(`format must be 'json' or 'xml', got ${format}`);
    const fetchFn = options.fetch ?? globalThis.fetch;
    if (typeof fetchFn !== 'function') throw new TypeError('no fetch: pass options.fetch');
    // Called as a plain function: the browser's fetch throws "Illegal invocation" as a method.
    const callFetch = (url, init) => fetchFn.call(globalThis, url, init);
    // A relative base URL ("/mobile") is resolved against the page, as fetch would.
    const base = globalThis.location ? new URL(options.baseUrl, globalThis.location.href).href : options.baseUrl;
    this.m = m;
    this.fetch = callFetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    if (!(this.maxResponseBytes > 0)) throw new TypeError('maxResponseBytes must be a positive number of bytes');
    // The core fills in its defaults, so this file holds none (and reports the real maxAttempts).
    this.retry = unwrap(m.retryPolicy(retryOptions(options.retries)));
    this.wire = { baseUrl: base, format, headers: pairs(options.headers), validate: options.validate ?? true,
                  retry: this.retry, accept: options.accept ?? '' };
  }

  /** One attempt: the response as { status, reason, headers, body }, or throws a failure. */
  async send(request, signal) {
    const controller = new AbortController();
    let timedOut = false;
    const onAbort = () => controller.abort(signal.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => { timedOut = true; controller.abort(); }, this.timeoutMs);
    try {
      const res = await this.fetch(request.url, {
        method: request.method, headers: request.headers, body: request.body === '' ? undefined : request.body,
        signal: controller.signal,
      });
      const body = await readText(res, this.maxResponseBytes); // the time limit covers the body too
      return { status: res.status, reason: res.statusText ?? '', headers: pairs(res.headers), body };
    } catch (e) {
      if (signal?.aborted) throw { aborted: true };
      if (e?.tooLarge) {
        controller.abort();
        throw { code: 'connection_lost', reachedServer: true,
                message: `the response exceeds ${this.maxResponseBytes} bytes (maxResponseBytes): not read further` };
      }
      if (timedOut) {
        throw { code: 'timeout', reachedServer: true, message: `no response within ${this.timeoutMs} ms` };
      }
      const cause = e?.cause?.code;
      throw {
        code: NEVER_SENT.has(cause) ? 'connect_failed' : 'transport_failed',
        reachedServer: !NEVER_SENT.has(cause),
        message: [e?.message ?? String(e), e?.cause?.message].filter(Boolean).join(': '),
      };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Builds, sends with retries and parses one call. */
  async call(build, parse, input, callOptions = {}) {
    const { signal, requestId = '', idempotencyKey = '', headers } = callOptions ?? {};
    if (signal?.aborted) throw abortedError(signal, requestId, 0);
    const callHeaders = pairs(headers);
    // A key the caller gives, as an option or as a header (per call or the client's), is sent
    // as given on every attempt; the core adds a fresh one only when there is none.
    const key = idempotencyKey || headerOf(callHeaders, 'Idempotency-Key') || headerOf(this.wire.headers, 'Idempotency-Key') || '';
    const request = unwrap(this.m[build](input, this.wire, { requestId, idempotencyKey: key, headers: callHeaders }), 0);
    const id = headerOf(request.headers, 'X-Request-Id') ?? '';

    for (let attempt = 1; ; ++attempt) {
      let response;
      let failure;
      try {
        response = await this.send(request, signal);
      } catch (f) {
        if (f.aborted) throw abortedError(signal, id, attempt);
        failure = f;
      }
      if (response && response.status >= 200 && response.status < 300) return this.parse(parse, response, id, attempt);

      const decision = unwrap(this.m.retryDecision(this.retry, {
        attempt, status: response ? response.status : 0, retryAfter: response ? headerOf(response.headers, 'Retry-After') ?? '' : '',
        reachedServer: failure ? failure.reachedServer : true, resendSafe: request.resendSafe,
      }, Math.random(), Date.now()));
      if (!decision.retry) {
        if (response) return this.parse(parse, response, id, attempt);
        let message = `${request.method} ${request.url}: ${failure.message}`;
        if (attempt > 1 || this.retry.maxAttempts > 1) message += ` (${decision.reason})`;
        throw new TransportError(message, { code: failure.code, requestId: id, attempts: attempt });
      }
      try {
        await sleep(decision.delayMs, signal);
      } catch {
        throw abortedError(signal, id, attempt);
      }
    }
  }

  parse(parse, response, id, attempts) {
    return unwrap(this.m[parse](response, id), attempts);
  }
}

/** Adds ok.<api>.client(options) for the four APIs. */
export function attachClients(ok, m) {
  ok.mobile.client = (options) => {
    const c = new Client(m, options);
    return Object.freeze({
      createOrders: (request, call) => c.call('mobileBuildCreateOrders', 'mobileParseCreateOrders', request, call),
    });
  };
  ok.broadband.client = (options) => {
    const c = new Client(m, options);
    return Object.freeze({
      createOrder: (order, call) => c.call('broadbandBuildCreateOrder', 'broadbandParseCreateOrder', order, call),
    });
  };
  ok.contracts.client = (options) => {
    const c = new Client(m, options);
    return Object.freeze({
      generateOrder: (id, { from = null, till = null, ...call } = {}) =>
        c.call('contractsBuildGenerateOrder', 'contractsParseGenerateOrder', { id, from, till }, call),
    });
  };
  ok.licenses.client = (options) => {
    const c = new Client(m, options);
    return Object.freeze({
      submitOrder: (order, call) => c.call('licensesBuildSubmitOrder', 'licensesParseSubmitOrder', order, call),
    });
  };
}
