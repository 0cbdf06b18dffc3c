// The pattern docs/mock.md describes for Node test runners (node --test): start the mock on a
// free port before the tests, take its URL from the ready line it prints once listening, stop it
// after. ORDERKIT_MOCK names the binary (default: orderkit-mock on the PATH).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

let mock;
let baseUrl;

before(async () => {
  mock = spawn(process.env.ORDERKIT_MOCK ?? 'orderkit-mock', ['--port', '0', '--log', 'off'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  baseUrl = await new Promise((resolve, reject) => {
    createInterface({ input: mock.stdout }).once('line', (line) => resolve(line.slice(line.lastIndexOf(' ') + 1)));
    mock.once('error', reject);
    mock.once('exit', (code) => reject(new Error(`orderkit-mock exited (${code}) before listening`)));
  });
});

after(() => mock?.kill());

test('the mock answers the documented sample', async () => {
  const response = await fetch(`${baseUrl}/licenses/api/order/data`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ Action: 'add', Quantity: 1 }),
  });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { errors: [] });
});

test('the help pages are served', async () => {
  const response = await fetch(`${baseUrl}/licenses/Help/Api/POST-api-order-data`);
  assert.equal(response.status, 200);
  assert.match(await response.text(), /Adding new license from external source/);
});
