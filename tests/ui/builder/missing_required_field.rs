use bitget_endpoints::mix::{order::BatchCancelOrders, OrderIdItem};

fn main() {
    // productType is required: forgetting it does not compile.
    let _ = BatchCancelOrders::builder()
        .order_id_list([OrderIdItem::by_order_id("1")])
        .symbol("BTCUSDT")
        .build();
}
