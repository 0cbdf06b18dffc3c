// The checkout page: builds a 002 mobile order (OrderCreationRequest) or a 000 broadband order
// (OrderNew) from the form with the OrderKit SDK, validates it as the user types (the SDK's
// checks of types, decimals, dates and GUIDs, plus this shop's own required fields), and submits
// it with the SDK's client to the API on the same origin (orderkit-mock --static serves both).
import OrderKit, { ApiError, DecodeError, TransportError, ValidationError } from './orderkit/browser.mjs';

// ---- the shop's catalogue ------------------------------------------------------------------

const PLANS = [
  { id: 'start', name: 'Start', data: '5 GB', price: '199.00', category: 1, plan: 101, subscription: 1, pkg: 11 },
  { id: 'plus', name: 'Plus', data: '30 GB', price: '299.00', category: 1, plan: 102, subscription: 1, pkg: 12, badge: 'Popular' },
  { id: 'max', name: 'Max', data: 'Unlimited', price: '449.00', category: 2, plan: 103, subscription: 2, pkg: 13 },
];
const SPEEDS = [
  { id: 'f100', name: 'Fiber 100', data: '100 Mbit/s', price: '449.00', product: '3f2b8c1e-5d4a-4c7b-9a10-0e6f1d2c3b4a' },
  { id: 'f500', name: 'Fiber 500', data: '500 Mbit/s', price: '599.00', product: '7a1c9e2d-4b3f-4e8a-8c21-5d6e7f809a1b', badge: 'Best value' },
  { id: 'f1000', name: 'Fiber 1000', data: '1 Gbit/s', price: '799.00', product: 'c0d1e2f3-a4b5-4c6d-8e7f-90a1b2c3d4e5' },
];
const SIM_TYPES = { 1: 'Physical SIM', 2: 'eSIM' };

// How to fix a field the SDK rejected, by the kind of value it holds.
const HINTS = {
  decimal: 'Enter an amount with a point, e.g. 50.00',
  date: 'Enter a date as YYYY-MM-DD, e.g. 2026-12-01',
  guid: 'An access ID looks like 9c802615-aee5-42b8-9d2e-b09e57bb100c',
  int: 'Enter a whole number',
};

const money = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK' });
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

// ---- building an object from the form ------------------------------------------------------

/** Sets obj.a.b[0].c = value for the path "a.b[0].c", creating objects and arrays on the way. */
function setPath(obj, path, value) {
  const parts = path.match(/[^.[\]]+/g);
  let cur = obj;
  parts.forEach((part, i) => {
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (i === parts.length - 1) {
      cur[key] = value;
    } else {
      if (cur[key] === undefined || cur[key] === null) cur[key] = /^\d+$/.test(parts[i + 1]) ? [] : {};
      cur = cur[key];
    }
  });
}

const visible = (el) => !el.closest('[hidden]');

/** The value of one input as the SDK takes it; undefined leaves the field at its default. */
function readInput(input) {
  if (input.type === 'checkbox') return input.checked;
  const text = input.value.trim();
  if (text === '') return undefined;
  switch (input.dataset.type) {
    case 'int': return /^-?\d+$/.test(text) ? Number(text) : text; // a misfit is reported by the SDK
    default: return text; // decimals, dates and GUIDs go in as text: the SDK checks them exactly
  }
}

/** Copies every visible [data-path] input of `form` into `obj`. */
function readForm(form, obj) {
  for (const input of $$('[data-path]', form)) {
    if (!visible(input)) continue;
    const value = readInput(input);
    if (value !== undefined) setPath(obj, input.dataset.path, value);
  }
  return obj;
}

