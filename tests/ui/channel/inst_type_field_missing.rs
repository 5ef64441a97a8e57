use bitget_macros::bitget_channel;

#[bitget_channel(v3_public, "books", push = String, inst_type = category)]
pub struct Books {
    pub symbol: String,
}

fn main() {}
