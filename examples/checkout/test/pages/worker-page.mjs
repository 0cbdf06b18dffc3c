// Hands a big cart to a module worker that validates and encodes it with OrderKit, and publishes
// the worker's answer as window.__results (read by worker.test.mjs).
const worker = new Worker(new URL('./worker.mjs', import.meta.url), { type: 'module' });
const answer = new Promise((resolve, reject) => {
  worker.onmessage = (e) => resolve(e.data);
  worker.onerror = (e) => reject(new Error(e.message || 'the worker failed'));
});
const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('no answer from the worker in 20 s')), 20_000));
worker.postMessage({ lines: 2000 });
try {
  window.__results = await Promise.race([answer, timeout]);
} catch (e) {
  window.__results = { error: String(e.message) };
}
document.getElementById('out').textContent = JSON.stringify(window.__results);
