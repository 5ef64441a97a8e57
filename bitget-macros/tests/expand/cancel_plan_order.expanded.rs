/// Cancel trigger orders.
///
///# Endpoint
///
///**`POST /api/v2/mix/order/cancel-plan-order`** · signed · rate limit 10 requests/s per UID (a default the client can override) · not retried when the outcome is unknown
///
///Answers with `BatchCancelResult` in `data`.
///
///# Rules
///
///Checked by `CancelPlanOrder::builder().build()`, by `validate()` and before every send; a request that breaks one never reaches the network.
///
///- `orderIdList`: required by the builder: set it, or call `cancel_all_plan_orders()` to leave it out on purpose
///- `orderIdList`: at least one item when present (an empty list is never sent)
///- `orderIdList`: at most 50 items
///- `orderIdList`: when set, `symbol` is required too
///- `productType`: required
///- `marginCoin`: upper case
#[derive(
    ::core::fmt::Debug,
    ::core::clone::Clone,
    ::core::cmp::PartialEq,
    ::bitget_core::__private::serde::Serialize
)]
#[serde(crate = "::bitget_core::__private::serde")]
pub struct CancelPlanOrder {
    /// Trigger order id list.
    #[serde(
        rename = "orderIdList",
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub order_id_list: Option<Vec<OrderIdItem>>,
    /// Trading pair.
    #[serde(rename = "symbol", skip_serializing_if = "::core::option::Option::is_none")]
    pub symbol: Option<String>,
    /// Product type.
    #[serde(rename = "productType")]
    pub product_type: ProductType,
    /// Margin coin.
    #[serde(
        rename = "marginCoin",
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub margin_coin: Option<String>,
    /// Trigger order type.
    #[serde(
        rename = "planType",
        skip_serializing_if = "::core::option::Option::is_none"
    )]
    pub plan_type: Option<PlanType>,
    #[serde(skip)]
    #[doc(hidden)]
    __order_id_list_left_out: bool,
}
impl<'de> ::bitget_core::__private::serde::Deserialize<'de> for CancelPlanOrder {
    fn deserialize<__D: ::bitget_core::__private::serde::Deserializer<'de>>(
        __d: __D,
    ) -> ::core::result::Result<Self, __D::Error> {
        let mut __f = <::bitget_core::__private::read::Fields as ::bitget_core::__private::serde::Deserialize<
            'de,
        >>::deserialize(__d)?;
        let __request = CancelPlanOrder {
            order_id_list: ::bitget_core::__private::read::opt(&mut __f, "orderIdList")?,
            symbol: ::bitget_core::__private::read::opt(&mut __f, "symbol")?,
            product_type: ::bitget_core::__private::read::req(&mut __f, "productType")?,
            margin_coin: ::bitget_core::__private::read::opt(&mut __f, "marginCoin")?,
            plan_type: ::bitget_core::__private::read::opt(&mut __f, "planType")?,
            __order_id_list_left_out: false,
        };
        ::bitget_core::__private::read::no_unknown(
            &__f,
            &["orderIdList", "symbol", "productType", "marginCoin", "planType"],
        )?;
        ::core::result::Result::Ok(__request)
    }
}
#[doc(hidden)]
impl ::bitget_core::__private::Validate for CancelPlanOrder {
    fn validate_at(
        &self,
        __path: &::bitget_core::__private::Path<'_>,
        __out: &mut ::bitget_core::__private::Violations,
    ) {
        #[allow(unused_imports)]
        use ::bitget_core::__private::rules as __r;
        {
            let __p = __path.field("orderIdList");
            __r::required_or(
                __out,
                &__p,
                __r::present(&self.order_id_list),
                self.__order_id_list_left_out,
                "cancel_all_plan_orders",
            );
            __r::non_empty(__out, &__p, __r::ListLen::list_len(&self.order_id_list));
            __r::max_items(
                __out,
                &__p,
                __r::ListLen::list_len(&self.order_id_list),
                50usize,
            );
            __r::requires(
                __out,
                &__path.field("symbol"),
                __r::present(&self.order_id_list),
                "orderIdList",
                __r::present(&self.symbol),
            );
            <Option<
                Vec<OrderIdItem>,
            > as ::bitget_core::__private::Validate>::validate_at(
                &self.order_id_list,
                &__p,
                __out,
            );
        }
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
            let __p = __path.field("productType");
            __r::required(__out, &__p, __r::present(&self.product_type));
            <ProductType as ::bitget_core::__private::Validate>::validate_at(
                &self.product_type,
                &__p,
                __out,
            );
        }
        {
            let __p = __path.field("marginCoin");
            __r::uppercase(__out, &__p, __r::text(&self.margin_coin));
            <Option<
                String,
            > as ::bitget_core::__private::Validate>::validate_at(
                &self.margin_coin,
                &__p,
                __out,
            );
        }
        {
            let __p = __path.field("planType");
            <Option<
                PlanType,
            > as ::bitget_core::__private::Validate>::validate_at(
                &self.plan_type,
                &__p,
                __out,
            );
        }
    }
    fn declared_rules(
        __prefix: &str,
        __out: &mut ::std::vec::Vec<::bitget_core::DeclaredRule>,
    ) {
        use ::bitget_core::__private::rules as __r;
        __r::declare(
            __prefix,
            &[
                ("orderIdList", __r::RuleKind::Required, false),
                ("orderIdList", __r::RuleKind::NonEmpty, false),
                ("orderIdList", __r::RuleKind::MaxItems, false),
                ("symbol", __r::RuleKind::Requires, false),
                ("productType", __r::RuleKind::Required, false),
                ("marginCoin", __r::RuleKind::Uppercase, false),
            ],
            __out,
        );
        <Option<
            Vec<OrderIdItem>,
        > as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "orderIdList"),
            __out,
        );
        <Option<
            String,
        > as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "symbol"),
            __out,
        );
        <ProductType as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "productType"),
            __out,
        );
        <Option<
            String,
        > as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "marginCoin"),
            __out,
        );
        <Option<
            PlanType,
        > as ::bitget_core::__private::Validate>::declared_rules(
            &__r::join(__prefix, "planType"),
            __out,
        );
    }
}
impl CancelPlanOrder {
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
        __out.finish("POST /api/v2/mix/order/cancel-plan-order")
    }
}
///Builder of [`CancelPlanOrder`]: required fields must be set before `build()` compiles, and `build()` checks every rule.
///
///# Endpoint
///
///**`POST /api/v2/mix/order/cancel-plan-order`** · signed · rate limit 10 requests/s per UID (a default the client can override) · not retried when the outcome is unknown
///
///Answers with `BatchCancelResult` in `data`.
///
///# Rules
///
///Checked by `CancelPlanOrder::builder().build()`, by `validate()` and before every send; a request that breaks one never reaches the network.
///
///- `orderIdList`: required by the builder: set it, or call `cancel_all_plan_orders()` to leave it out on purpose
///- `orderIdList`: at least one item when present (an empty list is never sent)
///- `orderIdList`: at most 50 items
///- `orderIdList`: when set, `symbol` is required too
///- `productType`: required
///- `marginCoin`: upper case
#[must_use = "a builder does nothing until `build()`"]
pub struct CancelPlanOrderBuilder<
    OrderIdListState = ::bitget_core::__private::rules::Unset,
    ProductTypeState = ::bitget_core::__private::rules::Unset,
