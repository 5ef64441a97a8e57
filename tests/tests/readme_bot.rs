//! The bot test the README shows, verbatim, so the README's example is known to work.

#![allow(clippy::unwrap_used)]

use bitget_endpoints::{Client, Credentials, spot::trade::CancelOrder};
use bitget_sim::{Account, Faults, Simulator};

/// The README must show the test below as it is.
#[test]
fn the_readme_shows_this_test() {
    let readme = include_str!("../../README.md");
    let me = include_str!("readme_bot.rs");
    let start = "async fn my_bot_cancels_what_it_placed() {";
    let body = me
        .split(start)
        .nth(2) // the first occurrence is in this function's own text
        .and_then(|rest| rest.split("\n}\n").next())
        .unwrap();
    assert!(
        readme.contains(&format!("{start}{body}\n}}")),
        "README and test differ"
    );
}

#[tokio::test]
#[rustfmt::skip] // kept as the README prints it
async fn my_bot_cancels_what_it_placed() {
    let sim = Simulator::builder().account(Account::new("key", "secret", "pass")).start().await.unwrap();
    let order = sim.seed_spot_order("key", "BTCUSDT", Some("grid-1")).unwrap();
    let client = Client::builder()
        .base_url(sim.base_url())
        .credentials(Credentials::new("key", "secret", "pass"))
        .build()
        .unwrap();
    sim.set_faults(Faults { force_429: 2, ..Faults::default() }); // a busy exchange: retried
    CancelOrder::builder().symbol("BTCUSDT").order_id(&order.order_id).send(&client).await.unwrap();
    assert!(sim.live_orders("key").is_empty());
    assert_eq!(sim.requests().len(), 3); // two 429s, then the cancel
}
