//! Configuring a [`Client`]: the builder, and the environment.

use super::*;

/// Configures a [`Client`].
#[must_use]
pub struct ClientBuilder {
    base_url: String,
    ws_base_url: Option<String>,
    credentials: Option<Credentials>,
    demo: bool,
    timeout: Duration,
    connect_timeout: Duration,
    clock: Option<Arc<dyn Clock>>,
    limits: Option<Arc<RateLimits>>,
    retry: RetryPolicy,
    rate_key: Option<String>,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: DEFAULT_BASE_URL.to_owned(),
            ws_base_url: None,
            credentials: None,
            demo: false,
            timeout: Duration::from_secs(10),
            connect_timeout: Duration::from_secs(5),
            clock: None,
            limits: None,
            retry: RetryPolicy::default(),
            rate_key: None,
        }
    }
}

impl ClientBuilder {
    /// The base URL (default `https://api.bitget.com`); a simulator's URL in tests.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The streams' base URL (default: `wss://ws.bitget.com`, `wss://wspap.bitget.com` in demo
    /// mode; for another REST base URL, the same host with `ws://`/`wss://`, as the simulator
    /// serves both on one port). Paths such as `/v2/ws/public` are added to it.
    pub fn ws_base_url(mut self, url: impl Into<String>) -> Self {
        self.ws_base_url = Some(url.into());
        self
    }

    /// The credentials for signed endpoints. Public endpoints work without.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// Demo trading: sends `paptrading: 1` on signed requests (needs a demo API key).
    pub fn demo(mut self, demo: bool) -> Self {
        self.demo = demo;
        self
    }

    /// The time allowed for a whole request, answer included (default 10 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The time allowed to connect (default 5 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The source of request timestamps (default: the system clock).
    pub fn clock(mut self, clock: Arc<dyn Clock>) -> Self {
        self.clock = Some(clock);
        self
    }

    /// The rate limiters (default: a new set at every endpoint's declared rate). Give several
    /// clients of one account the same `Arc` so they share one budget; override a rate with
    /// [`RateLimits::set_rate`]; [`RateLimits::unlimited`] turns limiting off.
    pub fn rate_limits(mut self, limits: Arc<RateLimits>) -> Self {
        self.limits = Some(limits);
        self
    }

    /// The label the per-account limiters are keyed by (default: the API key). Give clients with
    /// different keys of one UID the same label.
    pub fn rate_key(mut self, key: impl Into<String>) -> Self {
        self.rate_key = Some(key.into());
        self
    }

    /// How failed requests are retried (default: [`RetryPolicy::default`]).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Builds the client and its connection pool.
    pub fn build(self) -> Result<Client, Error> {
        let base_url = self.base_url.trim_end_matches('/').to_owned();
        if !(base_url.starts_with("https://") || base_url.starts_with("http://")) {
            return Err(Error::config(format!(
                "base URL `{base_url}` must start with https:// (or http:// for a local simulator)"
            )));
        }
        // `Content-Type` and `locale` go on each request with the rest (see `headers`), rather
        // than as reqwest default headers merged into every request.
        let http = reqwest::Client::builder()
            .timeout(self.timeout)
            .connect_timeout(self.connect_timeout)
            .tcp_nodelay(true)
            .build()
            .map_err(|e| Error::config(format!("the HTTP client could not be built: {e}")))?;
        let rate_key = self
            .rate_key
            .or_else(|| self.credentials.as_ref().map(|c| c.api_key().to_owned()))
            .unwrap_or_default();
        let ws_base_url = match self.ws_base_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None if base_url == DEFAULT_BASE_URL && self.demo => DEMO_WS_BASE_URL.to_owned(),
            None if base_url == DEFAULT_BASE_URL => DEFAULT_WS_BASE_URL.to_owned(),
            None => match base_url.split_once("://") {
                Some(("https", host)) => format!("wss://{host}"),
                Some((_, host)) => format!("ws://{host}"),
                None => base_url.clone(),
            },
        };
        if !(ws_base_url.starts_with("wss://") || ws_base_url.starts_with("ws://")) {
            return Err(Error::config(format!(
                "stream base URL `{ws_base_url}` must start with wss:// (or ws:// for a local simulator)"
            )));
        }
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                ws_base_url,
                auth: self.credentials.map(Auth::new).transpose()?,
                demo: self.demo,
                clock: self
                    .clock
                    .unwrap_or_else(|| Arc::new(SystemClock::default())),
                limits: self.limits.unwrap_or_default(),
                retry: self.retry,
                rate_key,
            }),
        })
    }
}

