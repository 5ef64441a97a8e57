//! Trading over the v3 private stream: [`Trader`].

use std::sync::atomic::{AtomicU64, Ordering};

use bitget_core::recover::Recover;
use bitget_core::stream::{Requester, Streams, Venue};
use bitget_core::validate::{Path, Violations};
use bitget_core::{Endpoint, Error, RuleKind};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::Category;
use crate::trade::{
    CancelBatch, CancelOrder, ItemResult, ModifyOrder, OrderAck, PlaceBatch, PlaceOrder,
};

/// Trading over the v3 private stream (`op:"trade"` on `/v3/ws/private`): place, batch place,
/// modify, cancel and batch cancel from the very request types the REST builders make.
///
/// Doc: uta/websocket/private/Place-Order-Channel, Batch-Place-Order-Channel,
/// Modify-Order-Channel, Cancel-Order-Channel, Batch-Cancel-Order-Channel. A request is
/// `{"op":"trade","id":..,"category":..,"topic":..,"args":[..]}` with `category` at the top in
/// lower case (Bitget refuses upper case here, although REST takes it) and the REST body's
/// other fields as the args; the answer is the frame with the same `id`, code `"0"` or
/// Bitget's code. What the choices rest on:
/// - The rules are the REST declarations' own: a request that breaks one is refused before
///   anything is sent, with the same validation error. The stream adds what its pages add:
///   `category` is required on place, batch place and modify, `symbol` on modify, and a batch
///   place item takes no `reduceOnly` (the REST item has none either).
/// - Each request waits for the endpoint's REST rate permit: the pages state no limit of their
///   own, v2's says "shared with Rest API", so the REST limits are the safe reading.
/// - A placement whose answer is lost (the connection dropped after sending, or no answer in
///   time) is looked up over REST by its `clientOid`, exactly as a lost REST answer is; without
///   one the error says the order may be live ([`Error::is_ambiguous`]). Set a `clientOid`.
/// - While the connection is reconnecting, a request waits for it within its timeout
///   (`StreamConfig::ack_timeout`, 10 s); past that it is not sent at all, and says so
///   ([`Error::is_disconnected`], not ambiguous). Requests share the connection's pace
///   (`StreamConfig::messages_per_second`, 5 by default, at most Bitget's 10).
/// - Modify is asynchronous on Bitget's side: a successful answer means accepted, and the
///   change may still fail afterwards without a further answer (the page says so). The order
///   channel, or REST, says what became of it.
/// - Whether the stream needs an approved account is unclear (older pages say "contact your
///   BD or RM", the newer batch page does not); a refusal arrives as Bitget's code.
///
/// ```no_run
/// # async fn run() -> Result<(), bitget_endpoints::Error> {
/// use bitget_endpoints::stream::Streams;
/// use bitget_endpoints::uta::{Category, OrderType, Side, trade::PlaceOrder, ws::Trader};
/// let client = bitget_endpoints::Client::from_env()?;
/// let streams = Streams::new(&client);
/// let trader = Trader::new(&streams)?;
/// let order = PlaceOrder::builder()
///     .side(Side::Buy)
///     .category(Category::Spot)
///     .symbol("BTCUSDT")
///     .order_type(OrderType::Limit)
///     .price("60000")
///     .qty("0.001")
///     .client_oid("bot-1")
///     .build()?;
/// let ack = trader.place(&order).await?;
/// println!("placed {:?}", ack.order_id);
/// # Ok(()) }
/// ```
///
/// One trader is one v3 private connection (logged in with the streams' client, again after
/// every reconnect). Requests may be sent from several tasks at once; each is answered alone.
#[derive(Debug)]
pub struct Trader {
    conn: Requester,
    /// Request ids: this process's start in ms and a counter, unique across restarts.
    prefix: String,
    next: AtomicU64,
}

impl Trader {
    /// A trader on a private v3 connection of `streams` (opened now, logged in before the first
    /// request goes). Refused at once when the client has no credentials.
    pub fn new(streams: &Streams) -> Result<Self, Error> {
        let conn = streams.requester(Venue::V3Private)?;
        let prefix = format!("t{}", conn.client().clock().now_ms());
        Ok(Trader {
            conn,
            prefix,
            next: AtomicU64::new(0),
        })
    }

    /// `place-order`: one order. Answered by Bitget's acknowledgement (`orderId`, `clientOid`);
    /// the order's states then arrive on the order channel.
    pub async fn place(&self, order: &PlaceOrder) -> Result<OrderAck, Error> {
        let mut item = fields(order)?;
        item.remove("category");
        let category = order.category.clone();
        let answer = self
            .call::<PlaceOrder, OrderAck>(order, "place-order", Some(&category), vec![item])
            .await
            .and_then(one);
        self.settle(order, answer).await
    }

