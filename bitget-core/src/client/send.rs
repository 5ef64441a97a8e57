//! The attempt loop: validate, encode, wait for the limiter, sign, send, decode; retries by
//! the policy, the clock re-synced once on a timestamp error, ambiguity kept.

use super::*;

impl Client {
    /// Validates, encodes, waits for the rate limiter, signs, sends and decodes one request,
    /// retrying by the client's [`RetryPolicy`] (re-signed each time) and re-syncing the clock once
    /// on a timestamp error.
    ///
    /// An invalid request returns a validation error and never reaches the network. The body is
    /// serialised once; the bytes signed are the bytes sent.
    pub async fn send<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        self.send_reporting(request).await.result
    }

    /// [`Client::send`], also telling how many attempts it took and whether an earlier attempt may
    /// have been executed without an answer (so "order does not exist" may mean "already
    /// cancelled by us").
    pub async fn send_reporting<E: Endpoint>(&self, request: &E) -> Sent<E::Response> {
        if let Err(e) = request.validate() {
            return Sent::unsent(e.into());
        }
        let encoded = match encode(request) {
            Ok(encoded) => encoded,
            Err(e) => return Sent::unsent(e),
        };
        let route = Route::of::<E>();
        let sent = self
            .run(
                &route,
                &encoded,
                request.product_type(),
                request.retry_safe(),
            )
            .await;
        if !sent.ambiguous {
            return sent;
        }
        // An earlier attempt may have been executed: the last answer alone does not say what
        // happened (the repeat of a placed order is refused as a duplicate). The endpoint
        // settles it: a placement under a client id looks its order up.
        let Sent {
            result,
            attempts,
            ambiguous,
        } = sent;
        let result = request
            .settle(self, result)
            .await
            .map_err(|e| mark_ambiguous(e, true));
        Sent {
            result,
            attempts,
            ambiguous,
        }
    }

    /// Whether a request carries `paptrading: 1`: demo trading, signed, and not one of the
    /// legacy product types that are their own demo environment.
    pub(super) fn paptrading(&self, route: &Route, product_type: Option<&str>) -> bool {
        self.inner.demo
            && route.signed
            && !product_type.is_some_and(|p| {
                LEGACY_DEMO_PRODUCT_TYPES
                    .iter()
                    .any(|l| l.eq_ignore_ascii_case(p))
            })
    }

    /// The loop every request goes through, declared or raw: limiter, attempt, retries, clock
    /// re-sync.
    pub(super) async fn run<T: DeserializeOwned>(
        &self,
        route: &Route,
        encoded: &Encoded,
        product_type: Option<&str>,
        retry_safe: bool,
    ) -> Sent<T> {
        let paptrading = self.paptrading(route, product_type);
        let policy = &self.inner.retry;
        let started = Instant::now();
        let (mut attempts, mut ambiguous, mut resynced) = (0, false, false);
        loop {
            attempts += 1;
            self.inner
                .limits
                .wait(&self.inner.rate_key, route.path, route.rate)
                .await;
            let err = match self
                .attempt::<T>(route, encoded, paptrading, attempts)
                .await
            {
                Ok(response) => {
                    return Sent {
                        result: Ok(response),
                        attempts,
                        ambiguous,
                    };
                }
                Err(err) => err,
            };
            ambiguous |= err.is_ambiguous();
            // A timestamp refusal proves the request was not executed: re-sync and re-sign, once.
            if err.is_clock_skew() && !resynced && route.signed {
                resynced = true;
                if self.sync_clock().await.is_ok() {
                    continue;
                }
            }
            let repeatable = retry_safe || !err.is_ambiguous();
            let delay = policy
                .delay(attempts)
                .max(err.retry_after().unwrap_or_default());
            let in_time = started.elapsed().saturating_add(delay) <= policy.max_elapsed;
            if !(err.is_retryable() && repeatable && attempts < policy.max_attempts && in_time) {
                return Sent {
                    result: Err(mark_ambiguous(err, ambiguous)),
                    attempts,
                    ambiguous,
                };
            }
            tracing::debug!(endpoint = route.path, attempt = attempts, error = %err, ?delay, "retrying");
            tokio::time::sleep(delay).await;
        }
    }

    /// One attempt: timestamp, sign, send, decode, in a tracing span.
    pub(super) async fn attempt<T: DeserializeOwned>(
        &self,
        route: &Route,
        encoded: &Encoded,
        paptrading: bool,
        attempt: u32,
    ) -> Result<T, Error> {
        let span = tracing::debug_span!(
            "bitget.request",
            endpoint = route.path,
            method = route.method.as_str(),
            attempt,
            status = tracing::field::Empty,
            code = tracing::field::Empty,
            elapsed_ms = tracing::field::Empty,
        );
        async {
            let started = Instant::now();
            let result = self.send_encoded(route, encoded, paptrading).await;
            let span = tracing::Span::current();
            span.record("elapsed_ms", started.elapsed().as_millis() as u64);
            match &result {
                Ok((status, _, _)) => {
                    span.record("status", *status);
                }
                Err(e) => {
                    if let Some(status) = e.http_status() {
                        span.record("status", status);
                    }
                }
            }
            let (status, body, retry_after) = result?;
            let decoded = envelope::decode::<T>(route.path, status, &body)
                .map_err(|e| e.with_retry_after(retry_after));
            match &decoded {
                Ok(_) => span.record("code", envelope::SUCCESS),
                Err(e) => span.record("code", e.api_code().map_or("-", |c| c.as_str())),
            };
            decoded
        }
        .instrument(span)
        .await
    }

    /// Corrects the client's clock from `GET /api/v2/public/time`, taking the middle of the round
    /// trip as the moment Bitget read its clock; returns the correction applied (ms).
    pub async fn sync_clock(&self) -> Result<i64, Error> {
        let clock = &self.inner.clock;
        let before = clock.now_ms();
        let time = self.send_once(&crate::public::GetServerTime).await?;
        let after = clock.now_ms();
        let delta = time.server_time - (before + (after - before) / 2);
        clock.correct(delta);
        Ok(delta)
    }

    /// One attempt through the limiter, no retry (for the clock sync itself).
    pub(super) async fn send_once<E: Endpoint>(&self, request: &E) -> Result<E::Response, Error> {
        let encoded = encode(request)?;
        let route = Route::of::<E>();
        self.inner
            .limits
            .wait(&self.inner.rate_key, route.path, route.rate)
            .await;
        self.attempt::<E::Response>(&route, &encoded, false, 1)
            .await
    }

    /// Signs (when the endpoint is signed) and sends already-encoded bytes; returns the status,
    /// the raw answer and, on a 429, the wait its `Retry-After` header asks for.
    pub(super) async fn send_encoded(
        &self,
        route: &Route,
        encoded: &Encoded,
        paptrading: bool,
    ) -> Result<(u16, bytes::Bytes, Option<Duration>), Error> {
        let mut url = String::with_capacity(
            self.inner.base_url.len() + route.path.len() + 1 + encoded.query.len(),
        );
        url.push_str(&self.inner.base_url);
        url.push_str(route.path);
        if !encoded.query.is_empty() {
            url.push('?');
            url.push_str(&encoded.query);
        }
        let method = match route.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
        };
        let request = self
            .inner
            .http
            .request(method, url)
            .headers(self.headers(route, encoded, paptrading)?);
        let request = if route.method == Method::Post {
            request.body(encoded.body.clone())
        } else {
            request
        };
        let response = request
            .send()
            .await
            .map_err(|e| transport_error(route.path, e))?;
        let status = response.status().as_u16();
        let retry_after = if status == 429 {
            retry_after_seconds(response.headers())
        } else {
            None
        };
        let body = response
            .bytes()
            .await
            .map_err(|e| transport_error(route.path, e))?;
        Ok((status, body, retry_after))
    }

    /// `GET /api/v2/public/time`: Bitget's clock, public.
    pub async fn server_time(&self) -> Result<crate::public::ServerTime, Error> {
        self.send(&crate::public::GetServerTime).await
    }
}

