use bitget_endpoints::mix::{order::BatchCancelOrders, OrderIdItem, ProductType};

fn main() {
    let _ = BatchCancelOrders::builder()
        .cancel_all_orders()
        .symbol("BTCUSDT")
        .order_id_list([OrderIdItem::by_order_id("1")])
        .product_type(ProductType::UsdtFutures)
        .build();
}