    /// `batch-place`: up to 20 orders of one category, each answered alone (Bitget never
    /// refuses the batch as a whole: read each [`ItemResult`]).
    pub async fn place_batch(&self, batch: &PlaceBatch) -> Result<Vec<ItemResult>, Error> {
        let category = batch.orders.first().map(|o| o.category.clone());
        let items = batch
            .orders
            .iter()
            .map(|o| {
                let mut item = fields(o)?;
                item.remove("category");
                Ok(item)
            })
            .collect::<Result<Vec<_>, Error>>()?;
        let answer = self
            .call::<PlaceBatch, ItemResult>(batch, "batch-place", category.as_ref(), items)
            .await;
        self.settle(batch, answer).await
    }

    /// `modify-order`: a new size or price for a resting order (`category` and `symbol`
    /// required here). Accepted is not done: see the module's docs.
    pub async fn modify(&self, change: &ModifyOrder) -> Result<OrderAck, Error> {
        // The stream's page requires what REST leaves optional: reported with the declared
        // rules' violations, in one error, before anything is sent.
        let mut extra = Violations::default();
        for (field, missing) in [
            ("category", change.category.is_none()),
            ("symbol", change.symbol.is_none()),
        ] {
            if missing {
                extra.push(
                    &Path::ROOT.field(field),
                    RuleKind::Required,
                    format!("`{field}` is required to modify an order over the stream (the modify-order channel's page)"),
                );
            }
        }
        match change.validate() {
            Err(mut e) => {
                if let Err(more) = extra.finish(e.target) {
                    e.violations.extend(more.violations);
                }
                return Err(e.into());
            }
            Ok(()) => extra.finish("v3 stream modify-order")?,
        }
        let mut item = fields(change)?;
        item.remove("category");
        self.call::<ModifyOrder, OrderAck>(
            change,
            "modify-order",
            change.category.as_ref(),
            vec![item],
        )
        .await
        .and_then(one)
    }

    /// `cancel-order`: one order by `orderId` (prevailing) or `clientOid`.
    pub async fn cancel(&self, cancel: &CancelOrder) -> Result<OrderAck, Error> {
        let mut item = fields(cancel)?;
        item.remove("category");
        self.call::<CancelOrder, OrderAck>(
            cancel,
            "cancel-order",
            cancel.category.as_ref(),
            vec![item],
        )
        .await
        .and_then(one)
    }

    /// `batch-cancel`: up to 20 orders of one category, each answered alone (`25204`: no such
    /// order). Each item is sent as its ids only, as the page's table lists.
    pub async fn cancel_batch(&self, batch: &CancelBatch) -> Result<Vec<ItemResult>, Error> {
        let category = batch.orders.first().map(|o| o.category.clone());
        let items = batch
            .orders
            .iter()
            .map(|o| {
                let mut item = Map::new();
                if let Some(id) = &o.order_id {
                    item.insert("orderId".into(), json!(id));
                }
                if let Some(coid) = &o.client_oid {
                    item.insert("clientOid".into(), json!(coid));
                }
                item
            })
            .collect();
        self.call::<CancelBatch, ItemResult>(batch, "batch-cancel", category.as_ref(), items)
            .await
    }

    /// Validates `request` by its declaration, waits for its REST rate permit, sends it as
    /// `topic` and decodes the answer's `args`.
    async fn call<E: Endpoint, T: DeserializeOwned>(
        &self,
        request: &E,
        topic: &str,
        category: Option<&Category>,
        args: Vec<Map<String, Value>>,
    ) -> Result<Vec<T>, Error> {
        request.validate()?;
        let id = format!(
            "{}-{}",
            self.prefix,
            self.next.fetch_add(1, Ordering::Relaxed)
        );
        let mut message = json!({ "op": "trade", "id": id, "topic": topic, "args": args });
        if let Some(category) = category {
            message["category"] = json!(category.to_string().to_ascii_lowercase());
        }
        self.conn.client().rate_permit::<E>().await;
        self.conn.request_args(&id, message.to_string()).await
    }

    /// After a placement whose answer was lost: the order found by its client id over REST, as
    /// a lost REST answer is settled.
    async fn settle<E: Recover<Response = R>, R>(
        &self,
        request: &E,
        answer: Result<R, Error>,
    ) -> Result<R, Error> {
        match answer {
            Err(e) if e.is_ambiguous() => request.recover(self.conn.client(), Err(e)).await,
            answer => answer,
        }
    }
}

/// The request's wire fields (its REST body), as a JSON object.
fn fields<T: serde::Serialize>(request: &T) -> Result<Map<String, Value>, Error> {
    match serde_json::to_value(request) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(Error::config("a stream trade request is not a JSON object")),
        Err(e) => Err(Error::config(format!(
            "a stream trade request did not serialise: {e}"
        ))),
    }
}

/// The one item a single-order topic answers with.
fn one(mut items: Vec<OrderAck>) -> Result<OrderAck, Error> {
    if items.is_empty() {
        // Bitget answered success without the order: nothing names it, but it was accepted.
        return Ok(OrderAck {
            order_id: None,
            client_oid: None,
        });
    }
    Ok(items.swap_remove(0))
}
