use bitget_endpoints::mix::{order::BatchCancelOrders, OrderIdItem};

// Forgetting a required field and calling `send` is one error that names the field, once.
async fn run(client: &bitget_endpoints::Client) {
    let _ = BatchCancelOrders::builder()
        .order_id_list([OrderIdItem::by_order_id("1")])
        .symbol("BTCUSDT")
        .send(client)
        .await;
}

fn main() {
    let _ = run;
}
