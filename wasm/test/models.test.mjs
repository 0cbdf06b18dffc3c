// The models through the package: samples and fixtures round-trip byte for byte as natively,
// conversion of plain objects both ways, validation with paths, and errors that leave the
// module usable.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { OrderKit, errors, fixtures, normalize, withoutFinalNewline } from './support.mjs';

const ok = await OrderKit.init();

describe('init', () => {
  test('returns the same instance on every call', async () => {
    assert.equal(await OrderKit.init(), ok);
  });
  test('lists every API with its models and their collections', () => {
    assert.deepEqual(Object.keys(ok.broadband.models), ['Customer', 'Customer[]', 'OrderNew', 'OrderNew[]']);
    assert.ok(ok.mobile.models.OrderCreationRequest);
    assert.ok(ok.mobile.models['OrderDetailResult[]']);
    assert.ok(ok.contracts.models.OrderBase);
    assert.ok(ok.licenses.models.ValidationResult);
  });
  test('offers XML only where the page documents it', () => {
    assert.equal(typeof ok.mobile.models.OrderCreationRequest.toXml, 'function');
    assert.equal(typeof ok.contracts.models.OrderBase.fromXml, 'function');
    assert.equal(ok.broadband.models.OrderNew.toXml, undefined);
    assert.equal(ok.contracts.models.GenerateOrderQuery.toXml, undefined);
  });
});

describe('fixtures', () => {
  for (const f of fixtures()) {
    const codec = () => ok[f.api].models[f.model];
    const [read, write] = f.format === 'json' ? ['fromJson', 'toJson'] : ['fromXml', 'toXml'];
    const expected = normalize(f.text, f.format);
    test(`${f.name} decodes and encodes back to the page text (compact)`, () => {
      assert.equal(codec()[write](codec()[read](f.text), { compact: true }), expected);
    });
    test(`${f.name} is the documented sample`, () => {
      assert.equal(codec()[write](codec().sample(f.role), { compact: true }), expected);
    });
    test(`${f.name} survives JSON.stringify/parse of the object`, () => {
      const obj = JSON.parse(JSON.stringify(codec()[read](f.text)));
      assert.equal(codec()[write](obj, { compact: true }), expected);
    });
    if (f.exact) {
      test(`${f.name} is reproduced byte for byte with the server's whitespace`, () => {
        assert.equal(codec()[write](codec()[read](f.text), { compact: f.compact }), withoutFinalNewline(f.text));
      });
    }
  }
});

describe('every model', () => {
  for (const api of ['broadband', 'contracts', 'mobile', 'licenses']) {
    for (const [name, codec] of Object.entries(ok[api].models)) {
      test(`${api}.${name}: sample round-trips through JSON${codec.toXml ? ' and XML' : ''} and validates`, () => {
        for (const role of ['request', 'response']) {
          // A decimal written as "2.0" reads back with scale 1, so compare after one trip.
          const sample = codec.fromJson(codec.toJson(codec.sample(role)));
          const json = codec.toJson(sample);
          assert.deepEqual(codec.fromJson(json), sample);
          assert.equal(codec.toJson(codec.fromJson(json)), json);
          assert.equal(codec.toJson(codec.fromJson(json), { compact: true }), codec.toJson(sample, { compact: true }));
          if (codec.toXml) {
            const xml = codec.toXml(sample);
            assert.equal(codec.toXml(codec.fromXml(xml)), xml);
          }
          assert.ok(Array.isArray(codec.validate(sample)));
        }
      });
    }
  }
});

