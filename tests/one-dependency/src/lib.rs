//! A stand-in for a user's crate whose only dependency is `bitget-endpoints`: its tests name
//! every type the endpoints' public signatures mention, through that one crate.
