// The SDK inside a module worker: a cart of many lines validated, encoded and decoded off the
// main thread.
import OrderKit from './orderkit/browser.mjs';

self.onmessage = async ({ data }) => {
  try {
    const ok = await OrderKit.init();
    const R = ok.mobile.models.OrderCreationRequest;
    const cart = R.sample();
    const line = cart.OrderDetails[0];
    cart.OrderDetails = Array.from({ length: data.lines }, () => structuredClone(line));
    const failures = R.validate(cart);
    const json = R.toJson(cart, { compact: true });
    const back = R.fromJson(json);
    cart.OrderDetails[7].OrderDetail.SimTypeId = 'not a number';
    const misfit = R.validate(cart);
    self.postMessage({
      inWorker: typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope,
      lines: back.OrderDetails.length, failures: failures.length, jsonBytes: json.length,
      roundTrip: R.toJson(back, { compact: true }) === json, misfitPath: misfit[0]?.path ?? '',
    });
  } catch (e) {
    self.postMessage({ error: `${e.name}: ${e.message}` });
  }
};
