//! After an attempt whose answer was lost: what the repeat's answer means, and how the order the
//! first attempt may have placed is found.
//!
//! A placement carrying a client id is repeated when its answer is lost (a timeout, a 5xx, a
//! dropped connection). If the first attempt went through, Bitget answers the repeat with
//! `43122 Duplicate clientOid`, or with a refusal the first attempt caused (the balance it used).
//! Neither means the order failed. So an endpoint declared `retry_safe_with(client_oid)`
//! implements [`Recover`]: after such an attempt, the client hands it the final answer and it looks
//! the order up by its client id, returning what the first attempt would have returned; when
//! the order cannot be found, the error says that it may be live and names its client id
//! ([`Error::client_oid`], [`Error::is_ambiguous`]).

use std::future::Future;
use std::pin::Pin;

use crate::{Client, Endpoint, Error};

/// The future a recovery runs in: boxed, since it is only built on the rare unanswered path.
pub type Settling<'a, R> = Pin<Box<dyn Future<Output = Result<R, Error>> + Send + 'a>>;

/// How an endpoint whose repeats are harmless under a client id finds what an unanswered
/// attempt placed. Required by `#[bitget_endpoint(.., retry_safe_with(field))]`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is declared `retry_safe_with(..)` but does not say how to find what an unanswered attempt placed",
    label = "implement `bitget_core::recover::Recover` for it: look the order up by its client id (see `recover::by_client_oid`)"
)]
pub trait Recover: Endpoint + Sync {
    /// Called with the final answer when an earlier attempt may have been executed: turns a
    /// refusal of the repeat into the first attempt's success when its order exists (for a
    /// batch, item by item).
    fn recover<'a>(
        &'a self,
        client: &'a Client,
        answer: Result<Self::Response, Error>,
    ) -> Settling<'a, Self::Response>;
}

/// Whether a field makes repeating its request harmless: a client id that is set, or a list of
/// items that each carry one.
pub trait Idempotent {
    /// Whether the value carries its idempotency key(s).
    fn idempotent(&self) -> bool;

    /// The key itself, for a value that carries one (a list's items are told apart by it).
    fn key(&self) -> Option<&str> {
        None
    }
}

impl Idempotent for String {
    fn idempotent(&self) -> bool {
        !self.is_empty()
    }

    fn key(&self) -> Option<&str> {
        Some(self.as_str()).filter(|s| !s.is_empty())
    }
}

impl<T: Idempotent> Idempotent for Option<T> {
    fn idempotent(&self) -> bool {
        self.as_ref().is_some_and(T::idempotent)
    }

    fn key(&self) -> Option<&str> {
        self.as_ref().and_then(T::key)
    }
}

/// A batch is repeatable only when every item carries its own key: one item without would be
/// placed twice, and two items under one key could not be told apart when looked up.
impl<T: Idempotent> Idempotent for Vec<T> {
    fn idempotent(&self) -> bool {
        let mut keys = std::collections::HashSet::with_capacity(self.len());
        !self.is_empty()
            && self
                .iter()
                .all(|item| item.idempotent() && item.key().is_none_or(|k| keys.insert(k)))
    }
}

/// The recovery of one order placed under `client_oid`: a success passes through; on an error,
/// `lookup` finds the order (`Ok(None)`: no such order). Found, it is the answer; not found, or
/// the lookup failing, the error is kept and says the order may be live under `client_oid`.
pub async fn by_client_oid<R, F, Fut>(
    answer: Result<R, Error>,
    client_oid: Option<&str>,
    lookup: F,
) -> Result<R, Error>
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<Option<R>, Error>>,
{
    let err = match answer {
        Ok(answer) => return Ok(answer),
        Err(err) => err,
    };
    if client_oid.is_none_or(str::is_empty) {
        return Err(err.may_have_executed(None));
    }
    match lookup().await {
        Ok(Some(found)) => {
            tracing::debug!(
                client_oid,
                refused = %err,
                "an unanswered attempt had placed the order: answering with it"
            );
            Ok(found)
        }
        Ok(None) | Err(_) => Err(err.may_have_executed(client_oid)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ApiCode, ErrorKind};

    fn refused() -> Error {
        Error::api(crate::ApiError {
            code: ApiCode::DuplicateClientOid,
            message: "Duplicate clientOid".into(),
            http_status: 400,
            request_time: None,
        })
    }

    #[tokio::test]
    async fn a_found_order_is_the_answer_and_a_missing_one_keeps_the_error_ambiguous() {
        let found = by_client_oid(Err(refused()), Some("c-1"), || async {
            Ok(Some("order-7"))
        })
        .await;
        assert_eq!(found.ok(), Some("order-7"));

        let missing =
            by_client_oid::<&str, _, _>(Err(refused()), Some("c-1"), || async { Ok(None) })
                .await
                .err()
                .unwrap_or_else(|| panic!("a missing order keeps the error"));
        assert!(missing.is_ambiguous(), "{missing}");
        assert_eq!(missing.client_oid(), Some("c-1"));
        assert_eq!(missing.kind(), ErrorKind::Api);
        assert_eq!(missing.api_code(), Some(&ApiCode::DuplicateClientOid));
        let text = missing.to_string();
        assert!(
            text.contains("may be live") && text.contains("`c-1`"),
            "{text}"
        );

        let failed_lookup = by_client_oid::<&str, _, _>(Err(refused()), Some("c-1"), || async {
            Err(Error::timeout("GET /x"))
        })
        .await
        .err()
        .unwrap_or_else(|| panic!("a failed lookup keeps the error"));
        assert_eq!(failed_lookup.api_code(), Some(&ApiCode::DuplicateClientOid));
        assert!(failed_lookup.is_ambiguous());
    }

    #[tokio::test]
    async fn a_success_is_not_looked_up() {
        let answer = by_client_oid(Ok(1), Some("c"), || async {
            panic!("no lookup after a success")
        })
        .await;
        assert_eq!(answer.ok(), Some(1));
    }

    #[test]
    fn a_batch_is_repeatable_only_when_every_item_has_its_key() {
        let some = |s: &str| Some(s.to_owned());
        assert!(vec![some("a"), some("b")].idempotent());
        assert!(!vec![some("a"), None].idempotent());
        assert!(!vec![some("a"), some("")].idempotent());
        assert!(!Vec::<Option<String>>::new().idempotent());
        assert!(
            !vec![some("a"), some("a")].idempotent(),
            "two items under one key"
        );
    }
}