/// The future a builder's `send` returns: [`send_built`], boxed, so that its type does not carry
/// the builder's state parameters and a forgotten field is reported once, at the `send` call.
#[doc(hidden)]
pub type Sending<'c, R> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<R, Error>> + Send + 'c>>;

/// Sends a request a builder assembled (or the error assembling it found).
#[doc(hidden)]
pub async fn send_built<E: Endpoint + Sync>(
    client: &Client,
    request: Result<E, Error>,
) -> Result<E::Response, Error> {
    let request = request?;
    client.send(&request).await
}

/// An error after an attempt that may have been executed says so, whatever it is itself: the
/// ambiguity `send()` knows is never dropped from what it returns.
pub(super) fn mark_ambiguous(err: Error, after_ambiguous: bool) -> Error {
    if after_ambiguous && !err.is_ambiguous() {
        err.may_have_executed(None)
    } else {
        err
    }
}

/// The `productType` an encoded request carries: a key of its query, or of its JSON body's top
/// object (a body that is an array, a v3 batch, carries none).
pub(super) fn sent_product_type(encoded: &Encoded) -> Option<String> {
    #[derive(serde::Deserialize)]
    struct Sent {
        #[serde(rename = "productType")]
        product_type: Option<String>,
    }
    if encoded.body.is_empty() {
        encoded
            .query
            .split('&')
            .find_map(|pair| pair.strip_prefix("productType="))
            .map(str::to_owned)
    } else {
        serde_json::from_slice::<Sent>(&encoded.body)
            .ok()?
            .product_type
    }
}

/// `Retry-After` in seconds (the HTTP-date form is not worth a date parser here: a bad or absent
/// value leaves the backoff to the retry policy).
pub(super) fn retry_after_seconds(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    // Capped at a day: a larger value is a broken header, not a plan.
    value
        .trim()
        .parse::<u64>()
        .ok()
        .map(|secs| Duration::from_secs(secs.min(86_400)))
}

pub(super) fn transport_error(endpoint: &'static str, e: reqwest::Error) -> Error {
    if e.is_timeout() {
        Error::timeout(endpoint)
    } else {
        // Only a refused connection proves the request never left.
        let connect = e.is_connect();
        // reqwest's error text holds the URL, never headers, so no secret travels with it.
        Error::transport(endpoint, e, None, connect)
    }
}