> {
    order_id_list: OrderIdListState,
    symbol: Option<String>,
    product_type: ProductTypeState,
    margin_coin: Option<String>,
    plan_type: Option<PlanType>,
}
impl CancelPlanOrder {
    ///Starts a [`CancelPlanOrderBuilder`]: set the parameters, then `build()` checks every rule.
    pub fn builder() -> CancelPlanOrderBuilder {
        CancelPlanOrderBuilder {
            order_id_list: ::bitget_core::__private::rules::Unset,
            symbol: ::core::option::Option::None,
            product_type: ::bitget_core::__private::rules::Unset,
            margin_coin: ::core::option::Option::None,
            plan_type: ::core::option::Option::None,
        }
    }
}
#[allow(non_camel_case_types, private_bounds)]
impl<
    OrderIdListState,
    ProductTypeState,
> CancelPlanOrderBuilder<OrderIdListState, ProductTypeState> {
    /// Trigger order id list.
    ///
    ///Rules: required by the builder: set it, or call `cancel_all_plan_orders()` to leave it out on purpose; at least one item when present (an empty list is never sent); at most 50 items; when set, `symbol` is required too.
    pub fn order_id_list(
        self,
        value: impl ::core::iter::IntoIterator<Item = OrderIdItem>,
    ) -> CancelPlanOrderBuilder<Option<Vec<OrderIdItem>>, ProductTypeState>
    where
        OrderIdListState: CancelPlanOrderBuilderOrderIdListNotLeftOut,
    {
        CancelPlanOrderBuilder {
            order_id_list: ::core::option::Option::Some(
                ::core::iter::Iterator::collect::<
                    ::std::vec::Vec<OrderIdItem>,
                >(::core::iter::IntoIterator::into_iter(value)),
            ),
            symbol: self.symbol,
            product_type: self.product_type,
            margin_coin: self.margin_coin,
            plan_type: self.plan_type,
        }
    }
    ///Leaves `orderIdList` out on purpose. About this field: Trigger order id list.
    ///
    ///Cannot be combined with `.order_id_list(...)`: calling both does not compile, in either order.
    pub fn cancel_all_plan_orders(
        self,
    ) -> CancelPlanOrderBuilder<
        ::bitget_core::__private::rules::LeftOut,
        ProductTypeState,
    >
    where
        OrderIdListState: CancelPlanOrderBuilderOrderIdListNotSet,
    {
        CancelPlanOrderBuilder {
            order_id_list: ::bitget_core::__private::rules::LeftOut,
            symbol: self.symbol,
            product_type: self.product_type,
            margin_coin: self.margin_coin,
            plan_type: self.plan_type,
        }
    }
    /// Trading pair.
    pub fn symbol(mut self, value: impl ::core::convert::Into<String>) -> Self {
        self.symbol = ::core::option::Option::Some(
            ::core::convert::Into::<String>::into(value),
        );
        self
    }
    /// Product type.
    ///
    ///Rules: required.
    pub fn product_type(
        self,
        value: impl ::core::convert::Into<ProductType>,
    ) -> CancelPlanOrderBuilder<OrderIdListState, ProductType> {
        CancelPlanOrderBuilder {
            order_id_list: self.order_id_list,
            symbol: self.symbol,
            product_type: ::core::convert::Into::<ProductType>::into(value),
            margin_coin: self.margin_coin,
            plan_type: self.plan_type,
        }
    }
    /// Margin coin.
    ///
    ///Rules: upper case.
    pub fn margin_coin(mut self, value: impl ::core::convert::Into<String>) -> Self {
        self.margin_coin = ::core::option::Option::Some(
            ::core::convert::Into::<String>::into(value),
        );
        self
    }
    /// Trigger order type.
    pub fn plan_type(mut self, value: impl ::core::convert::Into<PlanType>) -> Self {
        self.plan_type = ::core::option::Option::Some(
            ::core::convert::Into::<PlanType>::into(value),
        );
        self
    }
    /// Checks every rule and returns the request, or every broken rule with its wire path.
    pub fn build(
        self,
    ) -> ::core::result::Result<
        CancelPlanOrder,
        ::bitget_core::__private::ValidationError,
    >
    where
        OrderIdListState: CancelPlanOrderBuilderOrderIdListIsSet,
        ProductTypeState: CancelPlanOrderBuilderProductTypeIsSet,
    {
        let (__request, __parsed) = self.__assemble();
        ::bitget_core::__private::rules::finish_build(
            __request,
            __parsed,
            "POST /api/v2/mix/order/cancel-plan-order",
        )
    }
    /// The request as set, and the decimal texts that did not parse.
    fn __assemble(self) -> (CancelPlanOrder, ::bitget_core::__private::Violations)
    where
        OrderIdListState: CancelPlanOrderBuilderOrderIdListIsSet,
        ProductTypeState: CancelPlanOrderBuilderProductTypeIsSet,
    {
        #[allow(unused_mut)]
        let mut __parsed = ::bitget_core::__private::Violations::default();
        let __request = CancelPlanOrder {
            order_id_list: CancelPlanOrderBuilderOrderIdListIsSet::__take(
                self.order_id_list,
            ),
            symbol: self.symbol,
            product_type: CancelPlanOrderBuilderProductTypeIsSet::__take(
                self.product_type,
            ),
            margin_coin: self.margin_coin,
            plan_type: self.plan_type,
            __order_id_list_left_out: <OrderIdListState as CancelPlanOrderBuilderOrderIdListIsSet>::LEFT_OUT,
        };
        (__request, __parsed)
    }
    /// Builds the request (every rule checked) and sends it through `client`: a broken
    /// rule is this call's error, and then nothing is sent.
    #[inline]
    pub fn send<'__c>(
        self,
        client: &'__c ::bitget_core::__private::Client,
    ) -> ::bitget_core::__private::Sending<'__c, BatchCancelResult>
    where
        OrderIdListState: CancelPlanOrderBuilderOrderIdListIsSet,
        ProductTypeState: CancelPlanOrderBuilderProductTypeIsSet,
    {
        let (__request, __parsed) = self.__assemble();
        let __request = if __parsed.is_empty() {
            ::core::result::Result::Ok(__request)
        } else {
            ::bitget_core::__private::rules::finish_build(
                    __request,
                    __parsed,
                    "POST /api/v2/mix/order/cancel-plan-order",
                )
                .map_err(::core::convert::Into::into)
        };
        ::std::boxed::Box::pin(::bitget_core::__private::send_built(client, __request))
    }
}
#[diagnostic::on_unimplemented(
    message = "the required field `orderIdList` is not set on `CancelPlanOrderBuilder`",
    label = "call `.order_id_list(...)` before `.build()` or `.send(..)`, or `.cancel_all_plan_orders()` to leave it out on purpose"
)]
#[allow(non_camel_case_types)]
#[doc(hidden)]
trait CancelPlanOrderBuilderOrderIdListIsSet {
    /// Whether the field was left out on purpose.
    const LEFT_OUT: bool = false;
    fn __take(self) -> Option<Vec<OrderIdItem>>;
}
impl CancelPlanOrderBuilderOrderIdListIsSet for Option<Vec<OrderIdItem>> {
    #[inline]
    fn __take(self) -> Option<Vec<OrderIdItem>> {
        self
    }
}
impl CancelPlanOrderBuilderOrderIdListIsSet
for ::bitget_core::__private::rules::LeftOut {
    const LEFT_OUT: bool = true;
    #[inline]
    fn __take(self) -> Option<Vec<OrderIdItem>> {
        ::core::option::Option::None
    }
}
#[diagnostic::on_unimplemented(
    message = "`.order_id_list(...)` is called after `.cancel_all_plan_orders()` on `CancelPlanOrderBuilder`",
    label = "`.cancel_all_plan_orders()` already left `orderIdList` out on purpose: keep only one of the two calls"
)]
#[allow(non_camel_case_types)]
#[doc(hidden)]
trait CancelPlanOrderBuilderOrderIdListNotLeftOut {}
impl CancelPlanOrderBuilderOrderIdListNotLeftOut
for ::bitget_core::__private::rules::Unset {}
impl CancelPlanOrderBuilderOrderIdListNotLeftOut for Option<Vec<OrderIdItem>> {}
#[diagnostic::on_unimplemented(
    message = "`.cancel_all_plan_orders()` is called after `.order_id_list(...)` on `CancelPlanOrderBuilder`",
    label = "`orderIdList` is already set, and `.cancel_all_plan_orders()` would drop it and widen the request: keep only one of the two calls"
)]
#[allow(non_camel_case_types)]
#[doc(hidden)]
trait CancelPlanOrderBuilderOrderIdListNotSet {}
impl CancelPlanOrderBuilderOrderIdListNotSet for ::bitget_core::__private::rules::Unset {}
impl CancelPlanOrderBuilderOrderIdListNotSet
for ::bitget_core::__private::rules::LeftOut {}
#[diagnostic::on_unimplemented(
    message = "the required field `productType` is not set on `CancelPlanOrderBuilder`",
    label = "call `.product_type(...)` before `.build()` or `.send(..)`"
)]
#[allow(non_camel_case_types)]
#[doc(hidden)]
trait CancelPlanOrderBuilderProductTypeIsSet {
    /// Whether the field was left out on purpose.
    const LEFT_OUT: bool = false;
    fn __take(self) -> ProductType;
}
impl CancelPlanOrderBuilderProductTypeIsSet for ProductType {
    #[inline]
    fn __take(self) -> ProductType {
        self
    }
}
impl ::bitget_core::__private::Endpoint for CancelPlanOrder {
    type Response = BatchCancelResult;
    const METHOD: ::bitget_core::__private::Method = ::bitget_core::Method::Post;
    const PATH: &'static str = "/api/v2/mix/order/cancel-plan-order";
    const RATE_LIMIT: ::bitget_core::__private::RateLimit = ::bitget_core::RateLimit {
        per_second: 10u32,
        scope: ::bitget_core::RateScope::Uid,
    };
    const SIGNED: bool = true;
    const ENCODING: ::bitget_core::__private::Encoding = ::bitget_core::Encoding::JsonBody;
    fn validate(
        &self,
    ) -> ::core::result::Result<(), ::bitget_core::__private::ValidationError> {
        CancelPlanOrder::validate(self)
    }
    fn declared_rules() -> ::std::vec::Vec<::bitget_core::DeclaredRule> {
        let mut __out = ::std::vec::Vec::new();
        <Self as ::bitget_core::__private::Validate>::declared_rules("", &mut __out);
        __out
    }
    fn product_type(&self) -> ::core::option::Option<&str> {
        ::bitget_core::__private::rules::text(&self.product_type)
    }
}
impl CancelPlanOrder {
    /// Validates, signs, sends and decodes this request through `client`.
    #[inline]
    pub async fn send(
        &self,
        client: &::bitget_core::__private::Client,
    ) -> ::core::result::Result<BatchCancelResult, ::bitget_core::__private::Error> {
        client.send(self).await
    }
}
