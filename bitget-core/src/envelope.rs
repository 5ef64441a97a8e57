//! Decoding Bitget's response envelope: `{"code","msg","requestTime","data"}`.
//!
//! The decision is made on `code`, whatever the HTTP status: errors come with HTTP 400, 429 and
//! sometimes 200. The HTTP status is used only when the body is not a JSON envelope.

use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::value::RawValue;

use crate::error::{ApiCode, ApiError, DecodeError, Error};

/// The success code.
pub const SUCCESS: &str = "00000";

#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(default)]
    code: Option<Scalar>,
    #[serde(default)]
    msg: Option<String>,
    // Some of Bitget's examples say `message` instead of `msg`.
    #[serde(default)]
    message: Option<String>,
    #[serde(default, rename = "requestTime")]
    request_time: Option<Scalar>,
    #[serde(default, borrow)]
    data: Option<&'a RawValue>,
}

/// The envelope with `data` decoded in the same pass; other fields are skipped.
#[derive(Deserialize)]
struct Typed<T> {
    #[serde(default)]
    code: Option<Scalar>,
    #[serde(default = "none")]
    data: Option<T>,
}

fn none<T>() -> Option<T> {
    None
}

/// A JSON string or number, as `code` and `requestTime` arrive either way.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    Str(String),
    Int(i64),
}

impl Scalar {
    fn into_string(self) -> String {
        match self {
            Scalar::Str(s) => s,
            Scalar::Int(i) => i.to_string(),
        }
    }

    fn as_i64(&self) -> Option<i64> {
        match self {
            Scalar::Str(s) => s.trim().parse().ok(),
            Scalar::Int(i) => Some(*i),
        }
    }
}

/// Decodes an answer: `data` into `T` on `code == "00000"`, otherwise the matching [`Error`].
///
/// `endpoint` (such as `POST /api/v2/...`) only labels transport errors.
pub fn decode<T: DeserializeOwned>(
    endpoint: &'static str,
    status: u16,
    body: &[u8],
) -> Result<T, Error> {
    // The common case in one pass: a success whose `data` decodes. Anything else (an error code,
    // a body that is not an envelope, data that does not match) takes the careful path below.
    // Validating UTF-8 once up front and parsing a `str` is ~20% faster than `from_slice`, which
    // re-checks every string (measured on a 50-item batch answer).
    if let Ok(text) = std::str::from_utf8(body) {
        if let Ok(Typed {
            code: Some(Scalar::Str(code)),
            data: Some(data),
        }) = serde_json::from_str::<Typed<T>>(text)
        {
            if code == SUCCESS {
                return Ok(data);
            }
        }
    }
    let envelope = match serde_json::from_slice::<Envelope<'_>>(body) {
        Ok(env) if env.code.is_some() => env,
        // Not a Bitget envelope: a proxy's HTML page, an empty 502, a bare 429.
        _ => return Err(not_an_envelope(endpoint, status, body)),
    };
    let code = envelope.code.map(Scalar::into_string).unwrap_or_default();
    if code != SUCCESS {
        return Err(Error::api(ApiError {
            code: ApiCode::from_code(&code),
            message: envelope.msg.or(envelope.message).unwrap_or_default(),
            http_status: status,
            request_time: envelope.request_time.as_ref().and_then(Scalar::as_i64),
        }));
    }
    let data = envelope.data.map_or("null", RawValue::get);
    // The fast path decodes without tracking paths; only a failure pays for a second pass that
    // names the JSON path of the bad field.
    serde_json::from_str(data)
        .or_else(|e| {
            // A list endpoint with nothing to list may answer `"data": null`: an empty list. Only
            // for a list type: one that reads `[]` but not `{}` (a struct whose fields all have
            // defaults reads both, and a null answer stays an error for it).
            let list = || serde_json::from_str::<T>("{}").is_err();
            if data.trim() == "null" && list() {
                serde_json::from_str("[]")
            } else {
                Err(e)
            }
        })
        .map_err(|_| decode_error::<T>(data, body))
}

