use bitget_macros::bitget_channel;

#[bitget_channel(v2_public, "ticker", inst_type = "SPOT")]
pub struct Ticker {
    pub symbol: String,
}

fn main() {}
