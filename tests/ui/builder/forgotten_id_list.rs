use bitget_endpoints::mix::{order::CancelPlanOrder, ProductType};

fn main() {
    // Without an id list Bitget cancels everything: the list must be given, or the choice made
    // explicitly with `.cancel_all_plan_orders()`.
    let _ = CancelPlanOrder::builder().product_type(ProductType::UsdtFutures).build();
}
