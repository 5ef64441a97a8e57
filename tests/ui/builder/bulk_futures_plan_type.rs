use bitget_endpoints::bulk::BulkCancel;
use bitget_endpoints::mix::{PlanType, ProductType};
use bitget_endpoints::Client;

fn main() {
    // Only trigger orders have a plan type.
    let client = Client::builder().build().unwrap();
    let _ = BulkCancel::futures(client, ProductType::UsdtFutures, "BTCUSDT").plan_type(PlanType::NormalPlan);
}
