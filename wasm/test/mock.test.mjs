// Every client call against the native mock server (skipped when it is not built): the bytes the
// wasm core builds are accepted by a server that decodes them as the real APIs do.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { OrderKit, errors, startMock } from './support.mjs';

const ok = await OrderKit.init();
const mock = await startMock(['--mode', 'echo']);
const skip = mock ? false : 'orderkit-mock is not built (build the native preset first)';

describe('against orderkit-mock', { skip }, () => {
  after(() => mock?.stop());

  for (const format of ['json', 'xml']) {
    test(`mobile createOrders (${format})`, async () => {
      const client = ok.mobile.client({ baseUrl: `${mock.url}/mobile`, format });
      const results = await client.createOrders(ok.mobile.models.OrderCreationRequest.sample());
      assert.ok(Array.isArray(results) && results.length > 0);
      assert.equal(typeof results[0].Success, 'boolean');
    });
    test(`licenses submitOrder (${format})`, async () => {
      const verdict = await ok.licenses.client({ baseUrl: `${mock.url}/licenses`, format })
        .submitOrder(ok.licenses.models.OrderRequest.sample());
      assert.equal(typeof verdict.isValid, 'boolean');
      assert.ok(Array.isArray(verdict.errors));
    });
    test(`contracts generateOrder (${format})`, async () => {
      const order = await ok.contracts.client({ baseUrl: `${mock.url}/contracts`, format })
        .generateOrder(7, { from: '2026-01-01T00:00:00', till: '2026-01-31T00:00:00' });
      assert.ok(order === null || typeof order.OrderCode === 'string' || order.OrderCode === null);
    });
  }
  test('broadband createOrder', async () => {
    const stored = await ok.broadband.client({ baseUrl: `${mock.url}/broadband` })
      .createOrder(ok.broadband.models.OrderNew.sample());
    assert.match(stored.AccessId, /^[0-9a-f-]{36}$/);
  });
  test('a status asked for with X-Mock-Status is an ApiError carrying the request id', async () => {
    const client = ok.mobile.client({ baseUrl: `${mock.url}/mobile`, headers: { 'X-Mock-Status': '400' }, retries: 1 });
    await assert.rejects(client.createOrders(ok.mobile.models.OrderCreationRequest.sample(), { requestId: 'mock-req-1' }),
      (e) => e instanceof errors.ApiError && e.status === 400 && e.requestId === 'mock-req-1' && e.body.length > 0);
  });
  test('a body the server cannot bind is a 400 with ModelState', async () => {
    const client = ok.contracts.client({ baseUrl: `${mock.url}/contracts`, retries: 1, validate: false });
    await assert.rejects(client.generateOrder(7, { from: '2026-01-01T00:00:00' }),
      (e) => e instanceof errors.ApiError && e.status === 400 && Object.keys(e.modelState).length > 0);
  });
  test('a 503 twice then success is retried with one idempotency key', async () => {
    const client = ok.mobile.client({ baseUrl: `${mock.url}/mobile`,
      headers: { 'X-Mock-Status': '503', 'X-Mock-Fail-Times': '2', 'X-Mock-Fail-Key': `k-${Date.now()}` },
      retries: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 5, jitter: 0 } });
    const results = await client.createOrders(ok.mobile.models.OrderCreationRequest.sample());
    assert.ok(Array.isArray(results));
  });
  test('nothing listening is a TransportError', async () => {
    const { createServer } = await import('node:net');
    const server = createServer();
    await new Promise((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address();
    await new Promise((r) => server.close(r));
    await assert.rejects(ok.broadband.client({ baseUrl: `http://127.0.0.1:${port}/b`, retries: 1 }).createOrder({}),
      (e) => e instanceof errors.TransportError && e.code === 'connect_failed');
  });
});

describe("the caller's Idempotency-Key against the mock's replay", { skip }, () => {
  let replayMock;
  before(async () => { replayMock = await startMock(['--mode', 'echo']); });
  after(() => replayMock?.stop());

  test('two submits with the same key create one order; different keys create two', async () => {
    const order = ok.mobile.models.OrderCreationRequest.sample();
    const keyed = (key) => ok.mobile.client({ baseUrl: `${replayMock.url}/mobile`, headers: { 'Idempotency-Key': key } });
    const key = `shop-${process.pid}-${Date.now()}`;
    const ids = (results) => results.map((r) => r.Order.Id);
    const first = await keyed(key).createOrders(order);
    const again = await keyed(key).createOrders(order);
    assert.deepEqual(ids(again), ids(first), 'the replayed order, not a second one');
    const other = await keyed(`${key}-other`).createOrders(order);
    assert.notDeepEqual(ids(other), ids(first));
    const journal = await (await fetch(`${replayMock.url}/__admin/requests`)).json();
    const keys = JSON.stringify(journal);
    assert.ok(keys.includes(key), 'the journal shows the key as given');
  });
});
