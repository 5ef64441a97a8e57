/// One order.
#[derive(::core::fmt::Debug, ::core::clone::Clone, ::core::cmp::PartialEq)]
pub struct OrderRow {
    /// Order ID.
    pub order_id: String,
    /// Price.
    pub price: Option<Decimal>,
    /// Size.
    pub size: Decimal,
    /// Reduce only, sent as text.
    pub reduce_only: Option<bool>,
    /// Fills.
    pub fills: Vec<Fill>,
    /// Created, Unix ms.
    pub created_time: i64,
    /// Fee detail, JSON in a string.
    pub fee_detail: Option<FeeDetail>,
}
impl<'de> ::bitget_core::__private::serde::Deserialize<'de> for OrderRow {
    fn deserialize<__D: ::bitget_core::__private::serde::Deserializer<'de>>(
        __d: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        struct __V;
        impl<'de> ::bitget_core::__private::serde::de::Visitor<'de> for __V {
            type Value = OrderRow;
            fn expecting(
                &self,
                __f: &mut ::core::fmt::Formatter<'_>,
            ) -> ::core::fmt::Result {
                __f.write_str("struct OrderRow")
            }
            fn visit_map<__A: ::bitget_core::__private::serde::de::MapAccess<'de>>(
                self,
                mut __m: __A,
            ) -> ::core::result::Result<OrderRow, __A::Error> {
                let mut __f0: ::core::option::Option<String> = ::core::option::Option::None;
                let mut __f1: ::core::option::Option<Option<Decimal>> = ::core::option::Option::None;
                let mut __f2: ::core::option::Option<Decimal> = ::core::option::Option::None;
                let mut __f3: ::core::option::Option<Option<bool>> = ::core::option::Option::None;
                let mut __f4: ::core::option::Option<Vec<Fill>> = ::core::option::Option::None;
                let mut __f5: ::core::option::Option<i64> = ::core::option::Option::None;
                let mut __f6: ::core::option::Option<Option<FeeDetail>> = ::core::option::Option::None;
                while let ::core::option::Option::Some(__k) = __m
                    .next_key::<::bitget_core::__private::wire::read::Key<'de>>()?
                {
                    match __k.as_str() {
                        "orderId" => {
                            ::bitget_core::__private::wire::read::set(
                                &mut __f0,
                                __m
                                    .next_value_seed(
                                        ::bitget_core::__private::wire::read::Field::<
                                            String,
                                            ::bitget_core::__private::wire::read::Plain,
                                        >::new(),
                                    )?,
                                "orderId",
                            )?
                        }
                        "price" => {
                            ::bitget_core::__private::wire::read::set(
                                &mut __f1,
                                __m
                                    .next_value_seed(
                                        ::bitget_core::__private::wire::read::Field::<
                                            Option<Decimal>,
                                            ::bitget_core::__private::wire::read::OptNumber,
                                        >::new(),
                                    )?,
                                "price",
                            )?
                        }
                        "size" => {
                            ::bitget_core::__private::wire::read::set(
                                &mut __f2,
                                __m
                                    .next_value_seed(
                                        ::bitget_core::__private::wire::read::Field::<
                                            Decimal,
                                            ::bitget_core::__private::wire::read::Number,
                                        >::new(),
                                    )?,
                                "size",
                            )?
                        }
                        "reduceOnly" => {
                            ::bitget_core::__private::wire::read::set(
                                &mut __f3,
                                __m
                                    .next_value_seed(
                                        ::bitget_core::__private::wire::read::Field::<
                                            Option<bool>,
                                            ::bitget_core::__private::wire::read::OptFlag,
                                        >::new(),
                                    )?,
                                "reduceOnly",
                            )?
                        }
                        "fills" => {
                            ::bitget_core::__private::wire::read::set(
                                &mut __f4,
                                __m
                                    .next_value_seed(
                                        ::bitget_core::__private::wire::read::Field::<
                                            Vec<Fill>,
                                            ::bitget_core::__private::wire::read::List,
                                        >::new(),
                                    )?,
                                "fills",
                            )?
                        }
                        "createdTime" | "cTime" => {
                            ::bitget_core::__private::wire::read::set(
                                &mut __f5,
                                __m
                                    .next_value_seed(
                                        ::bitget_core::__private::wire::read::Field::<
                                            i64,
                                            ::bitget_core::__private::wire::read::Timestamp,
                                        >::new(),
                                    )?,
                                "createdTime",
                            )?
                        }
                        "feeDetail" => {
                            ::bitget_core::__private::wire::read::set(
                                &mut __f6,
                                __m
                                    .next_value_seed(
                                        ::bitget_core::__private::wire::read::Field::<
                                            Option<FeeDetail>,
                                            ::bitget_core::__private::wire::read::OptJsonString,
                                        >::new(),
                                    )?,
                                "feeDetail",
                            )?
                        }
                        _ => {
                            __m.next_value::<
                                    ::bitget_core::__private::serde::de::IgnoredAny,
                                >()?;
                        }
                    }
                }
                ::core::result::Result::Ok(OrderRow {
                    order_id: ::bitget_core::__private::wire::read::required(
                        __f0,
                        "orderId",
                    )?,
                    price: __f1.unwrap_or_default(),
                    size: ::bitget_core::__private::wire::read::required(__f2, "size")?,
                    reduce_only: __f3.unwrap_or_default(),
                    fills: __f4.unwrap_or_default(),
                    created_time: ::bitget_core::__private::wire::read::required(
                        __f5,
                        "createdTime",
                    )?,
                    fee_detail: __f6.unwrap_or_default(),
                })
            }
        }
        __d.deserialize_map(__V)
    }
}
::bitget_core::__private::serialize_only! {
    impl ::bitget_core::__private::serde::Serialize for OrderRow { fn serialize < __S :
    ::bitget_core::__private::serde::Serializer > (& self, __s : __S,) ->
    ::core::result::Result < __S::Ok, __S::Error > { let mut __st =
    ::bitget_core::__private::serde::Serializer::serialize_struct(__s, "OrderRow",
    7usize) ?; ::bitget_core::__private::serde::ser::SerializeStruct::serialize_field(&
    mut __st, "orderId", & self.order_id) ?;
    ::bitget_core::__private::serde::ser::SerializeStruct::serialize_field(& mut __st,
    "price", & self.price) ?;
    ::bitget_core::__private::serde::ser::SerializeStruct::serialize_field(& mut __st,
    "size", & self.size) ?;
    ::bitget_core::__private::serde::ser::SerializeStruct::serialize_field(& mut __st,
    "reduceOnly", & self.reduce_only) ?;
    ::bitget_core::__private::serde::ser::SerializeStruct::serialize_field(& mut __st,
    "fills", & self.fills) ?;
    ::bitget_core::__private::serde::ser::SerializeStruct::serialize_field(& mut __st,
    "createdTime", & self.created_time) ?;
    ::bitget_core::__private::serde::ser::SerializeStruct::serialize_field(& mut __st,
    "feeDetail", & self.fee_detail) ?;
    ::bitget_core::__private::serde::ser::SerializeStruct::end(__st) } } impl
    ::bitget_core::__private::wire::WireShape for OrderRow { fn wire_paths(prefix : &
    str, out : & mut ::std::vec::Vec < ::std::string::String >) { for name in ["orderId"]
    { let path = ::bitget_core::__private::wire::field_path(prefix, name); < String as
    ::bitget_core::__private::wire::WireShape > ::wire_paths(& path, out); out
    .push(path); } for name in ["price"] { let path =
    ::bitget_core::__private::wire::field_path(prefix, name); < Option < Decimal > as
    ::bitget_core::__private::wire::WireShape > ::wire_paths(& path, out); out
    .push(path); } for name in ["size"] { let path =
    ::bitget_core::__private::wire::field_path(prefix, name); < Decimal as
    ::bitget_core::__private::wire::WireShape > ::wire_paths(& path, out); out
    .push(path); } for name in ["reduceOnly"] { let path =
    ::bitget_core::__private::wire::field_path(prefix, name); < Option < bool > as
    ::bitget_core::__private::wire::WireShape > ::wire_paths(& path, out); out
    .push(path); } for name in ["fills"] { let path =
    ::bitget_core::__private::wire::field_path(prefix, name); < Vec < Fill > as
    ::bitget_core::__private::wire::WireShape > ::wire_paths(& path, out); out
    .push(path); } for name in ["createdTime", "cTime"] { let path =
    ::bitget_core::__private::wire::field_path(prefix, name); < i64 as
    ::bitget_core::__private::wire::WireShape > ::wire_paths(& path, out); out
    .push(path); } for name in ["feeDetail"] { let path =
    ::bitget_core::__private::wire::field_path(prefix, name); < Option < FeeDetail > as
    ::bitget_core::__private::wire::WireShape > ::wire_paths(& path, out); out
    .push(path); } } }
}
impl ::bitget_core::__private::wire::Presence for OrderRow {
    fn is_present(&self) -> bool {
        true
    }
}
impl ::bitget_core::paging::Page for OrderRow {
    type Item = Fill;
    fn into_items(self) -> ::std::vec::Vec<Fill> {
        self.fills
    }
    fn next_cursor(&self) -> ::core::option::Option<::std::string::String> {
        ::bitget_core::paging::Page::next_cursor(&self.fills)
    }
}
