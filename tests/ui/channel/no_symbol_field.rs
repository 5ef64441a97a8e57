use bitget_macros::bitget_channel;

#[bitget_channel(v2_public, "ticker", push = String, inst_type = "SPOT")]
pub struct Ticker {
    pub pair: String,
}

fn main() {}
