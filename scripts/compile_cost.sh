#!/usr/bin/env bash
# Measures what a declared endpoint costs to compile: `cargo check` of a crate with N generated
# endpoints (each a request like BatchCancelOrders with its own item type), for N = 5 and 100,
# after the dependencies are built, so only the declarations are timed. Prints one JSON line.
# Usage: scripts/compile_cost.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
runs=${1:-3}
# MODE=build times a debug build (with code generation) instead of a check.
mode=${MODE:-check}
work=$root/target/compile-cost
export CARGO_TARGET_DIR=$work/target
mkdir -p "$work"

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
        echo 'use bitget_macros::{bitget_endpoint, bitget_item, bitget_response};'
        echo '#[bitget_response] pub struct Answer { pub success_list: Vec<Done>, pub failure_list: Vec<Done> }'
        echo '#[bitget_response] pub struct Done { pub order_id: Option<String>, pub error_code: Option<String> }'
        for i in $(seq 1 "$n"); do
            cat <<RS
#[bitget_item]
#[bitget(at_least_one_of(order_id, client_oid))]
pub struct Item$i { pub order_id: Option<String>, #[bitget(max_len = 50)] pub client_oid: Option<String> }
#[bitget_endpoint(POST, "/api/v2/mix/order/endpoint-$i", rate = 10, response = Answer)]
pub struct Endpoint$i {
    #[bitget(required_or(cancel_all), non_empty, max_items = 50, requires(symbol))]
    pub order_id_list: Option<Vec<Item$i>>,
    pub symbol: Option<String>,
    #[bitget(required)]
    pub product_type: String,
    #[bitget(uppercase)]
    pub margin_coin: Option<String>,
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
        local start end
        start=$(date +%s.%N)
        (cd "$dir" && cargo $mode -q)
        end=$(date +%s.%N)
        local t
        t=$(echo "$end - $start" | bc)
        if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    done
    echo "$best"
}

make_crate 5
make_crate 100
t5=$(time_check 5)
t100=$(time_check 100)
per=$(echo "scale=4; ($t100 - $t5) / 95" | bc)
printf '{"mode":"%s","runs":%s,"s_5":%.2f,"s_100":%.2f,"per_endpoint_ms":%.1f,"ratio_100_to_5":%.2f}\n' \
    "$mode" "$runs" "$t5" "$t100" "$(echo "$per * 1000" | bc)" "$(echo "scale=4; $t100 / $t5" | bc)"
