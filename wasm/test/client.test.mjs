// The clients with a fake fetch: requests as the native core builds them, errors as Error
// subclasses with their evidence, retries with the same request id and idempotency key,
// AbortSignal and timeouts. No network, no clocks beyond the retry policy's own delays.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { OrderKit, errors } from './support.mjs';

const ok = await OrderKit.init();
const { ApiError, DecodeError, TransportError, ValidationError } = errors;
const fast = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, jitter: 0 };

/** A fetch that answers from a list of responses (or functions) and records what it was sent. */
function fakeFetch(...answers) {
  const calls = [];
  const fn = async (url, init) => {
    calls.push({ url, method: init.method, headers: Object.fromEntries(new Headers(init.headers)), body: init.body });
    const a = answers[Math.min(calls.length - 1, answers.length - 1)];
    return typeof a === 'function' ? a(url, init) : a.clone();
  };
  fn.calls = calls;
  return fn;
}
const json = (body, status = 200, headers = {}) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body),
    { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

/** A fetch that never answers until its signal aborts (as a real fetch does). */
const hangingFetch = () => async (url, init) => new Promise((_, reject) => {
  init.signal.addEventListener('abort', () => reject(init.signal.reason ?? new DOMException('aborted', 'AbortError')));
});

describe('requests', () => {
  test('mobile createOrders posts the native JSON with request id and idempotency key', async () => {
    const f = fakeFetch(json('[]'));
    const order = ok.mobile.models.OrderCreationRequest.sample();
    const out = await ok.mobile.client({ baseUrl: 'http://api.test/mobile/', fetch: f, headers: { 'X-Shop': 'a' } })
      .createOrders(order, { requestId: 'req-1' });
    assert.deepEqual(out, []);
    const [c] = f.calls;
    assert.equal(c.method, 'POST');
    assert.equal(c.url, 'http://api.test/mobile/api/orders');
    assert.equal(c.body, ok.mobile.models.OrderCreationRequest.toJson(order, { compact: true }));
    assert.equal(c.headers['x-request-id'], 'req-1');
    assert.equal(c.headers['x-shop'], 'a');
    assert.match(c.headers['idempotency-key'], /^[0-9a-f-]{36}$/);
    assert.match(c.headers['content-type'], /^application\/json/);
  });
  test('mobile createOrders can send XML', async () => {
    const f = fakeFetch(new Response(ok.mobile.models['OrderDetailResult[]'].toXml(ok.mobile.models['OrderDetailResult[]'].sample('response')),
      { headers: { 'content-type': 'application/xml' } }));
    const order = ok.mobile.models.OrderCreationRequest.sample();
    const out = await ok.mobile.client({ baseUrl: 'http://api.test/mobile', format: 'xml', fetch: f }).createOrders(order);
    assert.equal(out.length, 2);
    assert.equal(f.calls[0].body, ok.mobile.models.OrderCreationRequest.toXml(order, { compact: true }));
  });
  test('contracts generateOrder puts id, from and till in the URI and reads null', async () => {
    const f = fakeFetch(json('null'));
    const out = await ok.contracts.client({ baseUrl: 'http://api.test/c', fetch: f })
      .generateOrder(42, { from: '2026-01-01T00:00:00', till: '2026-02-01T00:00:00' });
    assert.equal(out, null);
    assert.equal(f.calls[0].url,
      'http://api.test/c/v1/CustomerContracts/42/Orders?from=2026-01-01T00%3A00%3A00&till=2026-02-01T00%3A00%3A00');
  });
  test('broadband createOrder returns the stored order; licenses submitOrder the verdict', async () => {
    const stored = ok.broadband.models.OrderNew.sample('response');
    const b = await ok.broadband.client({ baseUrl: 'http://api.test/b', fetch: fakeFetch(json(ok.broadband.models.OrderNew.toJson(stored))) })
      .createOrder(ok.broadband.models.OrderNew.sample());
    assert.deepEqual(b, ok.broadband.models.OrderNew.fromJson(ok.broadband.models.OrderNew.toJson(stored)));
    const v = await ok.licenses.client({ baseUrl: 'http://api.test/l', fetch: fakeFetch(json('{"errors":[]}')) })
      .submitOrder(ok.licenses.models.OrderRequest.sample());
    assert.equal(v.isValid, true);
  });
});

describe('errors', () => {
  test('a 400 is an ApiError with status, message, modelState, request id and raw body', async () => {
    const body = '{"Message":"The request is invalid.","ModelState":{"order.PaymentId":["The PaymentId field is required."]}}';
    const f = fakeFetch(json(body, 400));
    await assert.rejects(
      ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f }).createOrders({}, { requestId: 'r-9' }),
      (e) => {
        assert.ok(e instanceof ApiError && e instanceof Error);
        assert.equal(e.status, 400);
        assert.equal(e.serverMessage, 'The request is invalid.');
        assert.match(e.message, /^400 Bad Request/);
        assert.deepEqual(e.modelState, { 'order.PaymentId': ['The PaymentId field is required.'] });
        assert.equal(e.requestId, 'r-9');
        assert.equal(e.body, body);
        assert.equal(e.attempts, 1);
        return true;
      });
    assert.equal(f.calls.length, 1, 'a 400 is not retried');
  });
  test('input breaking the rules is a ValidationError and nothing is sent', async () => {
    const f = fakeFetch(json('null'));
    await assert.rejects(ok.contracts.client({ baseUrl: 'http://api.test/c', fetch: f }).generateOrder(1, { from: '2026-01-01' }),
      (e) => e instanceof ValidationError && e.failures[0].path === 'till');
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f }).createOrders({ PaymentId: 'x' }),
      (e) => e instanceof ValidationError && e.failures[0].path === 'PaymentId');
    assert.equal(f.calls.length, 0);
  });
  test('XML for the JSON-only broadband API is refused before sending', async () => {
    const f = fakeFetch(json('{}'));
    await assert.rejects(ok.broadband.client({ baseUrl: 'http://api.test/b', format: 'xml', fetch: f }).createOrder({}),
      (e) => e instanceof ValidationError && e.code === 'unsupported_format');
    assert.equal(f.calls.length, 0);
  });
  test('a 2xx body of the wrong shape is a DecodeError naming the path', async () => {
    const f = fakeFetch(json('[{"Success":"yes"}]'));
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f }).createOrders({}),
      (e) => e instanceof DecodeError && e.path === '[0].Success' && e.response.status === 200);
  });
  test('a network failure is a TransportError', async () => {
    const f = async () => { throw new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) }); };
    await assert.rejects(ok.licenses.client({ baseUrl: 'http://api.test/l', fetch: f, retries: 1 }).submitOrder({}),
      (e) => e instanceof TransportError && e.code === 'connect_failed' && e.attempts === 1);
  });
  test('bad client options are a TypeError at once', () => {
    assert.throws(() => ok.mobile.client({}), TypeError);
    assert.throws(() => ok.mobile.client({ baseUrl: 'http://x', format: 'yaml' }), TypeError);
    assert.throws(() => ok.mobile.client({ baseUrl: 'http://x', retries: 0 }), TypeError);
  });
});

