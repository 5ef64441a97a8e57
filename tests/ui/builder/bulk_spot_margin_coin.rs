use bitget_endpoints::bulk::BulkCancel;
use bitget_endpoints::Client;

fn main() {
    // A spot batch cancel has no margin coin: the option cannot be called, so it is never
    // silently dropped.
    let client = Client::builder().build().unwrap();
    let _ = BulkCancel::spot(client, "BTCUSDT").margin_coin("USDT");
}
