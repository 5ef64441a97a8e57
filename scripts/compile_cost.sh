#!/usr/bin/env bash
# What declared endpoints cost to compile, and what the whole library costs against a bare crate.
#
# Default: `cargo check` of a crate with N generated endpoints, for N = 10 and 200, after the
# dependencies are built, so only the declarations are timed. The endpoints are shaped like the
# trading surface: a place-order POST (enum conditions, decimals, bounds, one-of, together) and a
# paged history GET (window, bounds, page(...)), alternately. Prints one JSON line.
#
# MODE=build times a debug build (with code generation) of the same crates instead of a check.
# MODE=clean times, in the same run, clean debug builds of `bitget-endpoints` (default features;
# REST only: spot, mix, uta without streams; one family alone: uta with streams, and uta alone) and of a bare
# crate with what any hand-written client needs (reqwest with rustls, tokio, serde, serde_json, hmac, sha2, base64; and the same
# with tokio-tungstenite, the fair baseline for the default build, which streams), each in a
# fresh target directory. Prints one JSON line.
#
# The clean builds are not incremental (CARGO_INCREMENTAL=0), as cargo builds any registry or git
# dependency: that is what a program depending on this library pays, and how the bare crate's
# dependencies are built too. Inside this workspace the bitget crates are members, which cargo
# builds incrementally, writing the incremental cache as it goes; INCREMENTAL=1 measures that.
#
# Usage: scripts/compile_cost.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-3}
mode=${MODE:-check}
work=$root/target/compile-cost
mkdir -p "$work"

now() { date +%s.%N; }

