// What a shop's front end does with the package: init, validate, and place a mobile order against
// its own origin. The answer is published as window.__results for the bundler test.
import OrderKit, { ApiError } from 'orderkit';

export async function placeOrder(initOptions) {
  try {
    const ok = await OrderKit.init(initOptions);
    const order = ok.mobile.models.OrderCreationRequest.sample();
    const failures = ok.mobile.models.OrderCreationRequest.validate(order);
    const results = await ok.mobile.client({ baseUrl: '/mobile' }).createOrders(order);
    window.__results = { failures: failures.length, placed: results.length, success: results[0]?.Success,
                         apiErrorIsClass: typeof ApiError === 'function' };
  } catch (e) {
    window.__results = { error: `${e.name}: ${e.message}` };
  }
  document.getElementById('out').textContent = JSON.stringify(window.__results);
}
