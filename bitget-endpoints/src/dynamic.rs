//! (Feature `dynamic`.) A declared endpoint's request and answer as JSON, through its
//! [`inventory`](crate::inventory) entry, without naming its type: what the doc-fixture tests
//! and the command line need to handle every endpoint alike.

use std::future::Future;
use std::pin::Pin;

use bitget_core::validate::ValidationError;
use bitget_core::wire::WireShape;
use bitget_core::{Client, DryRun, Endpoint, Error};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The JSON forms of one endpoint.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct JsonForms {
    /// Reads a request from JSON (wire names) and writes it back as it would be sent; `Err` says
    /// why it does not read.
    pub read_request: fn(Value) -> Result<Value, String>,
    /// Reads a request from JSON and checks every declared rule: the outer `Err` says why it does
    /// not read, the inner one which rules it breaks.
    pub validate: fn(Value) -> Result<Result<(), ValidationError>, String>,
    /// Decodes an answer's `data` into the answer type; `Err` says why it does not.
    pub decode_response: fn(Value) -> Result<(), String>,
    /// Every wire path the answer type reads (`[].orderId`, ...).
    pub response_paths: fn() -> Vec<String>,
    /// Decodes an answer's `data` into the answer type and writes it back as JSON (wire names),
    /// as a typed answer serialises.
    pub reencode_response: fn(Value) -> Result<Value, String>,
    /// Reads a request from JSON and sends it through the client as the typed request would be
    /// (validation, limiter, retries, recovery), answering the typed answer as JSON. A request
    /// that does not read is a validation error naming why.
    pub send: for<'c> fn(&'c Client, Value) -> SendJson<'c>,
    /// Reads a request from JSON and prepares it as it would be sent, sending nothing
    /// ([`Client::dry_run`]).
    pub dry_run: fn(&Client, Value) -> Result<DryRun, Error>,
}

/// The answer of [`JsonForms::send`]: the typed answer written as JSON.
pub type SendJson<'c> = Pin<Box<dyn Future<Output = Result<Value, Error>> + Send + 'c>>;

impl JsonForms {
    /// The forms of endpoint `E`.
    pub const fn of<E>() -> JsonForms
    where
        E: Endpoint + DeserializeOwned + Send + Sync + 'static,
        E::Response: WireShape + Serialize,
    {
        JsonForms {
            read_request: read_request::<E>,
            validate: validate::<E>,
            decode_response: decode_response::<E>,
            response_paths: response_paths::<E>,
            reencode_response: reencode_response::<E>,
            send: send::<E>,
            dry_run: dry_run::<E>,
        }
    }
}

fn read<E: DeserializeOwned>(v: Value) -> Result<E, String> {
    serde_json::from_value(v).map_err(|e| e.to_string())
}

fn read_request<E: Endpoint + DeserializeOwned>(v: Value) -> Result<Value, String> {
    let request: E = read(v)?;
    serde_json::to_value(&request).map_err(|e| e.to_string())
}

fn validate<E: Endpoint + DeserializeOwned>(
    v: Value,
) -> Result<Result<(), ValidationError>, String> {
    Ok(read::<E>(v)?.validate())
}

fn decode_response<E: Endpoint>(v: Value) -> Result<(), String> {
    serde_json::from_value::<E::Response>(v)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

fn response_paths<E: Endpoint>() -> Vec<String>
where
    E::Response: WireShape,
{
    let mut out = Vec::new();
    E::Response::wire_paths("", &mut out);
    out
}

fn reencode_response<E: Endpoint>(v: Value) -> Result<Value, String>
where
    E::Response: Serialize,
{
    let answer: E::Response = serde_json::from_value(v).map_err(|e| e.to_string())?;
    serde_json::to_value(&answer).map_err(|e| e.to_string())
}

/// A request read from JSON, or a validation error at the request's path saying why not.
fn request_of<E: Endpoint + DeserializeOwned>(v: Value) -> Result<E, Error> {
    read::<E>(v).map_err(|why| {
        let mut out = bitget_core::validate::Violations::default();
        out.push(
            &bitget_core::validate::Path::ROOT,
            bitget_core::RuleKind::Custom,
            format!("does not read as {}: {why}", std::any::type_name::<E>()),
        );
        match out.finish(E::PATH) {
            Err(e) => Error::from(e),
            Ok(()) => Error::config(why),
        }
    })
}

fn send<E>(client: &Client, v: Value) -> SendJson<'_>
where
    E: Endpoint + DeserializeOwned + Send + Sync + 'static,
    E::Response: Serialize,
{
    Box::pin(async move {
        let request: E = request_of(v)?;
        let answer = client.send(&request).await?;
        serde_json::to_value(&answer)
            .map_err(|e| Error::config(format!("the answer does not write as JSON: {e}")))
    })
}

fn dry_run<E: Endpoint + DeserializeOwned>(client: &Client, v: Value) -> Result<DryRun, Error> {
    client.dry_run(&request_of::<E>(v)?)
}