if [ "$mode" = clean ]; then
    # Two bare crates: REST only, and REST with the WebSocket stack (tokio-tungstenite on
    # rustls), since the default build streams and the REST-only one does not.
    bare_crate() {
        local dir=$1 extra=$2
        mkdir -p "$dir/src"
        cat > "$dir/Cargo.toml" <<TOML
[package]
name = "compile-cost-bare"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
reqwest = { version = "0.12", default-features = false, features = ["rustls-tls"] }
tokio = { version = "1", default-features = false, features = ["rt", "time"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
hmac = "0.12"
sha2 = "0.10"
base64 = "0.22"
$extra
TOML
        echo 'pub fn touch() {}' > "$dir/src/lib.rs"
        cp "$root/Cargo.lock" "$dir/Cargo.lock" 2>/dev/null || true
    }
    bare_crate "$work/bare" ""
    bare_crate "$work/bare-ws" 'tokio-tungstenite = { version = "0.29", default-features = false, features = ["connect", "rustls-tls-webpki-roots"] }'
    rm -rf "$work/target-bare" "$work/target-bare-ws" "$work/target-lib" "$work/target-rest" "$work/target-one" \
        "$work/target-one-rest"
    incremental=${INCREMENTAL:-0}
    export CARGO_INCREMENTAL=$incremental
    timed() {
        local start
        start=$(now)
        "$@"
        echo "$(now) - $start" | bc
    }
    t_bare=$(cd "$work/bare" && CARGO_TARGET_DIR=$work/target-bare timed cargo build -q)
    t_bare_ws=$(cd "$work/bare-ws" && CARGO_TARGET_DIR=$work/target-bare-ws timed cargo build -q)
    t_lib=$(CARGO_TARGET_DIR=$work/target-lib timed cargo build -q -p bitget-endpoints)
    t_rest=$(CARGO_TARGET_DIR=$work/target-rest timed cargo build -q -p bitget-endpoints \
        --no-default-features --features spot,mix,uta)
    t_one=$(CARGO_TARGET_DIR=$work/target-one timed cargo build -q -p bitget-endpoints \
        --no-default-features --features uta,streams)
    t_one_rest=$(CARGO_TARGET_DIR=$work/target-one-rest timed cargo build -q -p bitget-endpoints \
        --no-default-features --features uta)
    ratio() { echo "scale=4; $1 / $2" | bc; }
    printf '{"mode":"clean","incremental":%s,"s_bitget_endpoints":%.1f,"s_bare_crate":%.1f,"ratio":%.2f,"s_bare_with_websocket":%.1f,"ratio_to_bare_with_websocket":%.2f,"s_rest_only":%.1f,"rest_only_ratio":%.2f,"s_uta_alone":%.1f,"uta_alone_ratio_to_bare_with_websocket":%.2f,"s_uta_rest_only":%.1f,"uta_rest_only_ratio":%.2f}\n' \
        "$([ "$incremental" = 1 ] && echo true || echo false)" "$t_lib" "$t_bare" "$(ratio "$t_lib" "$t_bare")" "$t_bare_ws" "$(ratio "$t_lib" "$t_bare_ws")" \
        "$t_rest" "$(ratio "$t_rest" "$t_bare")" "$t_one" "$(ratio "$t_one" "$t_bare_ws")" \
        "$t_one_rest" "$(ratio "$t_one_rest" "$t_bare")"
    exit 0
fi

export CARGO_TARGET_DIR=$work/target

make_crate() {
    local n=$1 dir=$work/n$1
    mkdir -p "$dir/src"
    cat > "$dir/Cargo.toml" <<TOML
[package]
name = "compile-cost-n$n"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
bitget-core = { path = "$root/bitget-core" }
bitget-macros = { path = "$root/bitget-macros" }
TOML
    {
        echo '#![allow(missing_docs, dead_code)]'
        echo 'use bitget_core::Decimal;'
        echo 'use bitget_macros::{bitget_endpoint, bitget_response};'
        echo 'bitget_core::wire_enum! { pub enum ProductType { UsdtFutures = "USDT-FUTURES", CoinFutures = "COIN-FUTURES" } }'
        echo 'bitget_core::wire_enum! { pub enum Side { Buy = "buy", Sell = "sell" } }'
        echo 'bitget_core::wire_enum! { pub enum OrderType { Limit = "limit", Market = "market" } }'
        echo '#[bitget_response] pub struct Placed { pub order_id: Option<String>, pub client_oid: Option<String> }'
        echo '#[bitget_response] pub struct Row { pub order_id: String, pub price: Option<Decimal>, pub side: Side }'
        echo '#[bitget_response] pub struct Rows { #[bitget(items)] pub entrusted_list: Vec<Row>, #[bitget(cursor)] pub end_id: Option<String> }'
        for i in $(seq 1 $((n / 2))); do
            cat <<RS
#[bitget_endpoint(POST, "/api/v2/mix/order/place-$i", rate = 10, response = Placed, retry_safe_with(client_oid))]
#[bitget(at_least_one_of(size, quote_size), together(take_profit, stop_loss))]
pub struct Place$i {
    #[bitget(required, uppercase)]
    pub symbol: String,
    #[bitget(required)]
    pub product_type: ProductType,
    #[bitget(required)]
    pub side: Side,
    #[bitget(required)]
    pub order_type: OrderType,
    #[bitget(required_if(order_type = OrderType::Limit), absent_if(order_type = OrderType::Market))]
    pub price: Option<Decimal>,
    pub size: Option<Decimal>,
    pub quote_size: Option<Decimal>,
    #[bitget(min = 1, max = 125)]
    pub leverage: Option<u32>,
    #[bitget(max_len = 50)]
    pub client_oid: Option<String>,
    pub take_profit: Option<Decimal>,
    pub stop_loss: Option<Decimal>,
}
#[bitget_endpoint(GET, "/api/v2/mix/order/history-$i", rate = 10, response = Rows, page(cursor = id_less_than, size = limit, max = 100))]
#[bitget(window(start_time, end_time, max_days = 90))]
pub struct History$i {
    #[bitget(required)]
    pub product_type: ProductType,
    pub symbol: Option<String>,
    pub id_less_than: Option<String>,
    #[bitget(min = 1, max = 100)]
    pub limit: Option<u32>,
    pub start_time: Option<u64>,
    pub end_time: Option<u64>,
}
RS
        done
    } > "$dir/src/lib.rs"
}

time_check() {
    local dir=$work/n$1 best=""
    (cd "$dir" && cargo $mode -q 2>/dev/null) # dependencies, once
    for _ in $(seq 1 "$runs"); do
        touch "$dir/src/lib.rs"
        local start t
        start=$(now)
        (cd "$dir" && cargo $mode -q)
        t=$(echo "$(now) - $start" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

make_crate 10
make_crate 200
t10=$(time_check 10)
t200=$(time_check 200)
per=$(echo "scale=4; ($t200 - $t10) / 190" | bc)
printf '{"mode":"%s","runs":%s,"s_10":%.2f,"s_200":%.2f,"per_endpoint_ms":%.1f}\n' \
    "$mode" "$runs" "$t10" "$t200" "$(echo "$per * 1000" | bc)"
