// Flash close with a symbol but no side: in hedge mode Bitget would close both sides, so the
// builder wants `.hold_side(...)` or an explicit `.both_sides()`.
use bitget_endpoints::mix::{order::ClosePositions, ProductType};

fn main() {
    let _ = ClosePositions::builder().symbol("BTCUSDT").product_type(ProductType::UsdtFutures).build();
}
