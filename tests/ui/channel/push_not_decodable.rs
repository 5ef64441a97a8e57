use bitget_macros::bitget_channel;

pub struct NotAPush;

#[bitget_channel(v2_public, "ticker", push = NotAPush, inst_type = "SPOT")]
pub struct Ticker {
    pub symbol: String,
}

fn main() {}