describe('retries', () => {
  test('a 503 is retried with the same request id and idempotency key', async () => {
    const f = fakeFetch(json('{"Message":"busy"}', 503), json('{"Message":"busy"}', 503), json('[]'));
    const out = await ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, retries: fast }).createOrders({});
    assert.deepEqual(out, []);
    assert.equal(f.calls.length, 3);
    assert.equal(new Set(f.calls.map((c) => c.headers['x-request-id'])).size, 1);
    assert.equal(new Set(f.calls.map((c) => c.headers['idempotency-key'])).size, 1);
    assert.equal(new Set(f.calls.map((c) => c.body)).size, 1);
  });
  test('retries stop at maxAttempts and report the attempts', async () => {
    const f = fakeFetch(json('{"Message":"busy"}', 503));
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, retries: fast }).createOrders({}),
      (e) => e instanceof ApiError && e.status === 503 && e.attempts === 3);
    assert.equal(f.calls.length, 3);
  });
  test('retries: 1 turns retries and the automatic idempotency key off', async () => {
    const f = fakeFetch(json('{}', 503));
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, retries: 1 }).createOrders({}), ApiError);
    assert.equal(f.calls.length, 1);
    assert.equal(f.calls[0].headers['idempotency-key'], undefined);
  });
  test('a POST without idempotency key is not resent after a failure that may have reached the server', async () => {
    let n = 0;
    const f = async () => { ++n; throw new TypeError('fetch failed'); };
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f,
      retries: { ...fast, addIdempotencyKey: false } }).createOrders({}), TransportError);
    assert.equal(n, 1);
  });
  test('a refused connection is retried (the request never left)', async () => {
    let n = 0;
    const f = async () => {
      if (++n < 3) throw new TypeError('fetch failed', { cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }) });
      return json('{"errors":[]}');
    };
    const v = await ok.licenses.client({ baseUrl: 'http://api.test/l', fetch: f, retries: { ...fast, addIdempotencyKey: false } })
      .submitOrder({});
    assert.equal(v.isValid, true);
    assert.equal(n, 3);
  });
});

