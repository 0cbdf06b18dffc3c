// A shop's TypeScript, type-checked against the package's declarations (tsc --noEmit).
import OrderKit, { ApiError, DecodeError, TransportError, ValidationError } from 'orderkit';
import type { mobile, broadband, licenses, contracts, Failure } from 'orderkit';

const ok = await OrderKit.init();

const Request = ok.mobile.models.OrderCreationRequest;
const order: mobile.OrderCreationRequest = Request.sample();
const amount: string = order.OrderDetails?.[0]?.VoluntaryTopupAmount ?? '0';
const draft: mobile.OrderCreationRequestInit = {
  PaymentId: 7,
  OrderDetails: [{ CategoryId: 1, VoluntaryTopupAmount: 12.5, OrderDetail: { SimTypeId: 2, Date: new Date() } }],
};
const json: string = Request.toJson(draft, { compact: true });
const xml: string = Request.toXml(Request.fromJson(json));
const back: mobile.OrderCreationRequest = Request.fromXml(xml);
const failures: Failure[] = Request.validate(back);
const results: mobile.OrderDetailResult[] = ok.mobile.models['OrderDetailResult[]'].fromJson('[]');

const stored: Promise<broadband.OrderNew> = ok.broadband
  .client({ baseUrl: 'http://127.0.0.1:1', retries: 1 })
  .createOrder({ AccessId: '9c802615-aee5-42b8-9d2e-b09e57bb100c', StartDate: '2026-01-01' });
const generated: Promise<contracts.OrderBase | null> = ok.contracts
  .client({ baseUrl: 'http://127.0.0.1:1', format: 'xml' })
  .generateOrder(5, { from: '2026-01-01', till: new Date() });
const verdict: Promise<licenses.ValidationResult> = ok.licenses
  .client({ baseUrl: 'http://127.0.0.1:1', timeoutMs: 500, headers: { 'X-Shop': '1' } })
  .submitOrder({ Quantity: 1 }, { signal: AbortSignal.timeout(100), requestId: 'r-1' });
const created = ok.mobile.client({ baseUrl: 'http://127.0.0.1:1', fetch }).createOrders(draft);

async function report(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof ApiError) return `${e.status} ${e.message} ${Object.keys(e.modelState).join()} ${e.requestId} ${e.body}`;
    if (e instanceof ValidationError) return e.failures.map((f) => f.path).join();
    if (e instanceof DecodeError) return e.path;
    if (e instanceof TransportError) return e.code;
    throw e;
  }
}

// ValidationResult's computed isValid is read-only.
const isValid: boolean = ok.licenses.models.ValidationResult.fromJson('{"errors":[]}').isValid;

export { amount, json, failures, results, stored, generated, verdict, created, report, isValid };

// init() takes the .wasm as a URL, bytes or a compiled module, and the integrity switch.
declare const bytes: Uint8Array;
void OrderKit.init({ wasm: new URL('https://shop.example/orderkit-core.wasm') });
void OrderKit.init({ wasm: bytes, integrity: false });
const integrityFailure: typeof OrderKit.IntegrityError = OrderKit.IntegrityError;
void integrityFailure;
