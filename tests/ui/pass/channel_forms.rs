//! Every form of `#[bitget_channel]`: a literal instType, a field's (lower case on v3), a name
//! built from a field, extra args, no symbol, a numbered channel.

use bitget_core::stream::{Channel, Venue};
use bitget_macros::bitget_channel;

#[bitget_channel(v2_public, "ticker", push = serde_json::Value, inst_type = "SPOT")]
pub struct Ticker {
    pub symbol: String,
}

#[bitget_channel(v2_public, "candle{interval}", push = serde_json::Value, inst_type = market)]
pub struct Candles {
    pub market: String,
    pub symbol: String,
    pub interval: String,
}

#[bitget_channel(v3_public, "kline", push = serde_json::Value, inst_type = market, args(interval))]
pub struct Kline {
    pub market: String,
    pub symbol: String,
    pub interval: String,
}

#[bitget_channel(v3_public, "liquidation", push = serde_json::Value, inst_type = market, no_symbol)]
pub struct Liquidation {
    pub market: String,
}

fn number(v: &serde_json::Value) -> Option<u128> {
    v.get("tradeId")?.as_str()?.parse().ok()
}

#[bitget_channel(v2_public, "trade", push = serde_json::Value, inst_type = "SPOT", sequence = number)]
pub struct Trade {
    pub symbol: String,
}

fn main() {
    assert_eq!(Ticker::VENUE, Venue::V2Public);
    assert_eq!(Ticker::new("BTCUSDT").arg().key(), "spot ticker btcusdt");
    let c = Candles::new("USDT-FUTURES", "BTCUSDT", "1H");
    assert_eq!(
        c.arg().to_value(),
        serde_json::json!({"instType": "USDT-FUTURES", "channel": "candle1H", "instId": "BTCUSDT"})
    );
    let k = Kline::new("USDT-FUTURES", "BTCUSDT", "1m");
    assert_eq!(
        k.arg().to_value(),
        serde_json::json!({"instType": "usdt-futures", "topic": "kline", "symbol": "BTCUSDT", "interval": "1m"})
    );
    assert_eq!(Kline::VENUE, Venue::V3Public);
    assert_eq!(
        Liquidation::new("USDT-FUTURES").arg().to_value(),
        serde_json::json!({"instType": "usdt-futures", "topic": "liquidation"})
    );
    let t = serde_json::json!({"tradeId": "42"});
    assert_eq!(Trade::sequence(&t), Some(42));
    assert_eq!(Ticker::sequence(&t), None);
}