describe('abort and timeout', () => {
  test('an AbortSignal cancels a call in flight', async () => {
    const controller = new AbortController();
    const p = ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: hangingFetch() }).createOrders({}, { signal: controller.signal });
    controller.abort(new Error('user left'));
    await assert.rejects(p, (e) => e instanceof TransportError && e.code === 'aborted' && e.cause.message === 'user left');
  });
  test('an already aborted signal sends nothing', async () => {
    const f = fakeFetch(json('[]'));
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f }).createOrders({}, { signal: AbortSignal.abort() }),
      (e) => e instanceof TransportError && e.code === 'aborted');
    assert.equal(f.calls.length, 0);
  });
  test('an abort during the wait between attempts ends the call', async () => {
    const controller = new AbortController();
    const f = fakeFetch(() => { queueMicrotask(() => controller.abort()); return json('{}', 503); });
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f,
      retries: { maxAttempts: 5, baseDelayMs: 60_000, maxDelayMs: 60_000, jitter: 0 } })
      .createOrders({}, { signal: controller.signal }), (e) => e instanceof TransportError && e.code === 'aborted');
    assert.equal(f.calls.length, 1);
  });
  test('timeoutMs ends an attempt that gets no answer', async () => {
    await assert.rejects(ok.broadband.client({ baseUrl: 'http://api.test/b', fetch: hangingFetch(), timeoutMs: 20, retries: 1 })
      .createOrder({}), (e) => e instanceof TransportError && e.code === 'timeout' && e.attempts === 1);
  });
  test('an answer longer than maxResponseBytes ends the attempt unread, not in memory', async () => {
    // A body without end: the client must stop pulling it at the cap (the stream is cancelled).
    let pulled = 0;
    let cancelled = false;
    const endless = () => new Response(new ReadableStream({
      pull(c) { pulled += 1; c.enqueue(new Uint8Array(64 * 1024).fill(0x20)); },
      cancel() { cancelled = true; },
    }), { status: 200, headers: { 'content-type': 'application/json' } });
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: fakeFetch(endless), retries: 1,
      maxResponseBytes: 1024 * 1024 }).createOrders({}),
    (e) => e instanceof TransportError && e.code === 'connection_lost' && /1048576 bytes \(maxResponseBytes\)/.test(e.message));
    assert.ok(cancelled);
    assert.ok(pulled <= 20, `pulled ${pulled} chunks of 64 KiB`);
    // A declared length over the cap is refused before the body is read.
    const declared = new Response('x'.repeat(2048), { headers: { 'content-length': '2048' } });
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: fakeFetch(declared), retries: 1,
      maxResponseBytes: 1024 }).createOrders({}), (e) => e instanceof TransportError && e.code === 'connection_lost');
    // Under the cap, multi-byte text split across chunks reads as it was sent.
    const split = new TextEncoder().encode('[]');
    const bom = new Response(new ReadableStream({ start(c) {
      c.enqueue(new Uint8Array([0xef, 0xbb])); c.enqueue(new Uint8Array([0xbf, ...split])); c.close();
    } }), { headers: { 'content-type': 'application/json' } });
    assert.deepEqual(await ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: fakeFetch(bom), retries: 1 }).createOrders({}), []);
  });
  test('a timed-out POST with an idempotency key is retried', async () => {
    let n = 0;
    const hang = hangingFetch();
    const f = async (url, init) => (++n === 1 ? hang(url, init) : json('[]'));
    const out = await ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, timeoutMs: 20, retries: fast }).createOrders({});
    assert.deepEqual(out, []);
    assert.equal(n, 2);
  });
});

describe('the module survives', () => {
  test('every kind of failure leaves the module usable', async () => {
    const Request = ok.mobile.models.OrderCreationRequest;
    assert.throws(() => Request.fromJson('{"PaymentId": 1e400}'), DecodeError);
    assert.throws(() => Request.toJson({ OrderDetails: [{ VoluntaryTopupAmount: '1e99999' }] }), DecodeError);
    assert.equal(Request.fromJson('{"PaymentId": 5}').PaymentId, 5);
  });
});

