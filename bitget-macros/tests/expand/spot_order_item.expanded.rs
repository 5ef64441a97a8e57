/// One order.
///
///# Rules
///
///Checked by `SpotOrderItem::builder().build()`, by `validate()` and before every send; a request that breaks one never reaches the network.
///
///- `clientOid`: at most 50 characters
///- at least one of `orderId`, `clientOid`
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::bitget_core::__private::serde::Serialize
)]
#[serde(crate = "::bitget_core::__private::serde")]
pub struct SpotOrderItem {
    /// Symbol.
    #[serde(rename = "symbol", skip_serializing_if = "::core::option::Option::is_none")]
    pub symbol: Option<String>,
    /// Order ID.
    #[serde(rename = "orderId", skip_serializing_if = "::core::option::Option::is_none")]
    pub order_id: Option<String>,
    /// Client order ID.
    #[serde(
        rename = "clientOid",
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub client_oid: Option<String>,
}
impl<'de> ::bitget_core::__private::serde::Deserialize<'de> for SpotOrderItem {
    fn deserialize<__D: ::bitget_core::__private::serde::Deserializer<'de>>(
        __d: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        let mut __f = <::bitget_core::__private::read::Fields as ::bitget_core::__private::serde::Deserialize<
            'de,
        >>::deserialize(__d)?;
        let __request = SpotOrderItem {
            symbol: ::bitget_core::__private::read::opt(&mut __f, "symbol")?,
            order_id: ::bitget_core::__private::read::opt(&mut __f, "orderId")?,
            client_oid: ::bitget_core::__private::read::opt(&mut __f, "clientOid")?,
        };
        ::bitget_core::__private::read::no_unknown(
            &__f,
            &["symbol", "orderId", "clientOid"],
        )?;
        ::core::result::Result::Ok(__request)
    }
}
#[doc(hidden)]
impl ::bitget_core::__private::Validate for SpotOrderItem {
    fn validate_at(
        &self,
        __path: &::bitget_core::__private::Path<'_>,
        __out: &mut ::bitget_core::__private::Violations,
    ) {
        #[allow(unused_imports)]
        use ::bitget_core::__private::rules as __r;
        {
            let __p = __path.field("symbol");
            <Option<
                String,
            > as ::bitget_core::__private::Validate>::validate_at(
                &self.symbol,
                &__p,
                __out,
            );
        }
        {
            let __p = __path.field("orderId");
            <Option<
                String,
            > as ::bitget_core::__private::Validate>::validate_at(
                &self.order_id,
                &__p,
                __out,
            );
        }
        {
            let __p = __path.field("clientOid");
            __r::max_len(__out, &__p, __r::text(&self.client_oid), 50usize);
            <Option<
                String,
            > as ::bitget_core::__private::Validate>::validate_at(
                &self.client_oid,
                &__p,
                __out,
            );
        }
        __r::at_least_one_of(
            __out,
            __path,
            &["orderId", "clientOid"],
            &[__r::present(&self.order_id), __r::present(&self.client_oid)],
        );
    }
    fn declared_rules(
        __prefix: &str,
        __out: &mut ::std::vec::Vec<::bitget_core::DeclaredRule>,
    ) {
        use ::bitget_core::__private::rules as __r;
        __r::declare(
            __prefix,
            &[
                ("clientOid", __r::RuleKind::MaxLen, false),
                ("", __r::RuleKind::AtLeastOneOf, true),
            ],
            __out,
        );
        <Option<
            String,
        > as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "symbol"),
            __out,
        );
        <Option<
            String,
        > as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "orderId"),
            __out,
        );
        <Option<
            String,
        > as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "clientOid"),
            __out,
        );
    }
}
///The wire name of each field of [`SpotOrderItem`].
#[doc(hidden)]
#[allow(dead_code)]
pub struct SpotOrderItemWireNames {
    pub symbol: &'static str,
    pub order_id: &'static str,
    pub client_oid: &'static str,
}
impl SpotOrderItem {
    #[doc(hidden)]
    pub const __WIRE: SpotOrderItemWireNames = SpotOrderItemWireNames {
        symbol: "symbol",
        order_id: "orderId",
        client_oid: "clientOid",
    };
}
impl SpotOrderItem {
    /// Checks every rule of the docs; the error lists each broken one with its wire path.
    pub fn validate(
        &self,
    ) -> ::core::result::Result<(), ::bitget_core::__private::ValidationError> {
        let mut __out = ::bitget_core::__private::Violations::default();
        ::bitget_core::__private::Validate::validate_at(
            self,
            &::bitget_core::__private::Path::ROOT,
            &mut __out,
        );
        __out.finish("SpotOrderItem")
    }
}
///Builder of [`SpotOrderItem`]: required fields must be set before `build()` compiles, and `build()` checks every rule.
///
///# Rules
///
///Checked by `SpotOrderItem::builder().build()`, by `validate()` and before every send; a request that breaks one never reaches the network.
///
///- `clientOid`: at most 50 characters
///- at least one of `orderId`, `clientOid`
#[must_use = "a builder does nothing until `build()`"]
pub struct SpotOrderItemBuilder {
    symbol: Option<String>,
    order_id: Option<String>,
    client_oid: Option<String>,
}
impl SpotOrderItem {
    ///Starts a [`SpotOrderItemBuilder`]: set the parameters, then `build()` checks every rule.
    pub fn builder() -> SpotOrderItemBuilder {
        SpotOrderItemBuilder {
            symbol: ::core::option::Option::None,
            order_id: ::core::option::Option::None,
            client_oid: ::core::option::Option::None,
        }
    }
}
#[allow(non_camel_case_types, private_bounds)]
impl SpotOrderItemBuilder {
    /// Symbol.
    pub fn symbol(mut self, value: impl ::core::convert::Into<String>) -> Self {
        self.symbol = ::core::option::Option::Some(
            ::core::convert::Into::<String>::into(value),
        );
        self
    }
    /// Order ID.
    pub fn order_id(mut self, value: impl ::core::convert::Into<String>) -> Self {
        self.order_id = ::core::option::Option::Some(
            ::core::convert::Into::<String>::into(value),
        );
        self
    }
    /// Client order ID.
    ///
    ///Rules: at most 50 characters.
    pub fn client_oid(mut self, value: impl ::core::convert::Into<String>) -> Self {
        self.client_oid = ::core::option::Option::Some(
            ::core::convert::Into::<String>::into(value),
        );
        self
    }
    /// Checks every rule and returns the request, or every broken rule with its wire path.
    pub fn build(
        self,
    ) -> ::core::result::Result<
        SpotOrderItem,
        ::bitget_core::__private::ValidationError,
    > {
        let (__request, __parsed) = self.__assemble();
        ::bitget_core::__private::rules::finish_build(
            __request,
            __parsed,
            "SpotOrderItem",
        )
    }
    /// The request as set, and the decimal texts that did not parse.
    fn __assemble(self) -> (SpotOrderItem, ::bitget_core::__private::Violations) {
        #[allow(unused_mut)]
        let mut __parsed = ::bitget_core::__private::Violations::default();
        let __request = SpotOrderItem {
            symbol: self.symbol,
            order_id: self.order_id,
            client_oid: self.client_oid,
        };
        (__request, __parsed)
    }
}
