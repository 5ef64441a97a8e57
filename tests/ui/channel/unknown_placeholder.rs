use bitget_macros::bitget_channel;

#[bitget_channel(v2_public, "candle{granularity}", push = String, inst_type = "SPOT")]
pub struct Candles {
    pub symbol: String,
    pub interval: String,
}

fn main() {}
