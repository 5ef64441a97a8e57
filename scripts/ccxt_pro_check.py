"""ccxt's pro module (Python) against the simulator's streams, unchanged but for its URLs:
watch_order_book (checksums verified by ccxt), watch_ticker, watch_trades and watch_ohlcv on a
spot and a swap market, while a market maker quotes and trades over REST.

    pip install ccxt
    cargo run -p bitget-sim -- --listen 127.0.0.1:18555 --account ccxtkey:ccxtsecret:ccxtpass --account mmkey:mmsecret:mmpass &
    python3 scripts/ccxt_pro_check.py

Prints each call's outcome and exits non-zero on any failure. Not part of CI (it needs ccxt from
PyPI); the session notes quote its result.
"""

import asyncio
import json
import sys

import ccxt
import ccxt.pro

BASE = "http://127.0.0.1:18555"
WS = "ws://127.0.0.1:18555"


def rest(key, secret, password):
    e = ccxt.bitget({"apiKey": key, "secret": secret, "password": password, "enableRateLimit": False})
    for k in list(e.urls["api"].keys()):
        e.urls["api"][k] = BASE
    e.options["fetchMarkets"] = {"types": ["spot", "swap"]}
    e.has["fetchCurrencies"] = False
    return e


def pro(credentials=None):
    """The pro exchange on the simulator's URLs; `credentials` (key, secret, passphrase) for the
    private streams."""
    config = {"enableRateLimit": False}
    if credentials:
        config.update(dict(zip(["apiKey", "secret", "password"], credentials)))
    e = ccxt.pro.bitget(config)
    for k in list(e.urls["api"].keys()):
        if k != "ws":
            e.urls["api"][k] = BASE
    e.urls["api"]["ws"] = {
        "public": WS + "/v2/ws/public",
        "private": WS + "/v2/ws/private",
        "utaPublic": WS + "/v3/ws/public",
        "utaPrivate": WS + "/v3/ws/private",
    }
    e.options["fetchMarkets"] = {"types": ["spot", "swap"]}
    e.has["fetchCurrencies"] = False
    return e


results = {}


async def step(name, coro):
    try:
        r = await asyncio.wait_for(coro, 10)
        results[name] = "ok"
        return r
    except Exception as ex:  # report every failure, keep going
        results[name] = f"{type(ex).__name__}: {str(ex)[:200]}"
        return None


async def main():
    mm = rest("mmkey", "mmsecret", "mmpass")
    taker = rest("ccxtkey", "ccxtsecret", "ccxtpass")
    ws = pro()
    await ws.load_markets()
    for symbol in ["BTC/USDT", "BTC/USDT:USDT"]:
        size = 0.5 if ":" not in symbol else 1
        mm.create_order(symbol, "limit", "sell", size, 60010)
        mm.create_order(symbol, "limit", "buy", size, 59990)
        book = await step(f"{symbol} watch_order_book", ws.watch_order_book(symbol))
        if book:
            results[f"{symbol} book top"] = "ok" if (book["bids"][0][0], book["asks"][0][0]) == (59990, 60010) else f"bad top {book['bids'][:1]} {book['asks'][:1]}"
        # A new level: the next book update carries it (and its checksum, which ccxt checks).
        mm.create_order(symbol, "limit", "buy", size, 59995)
        for _ in range(20):
            book = await step(f"{symbol} watch_order_book update", ws.watch_order_book(symbol))
            if book and book["bids"] and book["bids"][0][0] == 59995:
                break
        else:
            results[f"{symbol} watch_order_book update"] = "the new bid never arrived"
        ticker_task = asyncio.ensure_future(step(f"{symbol} watch_ticker", ws.watch_ticker(symbol)))
        trades_task = asyncio.ensure_future(step(f"{symbol} watch_trades", ws.watch_trades(symbol)))
        ohlcv_task = asyncio.ensure_future(step(f"{symbol} watch_ohlcv", ws.watch_ohlcv(symbol, "1m")))
        await asyncio.sleep(0.5)
        if ":" in symbol:
            taker.create_order(symbol, "market", "buy", 0.1)
        else:
            taker.create_order(symbol, "market", "buy", None, None, {"cost": 100})
        await ticker_task
        await trades_task
        await ohlcv_task
    await ws.close()
    print(json.dumps(results, indent=1))
    sys.exit(0 if all(v == "ok" for v in results.values()) else 1)


if __name__ == "__main__":
    asyncio.run(main())
