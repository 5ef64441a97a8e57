"""ccxt's pro module (Python) against the simulator's private streams, unchanged but for its URLs:
watch_orders, watch_my_trades, watch_positions and watch_balance on a swap and a spot market,
while the account's order fills against a market maker over REST. ccxt logs in itself (its own
signing, seconds), so the simulator's login check is exercised by another client's code.

    pip install ccxt
    cargo run -p bitget-sim -- --listen 127.0.0.1:18555 --account ccxtkey:ccxtsecret:ccxtpass --account mmkey:mmsecret:mmpass &
    python3 scripts/ccxt_pro_private_check.py

Prints each call's outcome and exits non-zero on any failure. Not part of CI (it needs ccxt from
PyPI); the session notes quote its result.
"""

import asyncio
import json
import sys

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from ccxt_pro_check import pro, rest  # noqa: E402  (the same URL rewiring)


results = {}


async def step(name, coro, check=None):
    try:
        r = await asyncio.wait_for(coro, 10)
        results[name] = "ok" if check is None or check(r) else f"unexpected: {str(r)[:300]}"
        return r
    except Exception as ex:  # report every failure, keep going
        results[name] = f"{type(ex).__name__}: {str(ex)[:300]}"
        return None


async def main():
    mm = rest("mmkey", "mmsecret", "mmpass")
    bot = rest("ccxtkey", "ccxtsecret", "ccxtpass")
    ws = pro(("ccxtkey", "ccxtsecret", "ccxtpass"))
    await ws.load_markets()
    await step("watch_balance", ws.watch_balance({"type": "swap"}), lambda b: "USDT" in b)
    for symbol in ["BTC/USDT:USDT", "BTC/USDT"]:
        mm.create_order(symbol, "limit", "sell", 1, 60010)
        orders = asyncio.ensure_future(step(f"{symbol} watch_orders", ws.watch_orders(symbol), lambda o: len(o) > 0 and o[-1]["id"] is not None))
        trades = asyncio.ensure_future(step(f"{symbol} watch_my_trades", ws.watch_my_trades(symbol), lambda t: len(t) > 0 and t[-1]["price"] == 60010))
        await asyncio.sleep(0.5)
        bot.create_order(symbol, "limit", "buy", 0.1, 60010)
        await orders
        await trades
    await step("watch_positions", ws.watch_positions(["BTC/USDT:USDT"]), lambda p: any(x["contracts"] for x in p))
    await ws.close()
    print(json.dumps(results, indent=1))
    sys.exit(0 if all(v == "ok" for v in results.values()) else 1)


asyncio.run(main())