impl Client {
    /// A builder with the defaults: production URL, no credentials, live trading, 10 s timeout.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment: `BITGET_API_KEY`, `BITGET_SECRET_KEY`,
    /// `BITGET_PASSPHRASE` (all three, or none for public endpoints only), and optionally
    /// `BITGET_BASE_URL` and `BITGET_DEMO` (`1` or `true`).
    pub fn from_env() -> Result<Client, Error> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`Client::from_env`] with the variables read through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Client, Error> {
        let mut builder = Client::builder();
        let key = lookup("BITGET_API_KEY").filter(|v| !v.is_empty());
        let secret = lookup("BITGET_SECRET_KEY").filter(|v| !v.is_empty());
        let passphrase = lookup("BITGET_PASSPHRASE").filter(|v| !v.is_empty());
        match (key, secret, passphrase) {
            (Some(key), Some(secret), Some(passphrase)) => {
                builder = builder.credentials(Credentials::new(key, secret, passphrase));
            }
            (None, None, None) => {}
            (key, secret, passphrase) => {
                let missing: Vec<&str> = [
                    ("BITGET_API_KEY", key.is_none()),
                    ("BITGET_SECRET_KEY", secret.is_none()),
                    ("BITGET_PASSPHRASE", passphrase.is_none()),
                ]
                .into_iter()
                .filter_map(|(name, missing)| missing.then_some(name))
                .collect();
                return Err(Error::config(format!(
                    "{} not set: set all three credentials, or none for public endpoints only",
                    missing.join(", ")
                )));
            }
        }
        if let Some(url) = lookup("BITGET_BASE_URL").filter(|v| !v.is_empty()) {
            builder = builder.base_url(url);
        }
        if let Some(demo) = lookup("BITGET_DEMO") {
            builder = builder.demo(match demo.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" => true,
                "" | "0" | "false" | "no" => false,
                other => return Err(Error::config(format!("BITGET_DEMO=`{other}`: use 1 or 0"))),
            });
        }
        builder.build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn a_passphrase_no_header_can_carry_is_refused_at_build_without_showing_it() {
        let built = Client::builder()
            .credentials(Credentials::new(
                "bg_key_0123456789",
                "topsecret",
                "pass\nphrase-42",
            ))
            .build();
        let err = built
            .err()
            .unwrap_or_else(|| panic!("a newline in the passphrase must be refused"));
        let shown = format!("{err} {err:?}");
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(shown.contains("passphrase"), "{shown}");
        assert!(!shown.contains("phrase-42"), "{shown}");

        let err = Client::builder()
            .credentials(Credentials::new("bg_key_01\r\n23456789", "s", "p"))
            .build()
            .err()
            .unwrap_or_else(|| panic!("a newline in the key must be refused"));
        assert!(err.to_string().contains("API key `bg_k…6789`"), "{err}");
    }

    #[test]
    fn from_env_reads_everything() {
        let client = Client::from_lookup(env(&[
            ("BITGET_API_KEY", "bg_key_0123456789"),
            ("BITGET_SECRET_KEY", "topsecret"),
            ("BITGET_PASSPHRASE", "pass-phrase"),
            ("BITGET_BASE_URL", "http://127.0.0.1:9/"),
            ("BITGET_DEMO", "1"),
        ]))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(client.base_url(), "http://127.0.0.1:9");
        assert!(client.is_demo());
        let shown = format!("{client:?}");
        assert!(
            !shown.contains("topsecret") && !shown.contains("pass-phrase"),
            "{shown}"
        );
    }

    #[test]
    fn from_env_without_credentials_is_public_only() {
        let client = Client::from_lookup(env(&[])).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(client.base_url(), DEFAULT_BASE_URL);
        assert!(!client.is_demo());
    }

    #[test]
    fn from_env_names_the_missing_variable() {
        let err = Client::from_lookup(env(&[("BITGET_API_KEY", "k"), ("BITGET_SECRET_KEY", "s")]))
            .err()
            .unwrap_or_else(|| panic!("expected an error"));
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.to_string().contains("BITGET_PASSPHRASE"), "{err}");
        assert!(!err.to_string().contains("BITGET_SECRET_KEY"), "{err}");
    }

    #[test]
    fn bad_base_url_is_a_config_error() {
        let err = Client::builder()
            .base_url("api.bitget.com")
            .build()
            .err()
            .unwrap_or_else(|| panic!("error"));
        assert_eq!(err.kind(), ErrorKind::Config);
    }
}
