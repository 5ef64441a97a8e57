"""Another Bitget client against the simulator, unchanged: ccxt (Python) on the v2 futures and
spot surfaces.

    pip install ccxt
    cargo run -p bitget-sim -- --listen 127.0.0.1:18555 --account ccxtkey:ccxtsecret:ccxtpass --account mmkey:mmsecret:mmpass &
    python3 scripts/ccxt_check.py

ccxt's own request code talks to the simulator: its URLs point at it, markets are loaded for
spot and swaps; currencies are not fetched (ccxt reads them from the margin endpoints too, which
the catalogue leaves out).
Prints each call's outcome ("ok" or the error with the URL that failed) and exits non-zero on
any failure. Not part of CI (it needs ccxt from PyPI); the session notes quote its result.
"""

import json
import sys

import ccxt

BASE = "http://127.0.0.1:18555"
SYMBOL = "BTC/USDT:USDT"


def make(key, secret, password):
    e = ccxt.bitget({"apiKey": key, "secret": secret, "password": password, "enableRateLimit": False})
    for k in list(e.urls["api"].keys()):
        e.urls["api"][k] = BASE
    e.options["fetchMarkets"] = {"types": ["spot", "swap"]}
    e.options["defaultType"] = "swap"
    # ccxt's currencies read /api/v2/margin/currencies beside the spot coins, and margin is out
    # of the catalogue's scope.
    e.has["fetchCurrencies"] = False
    return e


mm = make("mmkey", "mmsecret", "mmpass")
bot = make("ccxtkey", "ccxtsecret", "ccxtpass")
results = {}


def step(name, f):
    try:
        r = f()
        results[name] = "ok"
        return r
    except Exception as ex:  # report every failure, keep going
        results[name] = f"{type(ex).__name__}: {str(ex)[:200]} @ {bot.last_request_url or mm.last_request_url}"
        return None


step("load_markets", lambda: bot.load_markets())
step("maker: limit sell", lambda: mm.create_order(SYMBOL, "limit", "sell", 1, 60010))
step("maker: limit buy", lambda: mm.create_order(SYMBOL, "limit", "buy", 1, 59990))
step("fetch_ticker", lambda: bot.fetch_ticker(SYMBOL))
step("fetch_order_book", lambda: bot.fetch_order_book(SYMBOL))
market = step("create market buy", lambda: bot.create_order(SYMBOL, "market", "buy", 0.1))
positions = step("fetch_positions", lambda: bot.fetch_positions([SYMBOL]))
step("fetch_balance", lambda: bot.fetch_balance())
limit = step("create limit buy", lambda: bot.create_order(SYMBOL, "limit", "buy", 0.1, 50000))
step("fetch_open_orders", lambda: bot.fetch_open_orders(SYMBOL))
if limit:
    step("cancel_order", lambda: bot.cancel_order(limit["id"], SYMBOL))
if market:
    step("fetch_order", lambda: bot.fetch_order(market["id"], SYMBOL))
trades = step("fetch_my_trades", lambda: bot.fetch_my_trades(SYMBOL))
step("fetch_ohlcv", lambda: bot.fetch_ohlcv(SYMBOL, "1m"))
step("fetch_funding_rate", lambda: bot.fetch_funding_rate(SYMBOL))
step("set_leverage", lambda: bot.set_leverage(5, SYMBOL))

# Spot: ccxt's unified calls on BTC/USDT.
SPOT = "BTC/USDT"
step("spot maker: limit sell", lambda: mm.create_order(SPOT, "limit", "sell", 0.5, 60010))
step("spot fetch_balance", lambda: bot.fetch_balance({"type": "spot"}))
spot_market = step(
    "spot create market buy",
    lambda: bot.create_order(SPOT, "market", "buy", None, None, {"cost": 100}),
)
spot_limit = step("spot create limit buy", lambda: bot.create_order(SPOT, "limit", "buy", 0.001, 50000))
step("spot fetch_open_orders", lambda: bot.fetch_open_orders(SPOT))
if spot_market:
    step("spot fetch_order", lambda: bot.fetch_order(spot_market["id"], SPOT))
if spot_limit:
    step("spot cancel_order", lambda: bot.cancel_order(spot_limit["id"], SPOT))
spot_trades = step("spot fetch_my_trades", lambda: bot.fetch_my_trades(SPOT))
step("spot fetch_ticker", lambda: bot.fetch_ticker(SPOT))
step("spot fetch_order_book", lambda: bot.fetch_order_book(SPOT))
step("spot fetch_ohlcv", lambda: bot.fetch_ohlcv(SPOT, "1m"))
print(json.dumps(results, indent=1))
if positions:
    print("positions:", [(p["symbol"], p["side"], p["contracts"], p["entryPrice"]) for p in positions])
if trades:
    print("trades:", [(t["side"], t["price"], t["amount"]) for t in trades])
if spot_trades:
    print("spot trades:", [(t["side"], t["price"], t["amount"], t["fee"]) for t in spot_trades])
sys.exit(0 if all(v == "ok" for v in results.values()) else 1)
