//! (Feature `dynamic`.) A declared endpoint's request and answer as JSON, through its
//! [`inventory`](crate::inventory) entry, without naming its type: what the doc-fixture tests
//! and the command line need to handle every endpoint alike.

use bitget_core::Endpoint;
use bitget_core::validate::ValidationError;
use bitget_core::wire::WireShape;
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
}

impl JsonForms {
    /// The forms of endpoint `E`.
    pub const fn of<E>() -> JsonForms
    where
        E: Endpoint + DeserializeOwned + 'static,
        E::Response: WireShape,
    {
        JsonForms {
            read_request: read_request::<E>,
            validate: validate::<E>,
            decode_response: decode_response::<E>,
            response_paths: response_paths::<E>,
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