/// Re-decodes `data` tracking the path, to say where it failed.
#[cold]
fn decode_error<T: DeserializeOwned>(data: &str, body: &[u8]) -> Error {
    let mut de = serde_json::Deserializer::from_str(data);
    let (path, message) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Ok(_) => ("data".to_owned(), "the answer did not decode".to_owned()),
        Err(e) => {
            let inner = e.path().to_string();
            let path = if inner == "." {
                "data".to_owned()
            } else {
                format!("data.{inner}")
            };
            (path, e.into_inner().to_string())
        }
    };
    Error::decode(DecodeError {
        path,
        message,
        body: String::from_utf8_lossy(body).into_owned(),
    })
}

fn not_an_envelope(endpoint: &'static str, status: u16, body: &[u8]) -> Error {
    if status == 429 {
        return Error::rate_limited();
    }
    const SHOWN: usize = 200;
    let text = String::from_utf8_lossy(body);
    let mut shown: String = text.chars().take(SHOWN).collect();
    if text.chars().count() > SHOWN {
        shown.push('…');
    }
    let what = if body.is_empty() {
        "empty".to_owned()
    } else {
        format!("{shown:?}")
    };
    Error::transport(endpoint, what, Some(status), false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Time {
        #[serde(rename = "serverTime")]
        server_time: String,
    }

    const EP: &str = "GET /api/v2/public/time";

    #[test]
    fn success() {
        let body = br#"{"code":"00000","msg":"success","requestTime":1695808949356,"data":{"serverTime":"1695808949356"}}"#;
        let t: Time = decode(EP, 200, body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.server_time, "1695808949356");
    }

    #[test]
    fn error_with_null_data_and_http_400() {
        let body = br#"{"code":"40009","msg":"sign signature error","requestTime":1695808949356,"data":null}"#;
        let err = decode::<Time>(EP, 400, body)
            .err()
            .unwrap_or_else(|| panic!("expected an error"));
        assert_eq!(err.kind(), ErrorKind::Api);
        let api = err.api_error().unwrap_or_else(|| panic!("api error"));
        assert_eq!(api.code, ApiCode::SignatureMismatch);
        assert_eq!(api.message, "sign signature error");
        assert_eq!(api.http_status, 400);
        assert_eq!(api.request_time, Some(1695808949356));
    }

    #[test]
    fn error_code_wins_over_http_200() {
        let body = br#"{"code":"40015","msg":"","requestTime":"1695808949356","data":null}"#;
        let err = decode::<Time>(EP, 200, body)
            .err()
            .unwrap_or_else(|| panic!("expected an error"));
        assert_eq!(err.api_code(), Some(&ApiCode::SystemError));
        assert!(err.is_retryable());
    }

    #[test]
    fn string_request_time_and_message_alias() {
        let body = br#"{"code":"43001","message":"order does not exist","requestTime":"1627293504612","data":null}"#;
        let err = decode::<Time>(EP, 400, body)
            .err()
            .unwrap_or_else(|| panic!("expected an error"));
        let api = err.api_error().unwrap_or_else(|| panic!("api error"));
        assert_eq!(api.message, "order does not exist");
        assert_eq!(api.request_time, Some(1627293504612));
        assert_eq!(api.code, ApiCode::SpotOrderNotFound);
    }

    #[test]
    fn success_with_null_data_into_unit_and_option() {
        let body = br#"{"code":"00000","msg":"success","requestTime":1,"data":null}"#;
        decode::<()>(EP, 200, body).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(decode::<Option<Time>>(EP, 200, body).ok(), Some(None));
    }

    #[test]
    fn non_json_502_falls_back_to_http_status() {
        let err = decode::<Time>(EP, 502, b"<html>Bad Gateway</html>")
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert_eq!(err.kind(), ErrorKind::Transport);
        assert_eq!(err.http_status(), Some(502));
        assert!(err.is_retryable());
        assert!(err.to_string().contains("Bad Gateway"), "{err}");
        let err = decode::<Time>(EP, 404, b"<html>Not Found</html>")
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert!(!err.is_retryable(), "a 4xx page is not worth repeating");
        let err = decode::<Time>(EP, 200, br#"{"code":"00000","data":{"serv"#)
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert!(
            err.is_retryable(),
            "a cut 2xx body leaves the outcome unknown"
        );
    }

    #[test]
    fn http_429_with_and_without_a_body() {
        let body =
            br#"{"code":"429","msg":"Too Many Requests","requestTime":1695808949356,"data":null}"#;
        let err = decode::<Time>(EP, 429, body)
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert!(err.is_rate_limited() && err.is_retryable());
        assert_eq!(err.api_code(), Some(&ApiCode::TooManyRequests));
        let err = decode::<Time>(EP, 429, b"")
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert!(err.is_rate_limited());
    }

    #[test]
    fn decode_error_names_the_path_and_keeps_the_body() {
        let body = br#"{"code":"00000","msg":"success","requestTime":1,"data":{"serverTime":12}}"#;
        let err = decode::<Time>(EP, 200, body)
            .err()
            .unwrap_or_else(|| panic!("error"));
        let d = err.decode_error().unwrap_or_else(|| panic!("decode error"));
        assert_eq!(d.path, "data.serverTime");
        assert_eq!(d.body.as_bytes(), body);
        #[derive(Debug, Deserialize)]
        struct Lists {
            #[serde(rename = "successList")]
            _success: Vec<Time>,
        }
        let body = br#"{"code":"00000","msg":"success","requestTime":1,"data":{"successList":[{"serverTime":"1"},{}]}}"#;
        let err = decode::<Lists>(EP, 200, body)
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert_eq!(
            err.decode_error().map(|d| d.path.as_str()),
            Some("data.successList[1]")
        );
    }

    #[test]
    fn an_error_code_with_data_that_decodes_is_still_an_error() {
        // The one-pass fast path must check the code too: some errors carry data.
        let body = br#"{"code":"40009","msg":"sign signature error","data":{"serverTime":"1"}}"#;
        let err = decode::<Time>(EP, 200, body)
            .err()
            .unwrap_or_else(|| panic!("an error code is an error whatever the data"));
        assert_eq!(err.api_code(), Some(&ApiCode::SignatureMismatch));
    }

    #[test]
    fn a_null_list_is_empty_but_a_bad_list_is_an_error() {
        let null = br#"{"code":"00000","msg":"success","data":null}"#;
        assert_eq!(decode::<Vec<Time>>(EP, 200, null).ok(), Some(Vec::new()));
        // A list whose item does not decode is never read as an empty list.
        let bad = br#"{"code":"00000","msg":"success","data":[{"serverTime":1}]}"#;
        let err = decode::<Vec<Time>>(EP, 200, bad)
            .err()
            .unwrap_or_else(|| panic!("a bad item is a decode error"));
        assert_eq!(err.kind(), ErrorKind::Decode);
        // A struct is not a list: null stays an error for it.
        assert!(decode::<Time>(EP, 200, null).is_err());
    }

    #[test]
    fn json_without_a_code_is_not_an_envelope_and_long_bodies_are_cut() {
        let err = decode::<Time>(EP, 503, br#"{"status":"down","data":{"serverTime":"1"}}"#)
            .err()
            .unwrap_or_else(|| panic!("JSON without a code is not a Bitget answer"));
        assert_eq!(err.kind(), ErrorKind::Transport, "{err}");
        assert_eq!(err.api_code(), None);
        // A 200-character body is shown whole; one more character and it is cut with `…`.
        let exact = "x".repeat(200);
        let shown = decode::<Time>(EP, 502, exact.as_bytes())
            .err()
            .map(|e| e.to_string());
        assert!(
            shown
                .as_deref()
                .is_some_and(|s| s.contains(&exact) && !s.contains('…'))
        );
        let long = "x".repeat(201);
        let shown = decode::<Time>(EP, 502, long.as_bytes())
            .err()
            .map(|e| e.to_string());
        assert!(
            shown
                .as_deref()
                .is_some_and(|s| s.contains('…') && !s.contains(&long))
        );
    }
}
