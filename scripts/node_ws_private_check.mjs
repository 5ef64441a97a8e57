// The Node SDK's private WebSocket clients (npm `bitget-api`, tiagosiebler) against the
// simulator, unchanged but for their URL: WebsocketClientV2 logs in on /v2/ws/private and
// subscribes to account and orders; WebsocketClientV3 logs in on /v3/ws/private, subscribes to
// order and account, and its WebsocketAPIClient trades over the stream (place, batch place,
// cancel, batch cancel: the SDK's own `op:"trade"` messages). Exits non-zero when a login, an
// acknowledgement, a push or a trade answer is missing.
//
//     npm install bitget-api          (in a scratch directory; NODE_PATH pointing at it)
//     cargo run -p bitget-sim -- --listen 127.0.0.1:18555 \
//         --account ccxtkey:ccxtsecret:ccxtpass --account utakey:utasecret:utapass:unified \
//         --liquidity USDT-FUTURES:BTCUSDT:sell:60000:5 &
//     NODE_PATH=/path/to/node_modules node scripts/node_ws_private_check.mjs
//
// Not part of CI (it needs the npm package); the session notes quote its result.

import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const { WebsocketClientV2, WebsocketClientV3, WebsocketAPIClient, WS_KEY_MAP } = require('bitget-api');

const WS = 'ws://127.0.0.1:18555';
const quiet = { trace: () => {}, info: () => {}, error: (...a) => console.error(...a) };
const seen = {};
const count = (key) => { seen[key] = (seen[key] || 0) + 1; };
const v2keys = { apiKey: 'ccxtkey', apiSecret: 'ccxtsecret', apiPass: 'ccxtpass' };
const v3keys = { apiKey: 'utakey', apiSecret: 'utasecret', apiPass: 'utapass' };

const v2 = new WebsocketClientV2({ ...v2keys, wsUrl: `${WS}/v2/ws/private` }, quiet);
v2.on('authenticated', () => count('v2 login'));
v2.on('response', (r) => { if (r.event === 'subscribe') count(`v2 ack ${r.arg.channel}`); });
v2.on('update', (u) => count(`v2 push ${u.arg.channel}`));
v2.on('exception', (e) => count(`v2 error ${JSON.stringify(e).slice(0, 80)}`));
v2.subscribeTopic('USDT-FUTURES', 'account');
v2.subscribeTopic('USDT-FUTURES', 'orders');

const v3 = new WebsocketClientV3({ ...v3keys, wsUrl: `${WS}/v3/ws/private` }, quiet);
v3.on('authenticated', () => count('v3 login'));
v3.on('response', (r) => { if (r.event === 'subscribe') count(`v3 ack ${r.arg.topic}`); });
v3.on('update', (u) => count(`v3 push ${u.arg.topic}`));
v3.on('exception', (e) => count(`v3 error ${JSON.stringify(e).slice(0, 80)}`));
v3.subscribe(
  [
    { topic: 'order', payload: { instType: 'UTA' } },
    { topic: 'account', payload: { instType: 'UTA' } },
  ],
  WS_KEY_MAP.v3Private,
);

const api = new WebsocketAPIClient({ ...v3keys, wsUrl: `${WS}/v3/ws/private` }, quiet);
const order = (price, clientOid) => ({
  symbol: 'BTCUSDT', orderType: 'limit', qty: '0.01', price, side: 'buy', timeInForce: 'gtc', clientOid,
});

async function trade() {
  try {
    const placed = await api.submitNewOrder('usdt-futures', order('50000', 'node-1'));
    if (placed.code === '0' && placed.args[0].orderId) count('v3 trade place-order');
    const batch = await api.placeBatchOrders('usdt-futures', [order('49000', 'node-2'), order('49100', 'node-3')]);
    if (batch.args.length === 2 && batch.args.every((a) => a.code === '0')) count('v3 trade batch-place');
    const cancelled = await api.cancelOrder('usdt-futures', { clientOid: 'node-1' });
    if (cancelled.code === '0') count('v3 trade cancel-order');
    const both = await api.cancelBatchOrders('usdt-futures', [{ clientOid: 'node-2' }, { orderId: '424242' }]);
    if (both.args[0].code === '0' && both.args[1].code === '25204') count('v3 trade batch-cancel');
  } catch (e) {
    count(`v3 trade error ${JSON.stringify(e).slice(0, 120)}`);
  }
}
setTimeout(trade, 1500);

setTimeout(() => {
  console.log(JSON.stringify(seen, null, 1));
  const want = [
    'v2 login', 'v2 ack account', 'v2 ack orders', 'v2 push account',
    'v3 login', 'v3 ack order', 'v3 ack account', 'v3 push account', 'v3 push order',
    'v3 trade place-order', 'v3 trade batch-place', 'v3 trade cancel-order', 'v3 trade batch-cancel',
  ];
  const missing = want.filter((k) => !seen[k]);
  const errors = Object.keys(seen).filter((k) => k.includes('error'));
  console.log(`${want.length - missing.length}/${want.length} checks passed`);
  if (missing.length) console.log('missing:', missing.join(', '));
  if (errors.length) console.log('errors:', errors.join(', '));
  process.exit(missing.length || errors.length ? 1 : 0);
}, 6000);
