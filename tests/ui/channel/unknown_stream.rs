use bitget_macros::bitget_channel;

#[bitget_channel(v4_public, "ticker", push = String, inst_type = "SPOT")]
pub struct Ticker {
    pub symbol: String,
}

fn main() {}
