use bitget_endpoints::mix::{order::CancelPlanOrder, OrderIdItem, ProductType};

fn main() {
    let _ = CancelPlanOrder::builder()
        .order_id_list([OrderIdItem::by_order_id("1")])
        .symbol("BTCUSDT")
        .product_type(ProductType::UsdtFutures)
        .cancel_all_plan_orders()
        .build();
}
