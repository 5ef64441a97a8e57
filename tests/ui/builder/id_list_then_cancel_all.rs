use bitget_endpoints::mix::{order::BatchCancelOrders, OrderIdItem, ProductType};

fn main() {
    // A `.cancel_all_orders()` left over from a copy-paste would drop the list and cancel every
    // order of the symbol: calling both does not compile.
    let _ = BatchCancelOrders::builder()
        .order_id_list([OrderIdItem::by_order_id("1")])
        .symbol("BTCUSDT")
        .cancel_all_orders()
        .product_type(ProductType::UsdtFutures)
        .build();
}