describe('plain objects', () => {
  const Request = ok.mobile.models.OrderCreationRequest;

  test('money is an exact decimal string and keeps its scale', () => {
    const item = ok.mobile.models.OrderItem.fromJson('{"CategoryId":1,"VoluntaryTopupAmount":12.50,"OrderDetail":null}');
    assert.equal(item.VoluntaryTopupAmount, '12.50');
    assert.match(ok.mobile.models.OrderItem.toJson(item, { compact: true }), /"VoluntaryTopupAmount":12.50/);
  });
  test('money accepts numbers through their shortest text, exactly', () => {
    const json = ok.mobile.models.OrderItem.toJson({ CategoryId: 1, VoluntaryTopupAmount: 0.1 }, { compact: true });
    assert.equal(json, '{"CategoryId":1,"VoluntaryTopupAmount":0.1,"OrderDetail":null}');
    const big = ok.mobile.models.OrderItem.toJson({ VoluntaryTopupAmount: '79228162514264337593543950335' }, true);
    assert.match(big, /"VoluntaryTopupAmount":79228162514264337593543950335/);
  });
  test('a missing key is null or the default', () => {
    assert.equal(Request.toJson({}, { compact: true }),
      '{"OrderDetails":null,"PaymentId":0,"OrderPaymentAccountSourceId":null,"OrderPaymentDescription":null,' +
      '"NewBillingAddress":null,"NewShippingAddress":null}');
  });
  test('optional is null, collections are arrays, dates and GUIDs are strings', () => {
    const s = Request.sample();
    assert.ok(Array.isArray(s.OrderDetails));
    const detail = s.OrderDetails[0].OrderDetail;
    assert.equal(typeof detail.Date, 'string');
    assert.match(detail.OrderGroupGuid, /^[0-9a-f]{8}-[0-9a-f]{4}-/);
    assert.equal(ok.broadband.models.OrderNew.fromJson('{"StopDate":null}').StopDate, null);
  });
  test('a Date is accepted for a date field', () => {
    const json = ok.broadband.models.OrderNew.toJson({ StartDate: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)) }, true);
    assert.match(json, /"StartDate":"2026-01-02T03:04:05.000Z"/);
  });
  test('computed properties are part of the returned object', () => {
    assert.equal(ok.licenses.models.ValidationResult.fromJson('{"errors":[]}').isValid, true);
  });

  const misfits = [
    [{ PaymentId: '7' }, 'PaymentId', 'type'],
    [{ PaymentId: 1.5 }, 'PaymentId', 'type'],
    [{ PaymentId: 2 ** 31 }, 'PaymentId', 'range'],
    [{ PaymentId: null }, 'PaymentId', 'type'],
    [{ OrderDetails: {} }, 'OrderDetails', 'type'],
    [{ OrderDetails: [{}, { CategoryId: 'x' }] }, 'OrderDetails[1].CategoryId', 'type'],
    [{ OrderDetails: [{ VoluntaryTopupAmount: 'ten' }] }, 'OrderDetails[0].VoluntaryTopupAmount', 'format'],
    [{ OrderDetails: [{ VoluntaryTopupAmount: NaN }] }, 'OrderDetails[0].VoluntaryTopupAmount', 'type'],
    [{ OrderDetails: [{ OrderDetail: { Date: 'yesterday' } }] }, 'OrderDetails[0].OrderDetail.Date', 'format'],
    [{ OrderDetails: [{ OrderDetail: { Date: new Date(NaN) } }] }, 'OrderDetails[0].OrderDetail.Date', 'format'],
    [{ OrderDetails: [{ OrderDetail: { OrderGroupGuid: 'nope' } }] }, 'OrderDetails[0].OrderDetail.OrderGroupGuid', 'format'],
    [{ OrderDetails: [{ OrderDetail: { NumberPorting: 'yes' } }] }, 'OrderDetails[0].OrderDetail.NumberPorting', 'type'],
    [{ NewBillingAddress: { Address: { City: 12 } } }, 'NewBillingAddress.Address.City', 'type'],
    [{ NewBillingAddress: [] }, 'NewBillingAddress', 'type'],
  ];
  for (const [obj, path, code] of misfits) {
    test(`a misfit is a DecodeError at ${path} (${code})`, () => {
      assert.throws(() => Request.toJson(obj), (e) => {
        assert.ok(e instanceof errors.DecodeError);
        assert.ok(e instanceof Error);
        assert.equal(e.path, path);
        assert.equal(e.failures[0].code, code);
        assert.ok(e.message.startsWith(`${path}: `), e.message);
        return true;
      });
    });
  }
  test('a document that is not an object is a DecodeError at the root', () => {
    for (const bad of [null, 42, 'x', []]) {
      assert.throws(() => Request.toJson(bad), (e) => e instanceof errors.DecodeError && e.path === '');
    }
  });
});

describe('decoding text', () => {
  test('bad JSON names the path and the module keeps working', () => {
    assert.throws(() => ok.mobile.models.OrderCreationRequest.fromJson('{"OrderDetails":[{"CategoryId":"x"}]}'),
      (e) => e instanceof errors.DecodeError && e.path === 'OrderDetails[0].CategoryId');
    assert.throws(() => ok.mobile.models.OrderCreationRequest.fromJson('{'), errors.DecodeError);
    assert.throws(() => ok.mobile.models.OrderCreationRequest.fromXml('<nope/>'), errors.DecodeError);
    assert.equal(ok.mobile.models.OrderCreationRequest.fromJson('{"PaymentId":3}').PaymentId, 3);
  });
  test('text must be a string', () => {
    assert.throws(() => ok.mobile.models.OrderCreationRequest.fromJson({}), TypeError);
  });
  test('an unknown sample role is a DecodeError, not a crash', () => {
    assert.throws(() => ok.mobile.models.Order.sample('nope'), errors.DecodeError);
  });
});

describe('validate', () => {
  const OrderBase = ok.contracts.models.OrderBase;
  test('a valid object has no failures', () => {
    assert.deepEqual(OrderBase.validate({ ...OrderBase.sample('response'), Id: 0 }), []);
    assert.deepEqual(ok.mobile.models.OrderCreationRequest.validate(ok.mobile.models.OrderCreationRequest.sample()), []);
  });
  test('returns every rule failure with its path', () => {
    const failures = OrderBase.validate({ Id: 3, OrderCode: 'x'.repeat(51) });
    // Id 3 is fine: "Must be 0 (for insert operations)" applies to request bodies, and OrderBase is a response.
    assert.deepEqual(failures.map((f) => [f.path, f.code]), [['OrderCode', 'max_length']]);
    assert.ok(failures.every((f) => typeof f.message === 'string' && f.message.length > 0));
  });
  test('includes type misfits as failures instead of throwing', () => {
    const failures = ok.contracts.models.OrderBase.validate({ Id: 'one' });
    assert.deepEqual(failures.map((f) => [f.path, f.code]), [['Id', 'type']]);
  });
  test("applies a model's own rules (001's period: both ends or neither)", () => {
    const failures = ok.contracts.models.GenerateOrderQuery.validate({ id: 5, from: '2026-01-01' });
    assert.ok(failures.length > 0);
  });
  test('required strings must be present', () => {
    const failures = OrderBase.validate({ OrderCode: null });
    assert.ok(failures.some((f) => f.path === 'OrderCode' && f.code === 'required'));
  });
});
