// The Node SDK's WebSocket clients (npm `bitget-api`, tiagosiebler) against the simulator's
// public streams, unchanged but for their URL: WebsocketClientV2 on /v2/ws/public (ticker,
// books, trade) and WebsocketClientV3 on /v3/ws/public (ticker, books, publicTrade). Counts
// the acknowledgements and pushes each receives, and exits non-zero if a subscription is not
// answered or pushes nothing.
//
//     npm install bitget-api          (in a scratch directory; NODE_PATH pointing at it)
//     cargo run -p bitget-sim -- --listen 127.0.0.1:18555 --account k:s:p &
//     NODE_PATH=/path/to/node_modules node scripts/node_ws_check.mjs
//
// Not part of CI (it needs the npm package); the session notes quote its result.

import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const { WebsocketClientV2, WebsocketClientV3, WS_KEY_MAP } = require('bitget-api');

const WS = 'ws://127.0.0.1:18555';
const quiet = { trace: () => {}, info: () => {}, error: (...a) => console.error(...a) };
const seen = {};
const count = (key) => { seen[key] = (seen[key] || 0) + 1; };

const v2 = new WebsocketClientV2({ wsUrl: `${WS}/v2/ws/public` }, quiet);
v2.on('response', (r) => { if (r.event === 'subscribe') count(`v2 ack ${r.arg.channel}`); });
v2.on('update', (u) => count(`v2 push ${u.arg.channel}`));
v2.on('exception', (e) => count(`v2 error ${JSON.stringify(e).slice(0, 80)}`));
v2.subscribeTopic('SPOT', 'ticker', 'BTCUSDT');
v2.subscribeTopic('SPOT', 'books', 'BTCUSDT');
v2.subscribeTopic('USDT-FUTURES', 'trade', 'BTCUSDT');

const v3 = new WebsocketClientV3({ wsUrl: `${WS}/v3/ws/public` }, quiet);
v3.on('response', (r) => { if (r.event === 'subscribe') count(`v3 ack ${r.arg.topic}`); });
v3.on('update', (u) => count(`v3 push ${u.arg.topic}`));
v3.on('exception', (e) => count(`v3 error ${JSON.stringify(e).slice(0, 80)}`));
v3.subscribe(
  [
    { topic: 'ticker', payload: { instType: 'spot', symbol: 'BTCUSDT' } },
    { topic: 'books', payload: { instType: 'usdt-futures', symbol: 'BTCUSDT' } },
    { topic: 'publicTrade', payload: { instType: 'usdt-futures', symbol: 'BTCUSDT' } },
  ],
  WS_KEY_MAP.v3Public,
);

setTimeout(() => {
  console.log(JSON.stringify(seen, null, 1));
  const want = [
    'v2 ack ticker', 'v2 ack books', 'v2 ack trade', 'v2 push ticker', 'v2 push books', 'v2 push trade',
    'v3 ack ticker', 'v3 ack books', 'v3 ack publicTrade', 'v3 push ticker', 'v3 push books', 'v3 push publicTrade',
  ];
  const missing = want.filter((k) => !seen[k]);
  const errors = Object.keys(seen).filter((k) => k.includes('error'));
  if (missing.length || errors.length) {
    console.log('missing:', missing, 'errors:', errors);
    process.exit(1);
  }
  process.exit(0);
}, 3000);
