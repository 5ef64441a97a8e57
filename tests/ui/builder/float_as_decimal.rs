use bitget_endpoints::mix::order::PlaceOrder;

fn main() {
    // A float is not exact in binary: the setter refuses it and says how to convert.
    let _ = PlaceOrder::builder().size(0.5);
}