describe("the caller's Idempotency-Key", () => {
  const busyThenOk = () => fakeFetch(json('{"Message":"busy"}', 503), json('[]'));
  test('a key in the client headers is sent as given, on every attempt', async () => {
    const f = busyThenOk();
    await ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, retries: fast, headers: { 'Idempotency-Key': 'shop-key-1' } })
      .createOrders({});
    assert.deepEqual(f.calls.map((c) => c.headers['idempotency-key']), ['shop-key-1', 'shop-key-1']);
  });
  test('a key in the call headers is sent as given, on every attempt', async () => {
    const f = busyThenOk();
    await ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, retries: fast })
      .createOrders({}, { headers: { 'idempotency-key': 'shop-key-2' } });
    assert.deepEqual(f.calls.map((c) => c.headers['idempotency-key']), ['shop-key-2', 'shop-key-2']);
  });
  test('the idempotencyKey option wins over a header, and the call over the client', async () => {
    const f = fakeFetch(json('[]'));
    const c = ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, headers: { 'Idempotency-Key': 'client' } });
    await c.createOrders({}, { headers: { 'Idempotency-Key': 'call' } });
    await c.createOrders({}, { idempotencyKey: 'option', headers: { 'Idempotency-Key': 'call' } });
    assert.deepEqual(f.calls.map((x) => x.headers['idempotency-key']), ['call', 'option']);
  });
  test('with retries off, a given key is still sent (and makes the POST safe to resend)', async () => {
    const f = fakeFetch(json('[]'));
    await ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, retries: 1, headers: { 'Idempotency-Key': 'k' } }).createOrders({});
    assert.equal(f.calls[0].headers['idempotency-key'], 'k');
  });
});

describe('the C++ core answers the retry questions', () => {
  test('the defaults come from the native RetryPolicy', () => {
    const p = ok.module.retryPolicy({}).value;
    assert.equal(p.maxAttempts, 3);
    assert.ok(p.retryStatuses.includes(503));
    assert.equal(p.addIdempotencyKey, true);
    assert.equal(ok.module.retryPolicy({ maxAttempts: 5 }).value.maxAttempts, 5);
  });
  test('a policy without maxAttempts retries as often as the native default', async () => {
    const f = fakeFetch(json('{"Message":"busy"}', 503));
    await assert.rejects(ok.mobile.client({ baseUrl: 'http://api.test/m', fetch: f, retries: { baseDelayMs: 1, maxDelayMs: 1, jitter: 0 } })
      .createOrders({}), (e) => e instanceof ApiError && e.attempts === 3);
  });
  test('the built request says whether it may be sent again', () => {
    const wire = (retry) => ({ baseUrl: 'http://api.test/m', format: 'json', headers: [], validate: false, retry, accept: '' });
    const keyed = ok.module.mobileBuildCreateOrders({}, wire({}), {}).value;
    assert.equal(keyed.resendSafe, true);
    const bare = ok.module.mobileBuildCreateOrders({}, wire({ addIdempotencyKey: false }), {}).value;
    assert.equal(bare.resendSafe, false);
    const given = ok.module.mobileBuildCreateOrders({}, wire({ addIdempotencyKey: false }), { idempotencyKey: 'k' }).value;
    assert.equal(given.resendSafe, true);
  });
});

describe('one result shape at the JS boundary', () => {
  const isError = (r) => r.value === undefined && typeof r.error === 'object' && typeof r.error.kind === 'string' &&
    typeof r.error.code === 'string' && Array.isArray(r.error.failures);
  test('model helpers and operations fail alike: { error: { kind, code, message, failures } }', () => {
    const m = ok.module;
    const R = ok.mobile.models.OrderCreationRequest;
    const index = m.models().findIndex((e) => e.api === 'mobile' && e.name === 'OrderCreationRequest' && !e.collection);
    const decoded = m.modelDecode(index, '{"PaymentId": "x"}', 'json');
    assert.ok(isError(decoded), JSON.stringify(decoded));
    assert.equal(decoded.error.kind, 'decode');
    assert.equal(decoded.error.failures[0].path, 'PaymentId');
    const built = m.mobileBuildCreateOrders({ PaymentId: 'x' }, { baseUrl: 'http://x', headers: [] }, {});
    assert.ok(isError(built), JSON.stringify(built));
    assert.equal(built.error.kind, 'validation');
    const parsed = m.mobileParseCreateOrders({ status: 200, reason: 'OK', headers: [], body: '{' }, 'r');
    assert.ok(isError(parsed));
    assert.equal(parsed.error.kind, 'decode');
    assert.equal(typeof m.retryDecision({}, { attempt: 1, status: 503 }, 0, 0).value.retry, 'boolean');
    assert.ok(R.sample());
  });
});