function labelOf(input) {
  const label = input.closest('label');
  if (!label) return input.dataset.path;
  return [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(' ').trim();
}

/** The shop's own rules: fields it needs filled in, and simple shapes, as SDK-style failures. */
function shopRules(form, extra) {
  const failures = [];
  for (const input of $$('[data-required]', form)) {
    if (visible(input) && input.value.trim() === '') {
      failures.push({ path: input.dataset.path, code: 'required', message: `Enter ${labelOf(input).toLowerCase()}` });
    }
  }
  for (const input of $$('[type="email"][data-path]', form)) {
    if (visible(input) && input.value.trim() && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(input.value.trim())) {
      failures.push({ path: input.dataset.path, code: 'email', message: 'Enter an email address like name@example.com' });
    }
  }
  for (const input of $$('[data-pattern]', form)) {
    const value = input.value.replace(/\s+/g, '');
    if (visible(input) && value && !new RegExp(`^(?:${input.dataset.pattern})$`).test(value)) {
      failures.push({ path: input.dataset.path, code: 'pattern', message: input.dataset.patternMessage });
    }
  }
  return failures.concat(extra);
}

// ---- showing failures ------------------------------------------------------------------------

/** Finds the input for a failure path; server paths may carry the parameter name ("order.X"). */
function inputFor(form, path) {
  const candidates = [path, path.replace(/^[a-z]\w*\./, '')];
  for (const p of candidates) {
    const input = $$('[data-path]', form).find((el) => el.dataset.path === p && visible(el));
    if (input) return input;
  }
  return null;
}

function messageFor(input, failure) {
  // The SDK rejected the value itself: say how to write it; keep the SDK's words as a tooltip.
  if ((failure.code === 'format' || failure.code === 'type' || failure.code === 'range') && HINTS[input.dataset.type]) {
    return HINTS[input.dataset.type];
  }
  return failure.message;
}

function showFailures(form, failures, shouldShow) {
  for (const input of $$('[data-path]', form)) {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('title');
    const old = input.parentElement.querySelector('.error');
    if (old) old.remove();
  }
  const shown = new Set();
  for (const f of failures) {
    const input = inputFor(form, f.path);
    if (!input || shown.has(input) || !shouldShow(input)) continue;
    shown.add(input);
    input.setAttribute('aria-invalid', 'true');
    input.title = f.message;
    const note = document.createElement('small');
    note.className = 'error';
    note.dataset.errorFor = input.dataset.path;
    note.textContent = messageFor(input, f);
    input.insertAdjacentElement('afterend', note);
  }
  return [...shown];
}

function banner(title, lines = [], detail = '') {
  const el = $('#banner');
  el.replaceChildren();
  const h = document.createElement('h3');
  h.textContent = title;
  el.append(h);
  if (lines.length) {
    const ul = document.createElement('ul');
    for (const line of lines) {
      const li = document.createElement('li');
      li.textContent = line;
      ul.append(li);
    }
    el.append(ul);
  }
  if (detail) {
    const small = document.createElement('p');
    const code = document.createElement('code');
    code.textContent = detail;
    small.append('Reference: ', code);
    el.append(small);
  }
  el.hidden = false;
  el.scrollIntoView({ block: 'nearest' });
}

function describeList(dl, entries) {
  dl.replaceChildren();
  for (const [k, v] of entries) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
}

// ---- one form, one API ---------------------------------------------------------------------

/**
 * Wires a form: validate on every change (errors shown for fields the user has left, or all
 * after a submit attempt), submit through the SDK client, show the outcome.
 */
function checkoutForm({ form, codec, build, rules, send, confirm, summarize }) {
  const touched = new Set();
  let submitted = false;
  let inFlight = null;

  function check() {
    const order = build();
    const failures = [...codec.validate(order), ...shopRules(form, rules(order))];
    showFailures(form, failures, (input) => submitted || touched.has(input.dataset.path));
    summarize(order);
    return { order, failures };
  }

  form.addEventListener('input', () => check());
  form.addEventListener('change', (e) => {
    if (e.target.dataset?.path) touched.add(e.target.dataset.path);
    check();
  });
  form.addEventListener('focusout', (e) => {
    if (e.target.dataset?.path && e.target.value !== '') touched.add(e.target.dataset.path);
    check();
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submitted = true;
    $('#banner').hidden = true;
    const { order, failures } = check();
    if (failures.length) {
      banner(`Please check ${failures.length === 1 ? 'one field' : `${failures.length} fields`} before ordering`);
      $('[aria-invalid="true"]', form)?.focus();
      return;
    }
    const button = $('button[type="submit"]', form);
    const label = button.textContent;
    button.disabled = true;
    button.textContent = 'Placing your order…';
    inFlight?.abort();
    inFlight = new AbortController();
    const requestId = crypto.randomUUID();
    try {
      const result = await send(order, { signal: inFlight.signal, requestId });
      confirm(result, requestId);
    } catch (err) {
      showError(form, err, requestId);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  });
  return { check };
}

function showError(form, err, requestId) {
  if (err instanceof ApiError) {
    const lines = Object.entries(err.modelState).flatMap(([path, messages]) => messages.map((m) => (path ? `${path}: ${m}` : m)));
    const failures = Object.entries(err.modelState).flatMap(([path, messages]) => messages.map((message) => ({ path, code: 'server', message })));
    showFailures(form, failures, () => true);
    banner(`The order was not accepted (${err.status} ${err.reason || ''})`.replace(' )', ')'),
      lines.length ? lines : [err.serverMessage || err.message], err.requestId || requestId);
  } else if (err instanceof ValidationError) {
    showFailures(form, err.failures, () => true);
    banner('Please check the highlighted fields', err.failures.map((f) => f.message));
  } else if (err instanceof TransportError) {
    banner(err.code === 'timeout' ? 'The order service did not answer in time' : 'Could not reach the order service',
      ['Nothing was charged. Please try again in a moment.'], err.requestId || requestId);
  } else if (err instanceof DecodeError) {
    banner('The order service sent an answer we could not read', [err.message], err.requestId || requestId);
  } else {
    banner('Something went wrong', [String(err?.message ?? err)]);
  }
}

function confirmation(text, details) {
  $('#confirmation-text').textContent = text;
  describeList($('#confirmation-details'), details);
  for (const p of $$('[role="tabpanel"]')) p.hidden = true;
  $('.tabs').hidden = true;
  $('#banner').hidden = true;
  $('#confirmation').hidden = false;
  $('#confirmation').scrollIntoView({ block: 'start' });
}

// ---- plan pickers --------------------------------------------------------------------------

function renderPlans(container, name, items) {
  container.replaceChildren();
  items.forEach((item, i) => {
    const label = document.createElement('label');
    label.className = 'plan';
    label.innerHTML = `<input type="radio" name="${name}" value="${item.id}"${i === 1 ? ' checked' : ''}>
      ${item.badge ? `<span class="badge">${item.badge}</span>` : ''}
      <span class="name"></span><span class="data"></span><span class="price"></span>`;
    label.querySelector('.name').textContent = item.name;
    label.querySelector('.data').textContent = item.data;
    label.querySelector('.price').textContent = `${money.format(Number(item.price))} / month`;
    container.append(label);
  });
}

const chosen = (form, name, items) => items.find((p) => p.id === $(`input[name="${name}"]:checked`, form)?.value) ?? items[0];

// ---- required fields and patterns of this shop -----------------------------------------------

function markRequired(form, paths) {
  for (const path of paths) {
    const input = $(`[data-path="${path}"]`, form);
    if (input) input.dataset.required = '';
  }
}
function pattern(form, path, re, message) {
  const input = $(`[data-path="${path}"]`, form);
  input.dataset.pattern = re;
  input.dataset.patternMessage = message;
}

// ---- the mobile order ------------------------------------------------------------------------

function mobile(ok) {
  const form = $('#mobile-form');
  const codec = ok.mobile.models.OrderCreationRequest;
  const client = ok.mobile.client({ baseUrl: '/mobile', timeoutMs: 15000 });
  const orderGroup = crypto.randomUUID();
  renderPlans($('#plans'), 'plan', PLANS);
  markRequired(form, [
    'OrderDetails[0].OrderDetail.PhoneNumber', 'OrderDetails[0].OrderDetail.DonorOperatorCode',
    'NewBillingAddress.Firstname', 'NewBillingAddress.Lastname', 'NewBillingAddress.Address.Email',
    'NewBillingAddress.Address.Street', 'NewBillingAddress.Address.HouseNumber', 'NewBillingAddress.Address.ZipCode',
    'NewBillingAddress.Address.City', 'NewShippingAddress.Firstname', 'NewShippingAddress.Lastname',
    'NewShippingAddress.Address.Street', 'NewShippingAddress.Address.HouseNumber',
    'NewShippingAddress.Address.ZipCode', 'NewShippingAddress.Address.City',
  ]);
  pattern(form, 'NewBillingAddress.Address.ZipCode', '\\d{4}', 'A postcode has four digits');
  pattern(form, 'NewShippingAddress.Address.ZipCode', '\\d{4}', 'A postcode has four digits');
  pattern(form, 'OrderDetails[0].OrderDetail.PhoneNumber', '\\+?\\d{8,12}', 'Enter a mobile number, e.g. +47 912 34 567');
  pattern(form, 'NewBillingAddress.Address.PhoneNumber', '\\+?\\d{8,12}', 'Enter a phone number, e.g. +47 912 34 567');
  pattern(form, 'OrderDetails[0].OrderDetail.IccId', '\\d{18,22}', 'An ICCID has 18 to 22 digits');

  const toggle = () => {
    const number = $('input[name="number"]:checked', form).value;
    const sim = $('input[name="sim"]:checked', form).value;
    for (const el of $$('[data-show-when]', form)) {
      const [key, value] = el.dataset.showWhen.split('=');
      el.hidden = (key === 'number' ? number : sim) !== value;
    }
    $('#shipping').hidden = $('#same-address').checked;
  };
  form.addEventListener('change', toggle);
  toggle();

  const build = () => {
    const plan = chosen(form, 'plan', PLANS);
    const order = readForm(form, {
      PaymentId: 1,
      OrderDetails: [{ CategoryId: plan.category, OrderDetail: {} }],
      NewBillingAddress: { CustomerType: 1, Address: { Country: 'NO' } },
    });
    const detail = order.OrderDetails[0].OrderDetail;
    Object.assign(detail, {
      NumberPorting: $('input[name="number"]:checked', form).value === 'port',
      SimTypeId: Number($('input[name="sim"]:checked', form).value),
      PricePlanProvisioningCode: plan.plan,
      SubscriptionTypeId: plan.subscription,
      PackageProvisioningCode: plan.pkg,
      Date: new Date(),
      OrderGroupGuid: orderGroup,
      SalesCode: 'WEB-CHECKOUT',
    });
    for (const key of ['PhoneNumber', 'IccId']) if (detail[key]) detail[key] = detail[key].replace(/\s+/g, '');
    if ($('#same-address').checked) {
      order.NewShippingAddress = null;
    } else {
      order.NewShippingAddress = { CustomerType: 1, ...order.NewShippingAddress };
      order.NewShippingAddress.Address = { Country: 'NO', ...order.NewShippingAddress.Address };
    }
    return order;
  };

  const summarize = (order) => {
    const plan = chosen(form, 'plan', PLANS);
    const detail = order.OrderDetails[0].OrderDetail;
    const topUp = order.OrderDetails[0].VoluntaryTopupAmount;
    const entries = [
      ['Plan', `${plan.name}, ${plan.data}`],
      ['Number', detail.NumberPorting ? `Port ${detail.PhoneNumber ?? ''}`.trim() : 'New number'],
      ['SIM', SIM_TYPES[detail.SimTypeId]],
    ];
    if (topUp && /^\d+(\.\d+)?$/.test(String(topUp))) entries.push(['Top-up', money.format(Number(topUp))]);
    describeList($('#mobile-summary'), entries);
    $('#mobile-total').textContent = money.format(Number(plan.price));
  };

  const rules = () => [];
  const send = (order, call) => client.createOrders(order, call);
  const confirm = (results, requestId) => {
    const failed = results.filter((r) => !r.Success);
    if (failed.length === results.length) {
      banner('The order was not accepted', failed.map((r) => r.ErrorMessage || 'Unknown reason'), requestId);
      return;
    }
    const orderIds = results.filter((r) => r.Success && r.Order).map((r) => `#${r.Order.Id}`);
    const first = results.find((r) => r.Success && r.Order)?.Order;
    const plan = chosen(form, 'plan', PLANS);
    confirmation(`We are getting your ${SIM_TYPES[build().OrderDetails[0].OrderDetail.SimTypeId]} ready.`, [
      ['Order', orderIds.join(', ') || 'received'],
      ['Plan', `${plan.name}, ${plan.data}`],
      ...(first?.PhoneNumber ? [['Number', first.PhoneNumber]] : []),
      ['Reference', requestId],
    ]);
  };
  return checkoutForm({ form, codec, build, rules, send, confirm, summarize });
}

// ---- the broadband order ---------------------------------------------------------------------

function broadband(ok) {
  const form = $('#broadband-form');
  const codec = ok.broadband.models.OrderNew;
  const client = ok.broadband.client({ baseUrl: '/broadband', timeoutMs: 15000 });
  renderPlans($('#speeds'), 'speed', SPEEDS);
  markRequired(form, ['AccessId', 'StartDate', 'Customer.CompanyName', 'Customer.Firstname', 'Customer.Lastname',
    'Customer.Email', 'Customer.StreetName', 'Customer.StreetNumber', 'Customer.Zipcode', 'Customer.City']);
  pattern(form, 'Customer.Zipcode', '\\d{4}', 'A postcode has four digits');
  pattern(form, 'Customer.Mobile', '\\+?\\d{8,12}', 'Enter a mobile number, e.g. +47 912 34 567');

  const toggle = () => {
    $('[data-show-when="company"]', form).hidden = !$('#is-company').checked;
  };
  form.addEventListener('change', toggle);
  toggle();

  const build = () => {
    const speed = chosen(form, 'speed', SPEEDS);
    return readForm(form, { ProductId: speed.product, UTM: 'web-checkout', Customer: { IsCompany: false } });
  };
  const summarize = (order) => {
    const speed = chosen(form, 'speed', SPEEDS);
    describeList($('#broadband-summary'), [
      ['Speed', `${speed.name}, ${speed.data}`],
      ['Start', order.StartDate && /^\d{4}-\d{2}-\d{2}$/.test(order.StartDate) ? order.StartDate : '—'],
    ]);
    $('#broadband-total').textContent = money.format(Number(speed.price));
  };
  const rules = (order) => {
    const today = new Date().toISOString().slice(0, 10);
    if (typeof order.StartDate === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(order.StartDate) && order.StartDate < today) {
      return [{ path: 'StartDate', code: 'past', message: 'The start date cannot be in the past' }];
    }
    return [];
  };
  const send = (order, call) => client.createOrder(order, call);
  const confirm = (stored, requestId) => {
    const speed = chosen(form, 'speed', SPEEDS);
    confirmation('Your broadband order is registered. We will confirm the installation date by email.', [
      ['Speed', `${speed.name}, ${speed.data}`],
      ['Access ID', stored.AccessId],
      ['Start', stored.StartDate.slice(0, 10)],
      ['Reference', requestId],
    ]);
  };
  return checkoutForm({ form, codec, build, rules, send, confirm, summarize });
}

// ---- start -----------------------------------------------------------------------------------

function tabs() {
  const select = (id) => {
    for (const tab of $$('[role="tab"]')) {
      const on = tab.id === `tab-${id}`;
      tab.setAttribute('aria-selected', String(on));
      $(`#${tab.getAttribute('aria-controls')}`).hidden = !on;
    }
    $('#banner').hidden = true;
  };
  for (const tab of $$('[role="tab"]')) tab.addEventListener('click', () => select(tab.id.slice(4)));
  select(location.hash === '#broadband' ? 'broadband' : 'mobile');
}

try {
  const ok = await OrderKit.init();
  const forms = { mobile: mobile(ok), broadband: broadband(ok) };
  $('#loading').hidden = true;
  tabs();
  forms.mobile.check();
  forms.broadband.check();
  $('#again').addEventListener('click', () => location.reload());
  document.body.dataset.ready = 'true';
} catch (e) {
  $('#loading').textContent = `The checkout could not start: ${e.message}`;
  document.body.dataset.failed = 'true';
  throw e;
}
